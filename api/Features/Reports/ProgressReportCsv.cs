using System.Globalization;
using CsvHelper;
using Integrity.Api.Data;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The report as CSV, for scripts: UTF-8 with a BOM (so that Excel opens French names right), one row per value with every
/// dimension in its own column as a stable code, written as the rows are produced; then, after those columns so that
/// their positions never move, the same dimensions as a reader names them, in the request's language (<see cref="ReportNames"/>).
/// A text cell starting with = + - @, a tab or a carriage return gets a leading apostrophe, so that no spreadsheet reads it as a formula.
/// </summary>
public static class ProgressReportCsv
{
    public static readonly string[] Columns =
    [
        "programme", "period", "starts_on", "ends_on", "administration", "region", "key_factor", "sex", "figure", "indicator", "value", "status", "note",
        "administration_label", "region_label", "key_factor_label", "sex_label", "figure_label", "indicator_label", "status_label",
    ];

    private static readonly int ValueColumn = Array.IndexOf(Columns, "value");

    public static async Task WriteAsync(Stream body, ProgressReport report, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        await csv.WriteRecordAsync(Columns, ct);
        // Every text cell neutralised; the value is a number, which may be negative.
        foreach (var row in Rows(report))
            await csv.WriteRecordAsync(row.Select((cell, column) => column == ValueColumn ? cell : ProgressReportFormats.Neutralised(cell)).ToArray()!, ct);
        await csv.FlushAsync(ct);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The rule first (figure minimum_cell_size; status applied for donors, not_applied for staff), then a row per
    /// administration's report left out with its state as status (not_approved periods carry no figure, not zeros),
    /// then the values, a withheld one with no value and the status suppressed.
    /// </summary>
    private static IEnumerable<string?[]> Rows(ProgressReport report)
    {
        var periods = report.Periods.ToDictionary(period => period.PeriodId);
        ProgressGroupings.TryParse(report.GroupBy, out var grouping);
        var names = new ReportNames(report, grouping);
        var administrations = report.Administrations.ToDictionary(administration => administration.Id);
        var rule = report.Suppression.Applied ? ProgressReportFormats.Applied : ProgressReportFormats.NotApplied;
        yield return
        [
            report.ProgrammeCode, null, null, null, null, null, null, null, ProgressReportFormats.MinimumCellSize, null,
            report.Suppression.MinimumCellSize.ToString(CultureInfo.InvariantCulture), rule, report.Suppression.Rule,
            null, null, null, null, ReportLabels.Figure(ProgressReportFormats.MinimumCellSize), null, ReportLabels.Status(rule),
        ];
        foreach (var left in report.LeftOut)
        {
            var period = periods[left.PeriodId];
            var administration = administrations[left.AdministrationId];
            yield return
            [
                report.ProgrammeCode, left.PeriodLabel, Day(period.StartsOn), Day(period.EndsOn), left.Administration, null, null, null, null, null,
                null, left.State, Messages.LabelLeftOutNote,
                ReportLabels.InLanguage(administration.NameEn, administration.NameFr), null, null, null, null, null, ReportLabels.Status(left.State),
            ];
        }
        foreach (var value in report.Values)
        {
            var period = periods[value.PeriodId];
            yield return
            [
                report.ProgrammeCode, value.Period, Day(period.StartsOn), Day(period.EndsOn), value.Administration, value.Region, value.KeyFactor,
                value.Sex is { } sex ? DbEnum.Name(sex) : null, value.Figure, value.Indicator, value.Value?.ToString(CultureInfo.InvariantCulture),
                value.Suppressed ? ProgressReportFormats.Suppressed : null, null,
                names.Administration(value), names.Region(value), names.KeyFactor(value), ReportNames.Sex(value), ReportNames.Figure(value),
                names.Indicator(value), ReportNames.Status(value),
            ];
        }
    }
}
