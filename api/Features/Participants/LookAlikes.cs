using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Integrity.Api.Features.Participants;

/// <summary>
/// Folds text so that characters that look alike compare alike in the duplicate keys: compatibility forms
/// (NFKC: full-width letters, ligatures), format characters removed (Unicode category Cf: zero-width spaces and
/// joiners, soft hyphens, direction marks), and Cyrillic and Greek letters that look Latin mapped to the Latin
/// letter. One official typed with a Cyrillic "а" or a hidden soft hyphen is still one official.
/// </summary>
public static class LookAlikes
{
    /// <summary>
    /// The Cyrillic and Greek letters that Unicode's confusables.txt (https://www.unicode.org/Public/security/latest/confusables.txt,
    /// UTS #39) maps to a single Latin letter, in both cases. Kept small on purpose: the letters an official's name,
    /// e-mail or staff number is realistically typed with on a Cyrillic or Greek keyboard layout.
    /// </summary>
    private static readonly FrozenDictionary<char, char> Latin = new Dictionary<char, char>
    {
        // Cyrillic capitals
        ['А'] = 'A', ['В'] = 'B', ['Е'] = 'E', ['К'] = 'K', ['М'] = 'M', ['Н'] = 'H', ['О'] = 'O', ['Р'] = 'P',
        ['С'] = 'C', ['Т'] = 'T', ['У'] = 'Y', ['Х'] = 'X', ['Ѕ'] = 'S', ['І'] = 'I', ['Ј'] = 'J', ['Ԛ'] = 'Q', ['Ԝ'] = 'W',
        // Cyrillic small letters
        ['а'] = 'a', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's',
        ['і'] = 'i', ['ј'] = 'j', ['һ'] = 'h', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ӏ'] = 'l',
        // Greek capitals
        ['Α'] = 'A', ['Β'] = 'B', ['Ε'] = 'E', ['Ζ'] = 'Z', ['Η'] = 'H', ['Ι'] = 'I', ['Κ'] = 'K', ['Μ'] = 'M',
        ['Ν'] = 'N', ['Ο'] = 'O', ['Ρ'] = 'P', ['Τ'] = 'T', ['Υ'] = 'Y', ['Χ'] = 'X',
        // Greek small letters
        ['ο'] = 'o', ['α'] = 'a', ['ι'] = 'i', ['ν'] = 'v', ['ρ'] = 'p', ['υ'] = 'u',
    }.ToFrozenDictionary();

    /// <summary>"Аminata" (Cyrillic А), "Ami\u200Bnata" and "Ami\u00ADnata" all give "Aminata".</summary>
    public static string Fold(string text)
    {
        var compatible = text.Normalize(NormalizationForm.FormKC);
        var folded = new StringBuilder(compatible.Length);
        foreach (var c in compatible)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            folded.Append(Latin.GetValueOrDefault(c, c));
        }
        return folded.ToString();
    }
}
