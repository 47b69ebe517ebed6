using System.Globalization;
using System.Text;

namespace Integrity.Api.Features.Participants;

/// <summary>
/// Names as the registry compares them: lower-case, without accents or punctuation, and with the words
/// in alphabetical order, since sheets write "OUEDRAOGO Aminata" as often as "Aminata Ouédraogo"; look-alike
/// characters folded first (<see cref="LookAlikes"/>).
/// </summary>
public static class PersonNames
{
    /// <summary>"Ouédraogo", "Aminata" and "AMINATA", "OUEDRAOGO" both give "aminata ouedraogo".</summary>
    public static string Normalise(string familyName, string givenNames) =>
        string.Join(' ', Words($"{familyName} {givenNames}").Order(StringComparer.Ordinal));

    /// <summary>The words of a text, lower-case and without accents; an apostrophe joins (N'Diaye is ndiaye), other punctuation separates.</summary>
    public static IReadOnlyList<string> Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in LookAlikes.Fold(text).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019') continue;
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
