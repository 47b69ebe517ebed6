using System.Globalization;
using CsvHelper;
using Integrity.Api.Data;
using Integrity.Api.Resources;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Integrity.Api.Features.Reports;

/// <summary>The formats a progress report comes in.</summary>
public enum ProgressReportFormat { Json, Csv, Xlsx, Pdf }

/// <summary>
/// The report as CSV (UTF-8 with a BOM, so that Excel opens French names right) and as an Excel workbook: one row per
/// value with every dimension in its own column, written as the rows are produced. A text cell starting with = + - @,
/// a tab or a carriage return gets a leading apostrophe, so that no spreadsheet reads it as a formula.
/// </summary>
public static class ProgressReportFormats
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";

    public static readonly string[] Columns =
        ["programme", "period", "starts_on", "ends_on", "administration", "region", "key_factor", "sex", "figure", "indicator", "value", "status", "note"];

    /// <summary>The figure of the first row, which states the small-count rule: its value is the minimum cell size.</summary>
    public const string MinimumCellSize = "minimum_cell_size";

    /// <summary><c>format</c> when given (json, csv, xlsx, pdf), else the Accept header; JSON by default. Null for an unknown format.</summary>
    public static ProgressReportFormat? Negotiate(string? format, HttpRequest request)
    {
        if (format is not null)
            return format.ToLowerInvariant() switch
            {
                "json" => ProgressReportFormat.Json,
                "csv" => ProgressReportFormat.Csv,
                "xlsx" => ProgressReportFormat.Xlsx,
                "pdf" => ProgressReportFormat.Pdf,
                _ => null,
            };
        foreach (var accepted in request.GetTypedHeaders().Accept.OrderByDescending(type => type.Quality ?? 1))
        {
            if (accepted.MediaType.Equals(Csv, StringComparison.OrdinalIgnoreCase)) return ProgressReportFormat.Csv;
            if (accepted.MediaType.Equals(Xlsx, StringComparison.OrdinalIgnoreCase)) return ProgressReportFormat.Xlsx;
            if (accepted.MediaType.Equals(Pdf, StringComparison.OrdinalIgnoreCase)) return ProgressReportFormat.Pdf;
            if (accepted.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)) return ProgressReportFormat.Json;
        }
        return ProgressReportFormat.Json;
    }

    /// <summary>A text cell a spreadsheet would take for a formula, with a leading apostrophe.</summary>
    public static string? Neutralised(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string FileName(ProgressReport report, string extension) =>
        $"{report.ProgrammeCode}-progress-report.{extension}";

    public static IResult Result(ProgressReport report, ProgressReportFormat format, CancellationToken ct) => format switch
    {
        ProgressReportFormat.Csv => TypedResults.Stream(body => WriteCsvAsync(body, report, ct), $"{Csv}; charset=utf-8", FileName(report, "csv")),
        ProgressReportFormat.Xlsx => TypedResults.Stream(body => WriteXlsxAsync(body, report, ct), Xlsx, FileName(report, "xlsx")),
        _ => TypedResults.Ok(report),
    };

    /// <summary>The report as a PDF document (<see cref="ProgressReportPdf"/>), made of more than the report's rows.</summary>
    public static IResult Result(ProgressReportDocument document, CancellationToken ct) =>
        TypedResults.Stream(body => ProgressReportPdf.WriteAsync(body, document, ct), Pdf, FileName(document.ByPeriod, "pdf"));

    public static async Task WriteCsvAsync(Stream body, ProgressReport report, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        await csv.WriteRecordAsync(Columns, ct);
        foreach (var row in SheetRows(report)) await csv.WriteRecordAsync(row.Cells()!, ct);
        await csv.FlushAsync(ct);
    }

    /// <summary>
    /// MiniExcel writes its zip archive with synchronous calls, which the response body refuses: the workbook is written
    /// row by row to a temporary file that deletes itself, then copied to the response.
    /// </summary>
    public static async Task WriteXlsxAsync(Stream body, ProgressReport report, CancellationToken ct)
    {
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await file.SaveAsAsync(SheetRows(report), sheetName: "Progress", cancellationToken: ct);
        file.Position = 0;
        await file.CopyToAsync(body, ct);
    }

    /// <summary>
    /// The rule first (figure minimum_cell_size; status applied for donors, not_applied for staff), then a row per
    /// administration's report left out with its state as status (not_approved periods carry no figure, not zeros),
    /// then the values, a withheld one with no value and the status suppressed.
    /// </summary>
    private static IEnumerable<ProgressSheetRow> SheetRows(ProgressReport report)
    {
        var periods = report.Periods.ToDictionary(period => period.PeriodId);
        yield return new ProgressSheetRow
        {
            Programme = Neutralised(report.ProgrammeCode),
            Figure = MinimumCellSize,
            Value = report.Suppression.MinimumCellSize,
            Status = report.Suppression.Applied ? "applied" : "not_applied",
            Note = report.Suppression.Rule,
        };
        foreach (var left in report.LeftOut)
        {
            var period = periods[left.PeriodId];
            yield return new ProgressSheetRow
            {
                Programme = Neutralised(report.ProgrammeCode),
                Period = Neutralised(left.PeriodLabel),
                StartsOn = period.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndsOn = period.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Administration = Neutralised(left.Administration),
                Status = left.State,
                Note = Messages.LabelLeftOutNote,
            };
        }
        foreach (var value in report.Values)
        {
            var period = periods[value.PeriodId];
            yield return new ProgressSheetRow
            {
                Programme = Neutralised(report.ProgrammeCode),
                Period = Neutralised(value.Period),
                StartsOn = period.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                EndsOn = period.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Administration = Neutralised(value.Administration),
                Region = Neutralised(value.Region),
                KeyFactor = Neutralised(value.KeyFactor),
                Sex = value.Sex is { } sex ? DbEnum.Name(sex) : null,
                Figure = value.Figure,
                Indicator = Neutralised(value.Indicator),
                Value = value.Value,
                Status = value.Suppressed ? "suppressed" : null,
            };
        }
    }
}

/// <summary>A row of the CSV and of the workbook: text cells neutralised, the value a number.</summary>
public sealed class ProgressSheetRow
{
    [ExcelColumnName("programme")] public string? Programme { get; init; }
    [ExcelColumnName("period")] public string? Period { get; init; }
    [ExcelColumnName("starts_on")] public string? StartsOn { get; init; }
    [ExcelColumnName("ends_on")] public string? EndsOn { get; init; }
    [ExcelColumnName("administration")] public string? Administration { get; init; }
    [ExcelColumnName("region")] public string? Region { get; init; }
    [ExcelColumnName("key_factor")] public string? KeyFactor { get; init; }
    [ExcelColumnName("sex")] public string? Sex { get; init; }
    [ExcelColumnName("figure")] public string? Figure { get; init; }
    [ExcelColumnName("indicator")] public string? Indicator { get; init; }
    [ExcelColumnName("value")] public decimal? Value { get; init; }
    /// <summary>suppressed (a small count withheld), a left-out report's state, or the rule's applied / not_applied.</summary>
    [ExcelColumnName("status")] public string? Status { get; init; }
    [ExcelColumnName("note")] public string? Note { get; init; }

    public string?[] Cells() =>
        [Programme, Period, StartsOn, EndsOn, Administration, Region, KeyFactor, Sex, Figure, Indicator, Value?.ToString(CultureInfo.InvariantCulture), Status, Note];
}
