using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Enrolments;

/// <summary>
/// How large an attendance sheet may be: <c>Imports:MaxRows</c> rows (default 5,000), and as many bytes as such rows
/// can reasonably take (1 KB a row, in whole MB), so that a sheet is refused before it costs the server much.
/// </summary>
public sealed record SheetLimits(int MaxRows)
{
    private const long Megabyte = 1024 * 1024;
    private const long BytesPerRow = 1024;

    public long MaxBytes => Math.Max(1, (MaxRows * BytesPerRow + Megabyte - 1) / Megabyte) * Megabyte;

    public static SheetLimits From(IConfiguration configuration) => new(configuration.GetValue("Imports:MaxRows", 5000));
}

/// <summary>
/// An attendance sheet as trainers keep it: CSV in UTF-8 (with or without BOM), comma- or semicolon-separated,
/// with headers in English or French in any order. Columns it does not know, such as N° or Signature, are left
/// alone; blank lines are skipped. The body is buffered (on disk beyond a few KB) and read as a stream twice:
/// once to check and count its rows, so that a sheet over the cap stores nothing, then row by row to import it.
/// </summary>
public sealed class AttendanceSheet
{
    public const string MediaType = "text/csv";

    /// <summary>Decodes strictly: a sheet in another encoding is refused, never read as mojibake.</summary>
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);

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

    private readonly Stream body;

    private AttendanceSheet(Stream body, int rowCount, string sha256)
    {
        this.body = body;
        RowCount = rowCount;
        Sha256 = sha256;
    }

    /// <summary>The rows under the header, blank lines not counted.</summary>
    public int RowCount { get; }

    /// <summary>What the audit trail keeps of the sheet: its fingerprint, not the personal data it holds.</summary>
    public string Sha256 { get; }

    /// <summary>One line of the sheet under the header, by column; <see cref="Line"/> counts from 1 at the header.</summary>
    public sealed record Row(int Line, IReadOnlyDictionary<Column, string> Values, bool Malformed)
    {
        public string? this[Column column] => Values.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
    }

    /// <summary>
    /// The body of a request: <c>text/csv</c> (else 415), at most <see cref="SheetLimits.MaxBytes"/> (else 413), UTF-8
    /// (else 400), a header naming both name columns and at least one row (else 400), at most
    /// <see cref="SheetLimits.MaxRows"/> rows (else 413, counted to the end without keeping them).
    /// </summary>
    public static async Task<AttendanceSheet> ReceiveAsync(HttpRequest request, SheetLimits limits, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase))
            throw new NotCsvException();
        if (request.ContentLength > limits.MaxBytes) throw new SheetTooLargeException(limits);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limits.MaxBytes;
        request.EnableBuffering();
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(request.Body, cancellationToken));
        if (request.Body.Length > limits.MaxBytes) throw new SheetTooLargeException(limits);

        var rows = 0;
        try
        {
            await foreach (var _ in ReadAsync(request.Body, cancellationToken)) rows++;
        }
        catch (DecoderFallbackException)
        {
            throw new ValidationException([new ValidationFailure("sheet",
                "The sheet is not UTF-8 text. In Excel, save it as \"CSV UTF-8 (comma delimited)\"; in LibreOffice, choose the character set Unicode (UTF-8).")]);
        }
        if (rows == 0)
            throw new ValidationException([new ValidationFailure("sheet", "The sheet has no rows under its header.")]);
        if (rows > limits.MaxRows) throw new TooManyRowsException(limits, rows);
        return new AttendanceSheet(request.Body, rows, sha256);
    }

    /// <summary>The rows, one at a time, from the buffered body.</summary>
    public IAsyncEnumerable<Row> RowsAsync(CancellationToken cancellationToken) => ReadAsync(body, cancellationToken);

    private static async IAsyncEnumerable<Row> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        body.Position = 0;
        var malformed = new HashSet<long>();
        using var text = new StreamReader(body, Utf8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        using var reader = CsvReader.Create(text, new CsvReaderOptions
        {
            TrimWhitespace = true,
            // A line break ends a row even inside quotes, so that one unpaired quote cannot swallow the rest of the sheet.
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record =>
            {
                if (record.Reason is CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote) malformed.Add(record.LineNumber);
            },
        }, leaveOpen: true);
        await reader.ReadHeaderAsync(cancellationToken);
        var columns = ColumnsOf(reader.Headers);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Enumerable.Range(0, reader.FieldCount).All(reader.IsEmpty)) continue;
            var values = columns.Where(column => column.Key < reader.FieldCount).ToDictionary(column => column.Value, column => reader.GetString(column.Key));
            yield return new Row((int)reader.LineNumber, values, malformed.Remove(reader.LineNumber));
        }
    }

    /// <summary>The sheet's sex column: F, M, female, male, femme, homme (or H), or blank for not_recorded.</summary>
    public static bool TryReadSex(string? text, out Sex sex) => SexWords.TryGetValue(HeaderKey(text ?? ""), out sex);

    /// <summary>The sheet's service column, in English or French: operational (opérationnel), support (soutien, appui), management (direction, encadrement).</summary>
    public static bool TryReadService(string text, out Service service) => ServiceWords.TryGetValue(HeaderKey(text), out service);

    private static string HeaderKey(string text) => string.Join('_', PersonNames.Words(text));

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

public sealed class SheetTooLargeException(SheetLimits limits) : ProblemException(StatusCodes.Status413PayloadTooLarge, "Sheet too large",
    string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"An attendance sheet has at most {limits.MaxBytes / 1024 / 1024} MB ({limits.MaxRows:N0} rows). Split it and upload the parts one after the other."));

/// <summary>A sheet with more rows than <see cref="SheetLimits.MaxRows"/>: refused whole, so that nothing of it is stored.</summary>
public sealed class TooManyRowsException(SheetLimits limits, int found) : ProblemException(StatusCodes.Status413PayloadTooLarge, "Too many rows",
    string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"An attendance sheet has at most {limits.MaxRows:N0} rows; this one has {found:N0}. Nothing was imported. " +
        $"Split it into sheets of {limits.MaxRows:N0} rows or fewer (each with the header line) and upload them one after the other."));
