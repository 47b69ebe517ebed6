using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Features.Participants;
using Integrity.Api.Resources;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Integrity.Api.Http;

/// <summary>
/// How large an imported sheet may be: <c>Imports:MaxRows</c> rows (default 5,000), and as many bytes as such rows
/// can reasonably take (<paramref name="BytesPerRow"/>, in whole MB), so that a sheet is refused before it costs the
/// server much.
/// </summary>
public sealed record SheetLimits(int MaxRows, long BytesPerRow = SheetLimits.DefaultBytesPerRow)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>An attendance sheet's row: a person's names, e-mail, position and a few marks.</summary>
    public const long DefaultBytesPerRow = 1024;

    public long MaxBytes => Math.Max(1, (MaxRows * BytesPerRow + Megabyte - 1) / Megabyte) * Megabyte;

    public static SheetLimits From(IConfiguration configuration, long bytesPerRow = DefaultBytesPerRow) =>
        new(configuration.GetValue("Imports:MaxRows", 5000), bytesPerRow);
}

/// <summary>
/// A sheet sent to an import, read into lines of text cells: CSV in UTF-8 (with or without BOM) or Windows-1252 (French
/// Excel's "CSV (séparateur : point-virgule)"), separated by commas, semicolons or tabs, or an Excel workbook (.xlsx,
/// its first sheet). Which line is the header, and what its columns mean, is each import's to say. The body is
/// buffered (on disk beyond a few KB) and read whole: the size limit keeps it small.
/// </summary>
public sealed class UploadedSheet
{
    public const string CsvMediaType = "text/csv";
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Decodes strictly, so that a sheet that is not UTF-8 is read as Windows-1252 instead of as mojibake.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private UploadedSheet(string sha256, string format, string? encoding, IReadOnlyList<Line> lines)
    {
        Sha256 = sha256;
        Format = format;
        Encoding = encoding;
        Lines = lines;
    }

    /// <summary>What an audit trail keeps of the sheet: its fingerprint, not the data it holds.</summary>
    public string Sha256 { get; }

    /// <summary><c>csv</c> or <c>xlsx</c>.</summary>
    public string Format { get; }

    /// <summary>How a CSV sheet was written: <c>utf-8</c>, <c>utf-8-bom</c> or <c>windows-1252</c>; null for .xlsx.</summary>
    public string? Encoding { get; }

    /// <summary>Every line of the sheet, blank ones included, in order.</summary>
    public IReadOnlyList<Line> Lines { get; }

    /// <param name="Number">The line's number in the file (a CSV line, a worksheet row).</param>
    /// <param name="Values">Its cells as text.</param>
    /// <param name="Malformed">A CSV line whose quotes do not pair up.</param>
    public sealed record Line(int Number, IReadOnlyList<string> Values, bool Malformed)
    {
        public bool IsBlank => Values.All(string.IsNullOrWhiteSpace);
    }

    /// <summary>
    /// The body of a request: <c>text/csv</c> or .xlsx (else 415), at most <see cref="SheetLimits.MaxBytes"/> (else 413).
    /// </summary>
    public static async Task<UploadedSheet> ReceiveAsync(HttpRequest request, SheetLimits limits, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) throw new NotASheetException();
        var xlsx = type.MediaType.Equals(XlsxMediaType, StringComparison.OrdinalIgnoreCase);
        if (!xlsx && !type.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase)) throw new NotASheetException();
        if (request.ContentLength > limits.MaxBytes) throw new SheetTooLargeException(limits);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            bodySize.MaxRequestBodySize = limits.MaxBytes;
        request.EnableBuffering();
        var sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(request.Body, cancellationToken));
        if (request.Body.Length > limits.MaxBytes) throw new SheetTooLargeException(limits);
        request.Body.Position = 0;
        return await ReadAsync(request.Body, xlsx, sha256, cancellationToken);
    }

    /// <summary>A sheet already in hand, such as one built in code, CSV or .xlsx.</summary>
    public static async Task<UploadedSheet> ReadAsync(byte[] content, bool xlsx, CancellationToken cancellationToken) =>
        await ReadAsync(new MemoryStream(content, writable: false), xlsx, Convert.ToHexStringLower(SHA256.HashData(content)), cancellationToken);

    private static async Task<UploadedSheet> ReadAsync(Stream body, bool xlsx, string sha256, CancellationToken cancellationToken)
    {
        string? encoding = null;
        var lines = xlsx ? ReadWorkbook(body) : await ReadCsvAsync(body, name => encoding = name, cancellationToken);
        return new UploadedSheet(sha256, xlsx ? "xlsx" : "csv", encoding, lines);
    }

    /// <summary>
    /// The lines under the header, blank ones left out: at least one (else 400), at most <see cref="SheetLimits.MaxRows"/>
    /// (else 413, nothing imported).
    /// </summary>
    public IReadOnlyList<Line> RowsUnder(int headerAt, SheetLimits limits)
    {
        var rows = Lines.Skip(headerAt + 1).Where(line => !line.IsBlank).ToList();
        if (rows.Count > limits.MaxRows) throw new TooManyRowsException(limits, rows.Count);
        if (rows.Count == 0) throw new ValidationException([new ValidationFailure("sheet", Messages.SheetNoRows)]);
        return rows;
    }

    /// <summary>How headers and words compare: lower-case, without accents, words joined by '_'.</summary>
    public static string Key(string text) => string.Join('_', PersonNames.Words(text));

    /// <summary>The CSV's lines, decoded as UTF-8 when it is valid UTF-8 and as Windows-1252 otherwise; its separator is detected.</summary>
    private static async Task<List<Line>> ReadCsvAsync(Stream body, Action<string> encodingFound, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        string text;
        try
        {
            text = StrictUtf8.GetString(bom ? bytes[3..] : bytes);
            encodingFound(bom ? "utf-8-bom" : "utf-8");
        }
        catch (DecoderFallbackException)
        {
            text = WindowsLatin.Value.GetString(bytes);
            encodingFound("windows-1252");
        }

        var malformed = new HashSet<long>();
        using var reader = CsvReader.Create(new StringReader(text), new CsvReaderOptions
        {
            HasHeader = false,
            TrimWhitespace = true,
            // A line break ends a row even inside quotes, so that one unpaired quote cannot swallow the rest of the sheet.
            AllowLineBreaksInQuotes = false,
            TrackLineNumbers = true,
            OnMalformedRecord = record =>
            {
                if (record.Reason is CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote) malformed.Add(record.LineNumber);
            },
        });
        var lines = new List<Line>();
        while (await reader.ReadAsync(cancellationToken))
            lines.Add(new Line((int)reader.LineNumber, [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)], malformed.Remove(reader.LineNumber)));
        return lines;
    }

    private static readonly Lazy<System.Text.Encoding> WindowsLatin = new(() =>
    {
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    });

    /// <summary>The first sheet of a workbook, cell by cell as text; a date cell becomes its ISO day, so that a day header reads as one.</summary>
    private static List<Line> ReadWorkbook(Stream body)
    {
        try
        {
            var lines = new List<Line>();
            var number = 0;
            foreach (IDictionary<string, object?> row in MiniExcel.Query(body, useHeaderRow: false))
            {
                number++;
                lines.Add(new Line(number, [.. row.Values.Select(CellText)], false));
            }
            return lines;
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            throw new ValidationException([new ValidationFailure("sheet", Messages.SheetNotXlsx)]);
        }
    }

    private static string CellText(object? cell) => cell switch
    {
        null => "",
        DateTime day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}

public sealed class NotASheetException()
    : ProblemException(StatusCodes.Status415UnsupportedMediaType, Messages.TitleUnsupportedMediaType, Messages.SheetMediaType.With(UploadedSheet.CsvMediaType, UploadedSheet.XlsxMediaType));

public sealed class SheetTooLargeException(SheetLimits limits) : ProblemException(StatusCodes.Status413PayloadTooLarge, Messages.TitleSheetTooLarge,
    Messages.SheetTooLarge.With(limits.MaxBytes / 1024 / 1024, limits.MaxRows));

/// <summary>A sheet with more rows than <see cref="SheetLimits.MaxRows"/>: refused whole, so that nothing of it is stored.</summary>
public sealed class TooManyRowsException(SheetLimits limits, int found) : ProblemException(StatusCodes.Status413PayloadTooLarge, Messages.TitleTooManyRows, Messages.TooManyRows.With(limits.MaxRows, found));
