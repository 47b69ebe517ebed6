namespace Integrity.Api.Features.Reports;

/// <summary>The formats a progress report comes in.</summary>
public enum ProgressReportFormat { Json, Csv, Xlsx, Pdf }

/// <summary>
/// The formats of the report: JSON, CSV for scripts (<see cref="ProgressReportCsv"/>) and an Excel workbook for readers
/// (<see cref="ProgressReportWorkbook"/>), both written as the rows are produced. A text cell starting with = + - @, a tab
/// or a carriage return gets a leading apostrophe, so that no spreadsheet reads it as a formula.
/// </summary>
public static class ProgressReportFormats
{
    public const string Csv = "text/csv";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pdf = "application/pdf";

    /// <summary>The figure of the CSV's first row, which states the small-count rule: its value is the minimum cell size.</summary>
    public const string MinimumCellSize = "minimum_cell_size";

    /// <summary>The status of a value withheld from donors as a small count.</summary>
    public const string Suppressed = "suppressed";

    /// <summary>The status of the small-count rule: applied (donors), or not (staff see every figure).</summary>
    public const string Applied = "applied";
    public const string NotApplied = "not_applied";

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
        ProgressReportFormat.Csv => TypedResults.Stream(body => ProgressReportCsv.WriteAsync(body, report, ct), $"{Csv}; charset=utf-8", FileName(report, "csv")),
        ProgressReportFormat.Xlsx => TypedResults.Stream(body => ProgressReportWorkbook.WriteAsync(body, report, ct), Xlsx, FileName(report, "xlsx")),
        _ => TypedResults.Ok(report),
    };

    /// <summary>The report as a PDF document (<see cref="ProgressReportPdf"/>), made of more than the report's rows.</summary>
    public static IResult Result(ProgressReportDocument document, CancellationToken ct) =>
        TypedResults.Stream(body => ProgressReportPdf.WriteAsync(body, document, ct), Pdf, FileName(document.ByPeriod, "pdf"));
}
