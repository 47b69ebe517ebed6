using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Http;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>
/// A round's responses as fieldworkers send them, one row per respondent: <c>respondent</c> (an anonymous code),
/// <c>group</c>, the optional breakdowns <c>service</c>, <c>sex</c> and <c>region</c>, and a column per question code of
/// the questionnaire with 1 to 5 or blank. Headers are English or French (répondant, groupe, sexe, région), accents and
/// capitals aside; the header row may sit below a title (within the first 20 lines). Columns the questionnaire does not
/// know are reported, not read. A file that names respondents (a name, e-mail or phone column, or an e-mail address in
/// any cell) is refused whole: respondents are anonymous.
/// </summary>
public sealed partial class ResponsesFile
{
    /// <summary>How far below the top the header row may be.</summary>
    private const int HeaderSearchRows = 20;

    /// <summary>A row of 200 answers, a code, a group spelled out in French and three breakdowns fits in 2 KB.</summary>
    public const long BytesPerRow = 2048;

    public enum Column { Respondent, Group, Service, Sex, Region }

    /// <summary>Header names, written as <see cref="UploadedSheet.Key"/> gives them.</summary>
    private static readonly Dictionary<string, Column> Headers = new(StringComparer.Ordinal)
    {
        ["respondent"] = Column.Respondent, ["respondent_code"] = Column.Respondent, ["respondent_id"] = Column.Respondent,
        ["repondant"] = Column.Respondent, ["code_repondant"] = Column.Respondent, ["code_du_repondant"] = Column.Respondent,
        ["group"] = Column.Group, ["respondent_group"] = Column.Group, ["groupe"] = Column.Group, ["categorie"] = Column.Group, ["category"] = Column.Group,
        ["service"] = Column.Service,
        ["sex"] = Column.Sex, ["gender"] = Column.Sex, ["sexe"] = Column.Sex, ["genre"] = Column.Sex,
        ["region"] = Column.Region, ["province"] = Column.Region,
    };

    /// <summary>Words of a header that names or reaches a person: such a column has no place in an anonymous survey.</summary>
    private static readonly HashSet<string> PersonalWords = new(StringComparer.Ordinal)
    {
        "name", "names", "surname", "firstname", "lastname", "nom", "noms", "prenom", "prenoms",
        "email", "mail", "courriel", "phone", "telephone", "tel", "mobile", "portable",
    };

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();

    private ResponsesFile(IReadOnlyList<Row> rows, IReadOnlyList<string> unknownColumns)
    {
        Rows = rows;
        UnknownColumns = unknownColumns;
    }

    /// <summary>The rows under the header, blank rows left out.</summary>
    public IReadOnlyList<Row> Rows { get; }

    /// <summary>Headers the questionnaire does not know, as written: not read.</summary>
    public IReadOnlyList<string> UnknownColumns { get; }

    /// <summary>One respondent's row; <see cref="Answers"/> holds the cell of each question, by its position in the questionnaire.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<Column, string> Values, IReadOnlyList<string> Answers, bool Malformed)
    {
        public string? this[Column column] => Values.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
    }

    /// <summary>
    /// Reads the file against the questionnaire's question codes (in order): a header with a respondent and a group
    /// column (else 400), no column naming respondents (else 422, nothing imported), at least one row and at most
    /// <see cref="SheetLimits.MaxRows"/> (400, 413).
    /// </summary>
    public static ResponsesFile Read(UploadedSheet sheet, IReadOnlyList<string> questionCodes, SheetLimits limits)
    {
        var questions = questionCodes.Select((code, position) => (code, position))
            .ToDictionary(question => question.code.Trim(), question => question.position, StringComparer.OrdinalIgnoreCase);
        var top = sheet.Lines.Take(HeaderSearchRows).ToList();
        var at = top.FindIndex(line => line.Values.Any(value => Headers.GetValueOrDefault(UploadedSheet.Key(value), (Column)(-1)) == Column.Respondent));
        var header = at >= 0 ? top[at].Values : top.FirstOrDefault(line => !line.IsBlank)?.Values ?? [];

        var columns = new Dictionary<int, Column>();
        var asked = new Dictionary<int, int>();
        var unknown = new List<string>();
        var personal = new List<string>();
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < header.Count; i++)
        {
            var written = header[i].Trim();
            var key = UploadedSheet.Key(written);
            if (key.Length == 0) continue;
            if (questions.TryGetValue(written, out var position))
            {
                if (asked.ContainsValue(position)) failures.Add(new ValidationFailure("sheet", Messages.SheetTwoColumns.With($"'{written}'")));
                asked[i] = position;
            }
            else if (Headers.TryGetValue(key, out var column))
            {
                if (columns.ContainsValue(column)) failures.Add(new ValidationFailure("sheet", Messages.SheetTwoColumns.With(Describe(column))));
                columns[i] = column;
            }
            else if (key.Split('_').Any(PersonalWords.Contains)) personal.Add(written);
            else unknown.Add(written);
        }
        foreach (var required in new[] { Column.Respondent, Column.Group }.Where(required => !columns.ContainsValue(required)))
            failures.Add(new ValidationFailure("sheet", Messages.SheetNoColumn.With(Describe(required), string.Join(" | ", header))));
        if (failures.Count > 0) throw new ValidationException(failures);

        var lines = sheet.RowsUnder(at, limits);
        foreach (var (index, written) in header.Index())
            if (!personal.Contains(written.Trim()) && lines.Any(line => index < line.Values.Count && line.Values[index].Contains('@') && EmailAddress().IsMatch(line.Values[index].Trim())))
                personal.Add(written.Trim());
        if (personal.Count > 0) throw new NotAnonymousException(personal);

        var rows = lines.Select(line =>
        {
            var answers = new string[questionCodes.Count];
            Array.Fill(answers, "");
            foreach (var (index, position) in asked.Where(question => question.Key < line.Values.Count)) answers[position] = line.Values[index].Trim();
            return new Row(line.Number,
                columns.Where(column => column.Key < line.Values.Count).ToDictionary(column => column.Value, column => line.Values[column.Key].Trim()),
                answers, line.Malformed);
        }).ToList();
        return new ResponsesFile(rows, unknown);
    }

    private static string Describe(Column column) =>
        string.Join(" / ", Headers.Where(header => header.Value == column).Select(header => header.Key)
            .Where(name => !name.Contains('_')).Take(2).Select(name => $"'{name}'"));
}

/// <summary>A file that names its respondents: refused whole, with the columns to remove.</summary>
public sealed class NotAnonymousException(IReadOnlyList<string> columns)
    : ProblemException(StatusCodes.Status422UnprocessableEntity, Messages.TitleNotAnonymous, Messages.ResponsesNotAnonymous.With(string.Join(", ", columns.Select(column => $"'{column}'"))));
