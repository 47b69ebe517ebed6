using System.Globalization;
using System.Text;
using CsvHelper;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Http;
using Microsoft.Net.Http.Headers;

namespace Integrity.Api.Features.Participants;

/// <summary>
/// An attendance sheet as trainers keep it: CSV in UTF-8 (with or without BOM), comma- or semicolon-separated
/// (whichever the header uses), with headers in English or French in any order. Columns it does not know,
/// such as N° or Signature, are left alone; blank lines are skipped.
/// </summary>
public sealed class AttendanceSheet
{
    public const string MediaType = "text/csv";
    public const int MaxBytes = 5 * 1024 * 1024;

    public enum Column { FamilyName, GivenNames, Sex, Administration, Service, Position, Email, StaffNumber }

    /// <summary>Header names, written as <see cref="HeaderKey"/> gives them: lower-case, no accents, words joined by '_'.</summary>
    private static readonly Dictionary<string, Column> Headers = new(StringComparer.Ordinal)
    {
        ["family_name"] = Column.FamilyName, ["nom"] = Column.FamilyName, ["last_name"] = Column.FamilyName,
        ["surname"] = Column.FamilyName, ["nom_de_famille"] = Column.FamilyName,
        ["given_names"] = Column.GivenNames, ["prenoms"] = Column.GivenNames, ["prenom"] = Column.GivenNames,
        ["given_name"] = Column.GivenNames, ["first_name"] = Column.GivenNames, ["first_names"] = Column.GivenNames,
        ["sex"] = Column.Sex, ["gender"] = Column.Sex, ["sexe"] = Column.Sex, ["genre"] = Column.Sex,
        ["administration"] = Column.Administration, ["administration_id"] = Column.Administration,
        ["country"] = Column.Administration, ["country_code"] = Column.Administration, ["pays"] = Column.Administration,
        ["service"] = Column.Service,
        ["position"] = Column.Position, ["fonction"] = Column.Position, ["poste"] = Column.Position,
        ["email"] = Column.Email, ["e_mail"] = Column.Email, ["mail"] = Column.Email, ["courriel"] = Column.Email,
        ["staff_number"] = Column.StaffNumber, ["matricule"] = Column.StaffNumber, ["n_matricule"] = Column.StaffNumber,
    };

    private static readonly Dictionary<string, Sex> SexWords = new(StringComparer.Ordinal)
    {
        [""] = Sex.NotRecorded, ["not_recorded"] = Sex.NotRecorded,
        ["f"] = Sex.Female, ["female"] = Sex.Female, ["femme"] = Sex.Female, ["feminin"] = Sex.Female,
        ["m"] = Sex.Male, ["male"] = Sex.Male, ["h"] = Sex.Male, ["homme"] = Sex.Male, ["masculin"] = Sex.Male,
    };

    private static readonly Dictionary<string, Service> ServiceWords = new(StringComparer.Ordinal)
    {
        ["operational"] = Service.Operational, ["operationnel"] = Service.Operational, ["operationnelle"] = Service.Operational,
        ["support"] = Service.Support, ["soutien"] = Service.Support, ["appui"] = Service.Support,
        ["management"] = Service.Management, ["direction"] = Service.Management, ["encadrement"] = Service.Management,
    };

    private static readonly char[] Separators = [',', ';', '\t'];

    public required IReadOnlyList<Row> Rows { get; init; }

    /// <summary>One line of the sheet under the header, by column; <see cref="Line"/> counts from 1 at the header.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<Column, string> Values, bool Malformed)
    {
        public string? this[Column column] => Values.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
    }

    /// <summary>The body of a request: <c>text/csv</c> (else 415), at most <see cref="MaxBytes"/> (else 413), UTF-8 (else 400).</summary>
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
            throw new NotCsvException();
        if (request.ContentLength > MaxBytes) throw new SheetTooLargeException();
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBytes) throw new SheetTooLargeException();
            body.Write(buffer, 0, read);
        }
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body.GetBuffer(), 0, (int)body.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationException([new ValidationFailure("sheet",
                "The sheet is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (comma delimited)\"; in LibreOffice, choose the character set Unicode (UTF-8).")]);
        }
    }

    /// <summary>Reads the sheet; a header without family and given names, or a sheet without rows, is a 400 on <c>sheet</c>.</summary>
    public static AttendanceSheet Parse(string text)
    {
        var malformed = new HashSet<long>();
        using var reader = CsvReader.FromText(text, new CsvReaderOptions
        {
            Separator = SeparatorOf(text),
            TrimWhitespace = true,
            // A line break ends a row even inside quotes, so that one unpaired quote cannot swallow the rest of the sheet.
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record =>
            {
                if (record.Reason is CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote) malformed.Add(record.LineNumber);
            },
        });
        var columns = ColumnsOf(reader.Headers);
        var rows = new List<Row>();
        while (reader.Read())
        {
            if (Enumerable.Range(0, reader.FieldCount).All(reader.IsEmpty)) continue;
            var values = columns.Where(column => column.Key < reader.FieldCount).ToDictionary(column => column.Value, column => reader.GetString(column.Key));
            rows.Add(new Row((int)reader.LineNumber, values, malformed.Contains(reader.LineNumber)));
        }
        if (rows.Count == 0)
            throw new ValidationException([new ValidationFailure("sheet", "The sheet has no rows under its header.")]);
        return new AttendanceSheet { Rows = rows };
    }

    /// <summary>The sheet's sex column: F, M, female, male, femme, homme (or H), or blank for not_recorded.</summary>
    public static bool TryReadSex(string? text, out Sex sex) => SexWords.TryGetValue(HeaderKey(text ?? ""), out sex);

    /// <summary>The sheet's service column, in English or French: operational (opérationnel), support (soutien, appui), management (direction, encadrement).</summary>
    public static bool TryReadService(string text, out Service service) => ServiceWords.TryGetValue(HeaderKey(text), out service);

    private static string HeaderKey(string text) => string.Join('_', PersonNames.Words(text));

    /// <summary>Whichever of comma, semicolon and tab the header line uses most.</summary>
    private static char SeparatorOf(string text)
    {
        var header = text[..(text.IndexOfAny(['\r', '\n']) is var end and >= 0 ? end : text.Length)];
        return Separators.MaxBy(separator => header.Count(c => c == separator));
    }

    /// <summary>Which column of the record holds what; both names required.</summary>
    private static Dictionary<int, Column> ColumnsOf(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<int, Column>();
        var failures = new List<ValidationFailure>();
        for (var i = 0; i < header.Count; i++)
        {
            if (!Headers.TryGetValue(HeaderKey(header[i]), out var column)) continue;
            if (columns.ContainsValue(column))
                failures.Add(new ValidationFailure("sheet", $"The header has two columns for {Describe(column)}: keep one."));
            columns[i] = column;
        }
        foreach (var required in new[] { Column.FamilyName, Column.GivenNames }.Where(required => !columns.ContainsValue(required)))
            failures.Add(new ValidationFailure("sheet",
                $"The header has no column for {Describe(required)}. It read: {string.Join(" | ", header)}."));
        if (failures.Count > 0) throw new ValidationException(failures);
        return columns;
    }

    private static string Describe(Column column) =>
        string.Join(" or ", Headers.Where(header => header.Value == column).Select(header => header.Key).Take(2).Select(name => $"'{name}'"));
}

public sealed class NotCsvException() : ProblemException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
    "Send the attendance sheet as CSV in UTF-8, with Content-Type: text/csv.");

public sealed class SheetTooLargeException() : ProblemException(StatusCodes.Status413PayloadTooLarge, "Sheet too large",
    $"An attendance sheet has at most {AttendanceSheet.MaxBytes / 1024 / 1024} MB. Split it and upload the parts one after the other.");
