using System.IO.Compression;
using System.Xml.Linq;
using Integrity.Api.Resources;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The report as an Excel workbook for a reader, in the request's language: a read-me sheet (the programme, the period
/// covered, each administration's approval, the small-count rule, what each sheet holds), then a sheet per view: the
/// figures as asked (grouped by <c>groupBy</c>), by administration, and key factor coverage. Headers, figures,
/// indicators (title and unit), sexes and statuses are labels; values are numbers and days are dates; each sheet's
/// header is bold and frozen, its columns filtered and sized. Text cells are neutralised as in the CSV.
/// </summary>
public static class ProgressReportWorkbook
{
    private const string DateFormat = "yyyy-mm-dd";

    /// <summary>
    /// MiniExcel writes its zip archive with synchronous calls, which the response body refuses: the workbook is written
    /// sheet by sheet, row by row, to a temporary file that deletes itself, then copied to the response (<see cref="CopyWithBoldHeadersAsync"/>).
    /// </summary>
    public static async Task WriteAsync(Stream body, ProgressReport report, CancellationToken ct)
    {
        ProgressGroupings.TryParse(report.GroupBy, out var grouping);
        var sheets = new Dictionary<string, object>
        {
            [Messages.LabelReadMe] = ReadMe(report, grouping),
            [Messages.LabelSheetFigures] = Figures(report, grouping, report.Values),
            [Messages.LabelSheetByAdministration] = Figures(report, ProgressGrouping.Administration, report.ValuesBy(ProgressGrouping.Administration)),
            [Messages.LabelSheetKeyFactors] = KeyFactorCoverage(report, report.ValuesBy(ProgressGrouping.Administration)),
        };
        await using var file = TemporaryFile();
        await file.SaveAsAsync(sheets, configuration: Configuration(report), cancellationToken: ct);
        file.Position = 0;
        await CopyWithBoldHeadersAsync(file, body, ct);
    }

    private static OpenXmlConfiguration Configuration(ProgressReport report)
    {
        var names = new ReportNames(report, ProgressGrouping.Administration);
        return new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            TableStyles = TableStyles.Default,
            StyleOptions = new OpenXmlStyleOptions { WrapCellContents = true },
            DynamicColumns =
            [
                Column("topic", 34),
                Column("detail", 90),
                Column("period", 14),
                Column("starts_on", 14, DateFormat),
                Column("ends_on", 14, DateFormat),
                Column("administration", 34),
                Column("region", 28),
                Column("key_factor", 36),
                Column("sex", 14),
                Column("figure", 36),
                Column("indicator", 48),
                Column("value", 12),
                Column("status", 24),
                Named(ProgressFigures.ModulesDelivered, ReportLabels.Figure(ProgressFigures.ModulesDelivered), 14),
                // Key factor coverage's columns are keyed by the key factors' codes; their headers name them.
                .. report.KeyFactors.Select(factor => Named(factor.Code, names.KeyFactor(factor.Code), 18)),
            ],
        };
    }

    private static DynamicExcelColumn Column(string code, double width, string? format = null) => Named(code, ReportLabels.Column(code), width, format);

    private static DynamicExcelColumn Named(string key, string header, double width, string? format = null) =>
        new(key) { Name = header, Width = width, Format = format };

    private static DateTime Date(DateOnly day) => day.ToDateTime(TimeOnly.MinValue);

    private static Dictionary<string, object?> Line(string topic, object? detail) =>
        new() { ["topic"] = ProgressReportFormats.Neutralised(topic), ["detail"] = detail is string text ? ProgressReportFormats.Neutralised(text) : detail };

    /// <summary>What the workbook is, which periods and approvals it covers, what it withholds and what each sheet holds.</summary>
    private static IEnumerable<Dictionary<string, object?>> ReadMe(ProgressReport report, ProgressGrouping grouping)
    {
        yield return Line(Messages.LabelProgressReport, report.ProgrammeName);
        yield return Line(ReportLabels.Column("programme"), report.ProgrammeCode);
        if (report.Periods.Count > 0)
        {
            yield return Line(Messages.LabelColumnStartsOn, Date(report.Periods.Min(period => period.StartsOn)));
            yield return Line(Messages.LabelColumnEndsOn, Date(report.Periods.Max(period => period.EndsOn)));
        }
        yield return Line(Messages.LabelGroupedBy, ReportLabels.Grouping(grouping));
        if (report.IncludesUnapproved) yield return Line(Messages.LabelPreview, null);
        var administrations = report.Administrations.ToDictionary(administration => administration.Id);
        foreach (var period in report.Periods)
        {
            yield return Line(Messages.LabelPeriodStatus.With(period.Label), ReportLabels.Status(period.Status));
            foreach (var approval in report.Approvals.Where(approval => approval.PeriodId == period.PeriodId))
            {
                var administration = administrations[approval.AdministrationId];
                var state = ReportLabels.Status(approval.State);
                var leftOut = report.LeftOut.Any(left => left.PeriodId == approval.PeriodId && left.AdministrationId == approval.AdministrationId);
                yield return Line(Messages.LabelApprovalOf.With(ReportLabels.InLanguage(administration.NameEn, administration.NameFr), period.Label),
                    leftOut ? $"{state}. {Messages.LabelLeftOutNote}" : state);
            }
        }
        yield return Line(Messages.LabelSmallCounts,
            report.Suppression.Applied ? report.Suppression.Rule : ReportLabels.Status(ProgressReportFormats.NotApplied));
        yield return Line(Messages.LabelMinimumCellSize, report.Suppression.MinimumCellSize);
        yield return Line(Messages.LabelSheetFigures, Messages.LabelSheetFiguresAbout);
        yield return Line(Messages.LabelSheetByAdministration, Messages.LabelSheetByAdministrationAbout);
        yield return Line(Messages.LabelSheetKeyFactors, Messages.LabelSheetKeyFactorsAbout);
    }

    /// <summary>
    /// One row per value, labelled. The columns of a view's groups come after the period: the administration (by
    /// administration), the region (by administration or region); the key factor in every view, since an indicator may
    /// be broken down by it.
    /// </summary>
    private static IEnumerable<Dictionary<string, object?>> Figures(ProgressReport report, ProgressGrouping grouping, IEnumerable<ProgressValue> values)
    {
        var periods = report.Periods.ToDictionary(period => period.PeriodId);
        var names = new ReportNames(report, grouping);
        foreach (var value in values)
        {
            var period = periods[value.PeriodId];
            var row = new Dictionary<string, object?>
            {
                ["period"] = ProgressReportFormats.Neutralised(value.Period),
                ["starts_on"] = Date(period.StartsOn),
                ["ends_on"] = Date(period.EndsOn),
            };
            if (grouping == ProgressGrouping.Administration) row["administration"] = ProgressReportFormats.Neutralised(names.Administration(value));
            if (grouping is ProgressGrouping.Administration or ProgressGrouping.Region) row["region"] = names.Region(value);
            row["key_factor"] = names.KeyFactor(value);
            row["sex"] = ReportNames.Sex(value);
            row["figure"] = ReportNames.Figure(value);
            row["indicator"] = ProgressReportFormats.Neutralised(names.Indicator(value));
            row["value"] = value.Value;
            row["status"] = ReportNames.Status(value);
            yield return row;
        }
    }

    /// <summary>
    /// Key factor coverage: per period and administration, the modules delivered and, for each key factor in its order, those
    /// covering it (0 when none did). Read from the report by administration, so that it leaves out what that view leaves out.
    /// </summary>
    private static IEnumerable<Dictionary<string, object?>> KeyFactorCoverage(ProgressReport report, IEnumerable<ProgressValue> byAdministration)
    {
        var names = new ReportNames(report, ProgressGrouping.Administration);
        var delivered = byAdministration.Where(value => value.Figure == ProgressFigures.ModulesDelivered && value.Sex is null);
        foreach (var group in delivered.GroupBy(value => (value.PeriodId, value.AdministrationId)))
        {
            var first = group.First();
            var row = new Dictionary<string, object?>
            {
                ["period"] = ProgressReportFormats.Neutralised(first.Period),
                ["administration"] = ProgressReportFormats.Neutralised(names.Administration(first)),
                [ProgressFigures.ModulesDelivered] = group.FirstOrDefault(value => value.KeyFactor is null)?.Value,
            };
            var byFactor = group.Where(value => value.KeyFactor is not null).ToDictionary(value => value.KeyFactor!, value => value.Value);
            foreach (var factor in report.KeyFactors) row[factor.Code] = byFactor.TryGetValue(factor.Code, out var count) ? count : 0m;
            yield return row;
        }
    }

    /// <summary>
    /// Copies the workbook to the response, its header cells' font made bold: MiniExcel's header style (white on blue, the
    /// cell style of index 1) has no bold option. The copy goes entry by entry to a second temporary file (the zip writer,
    /// too, makes synchronous calls), so nothing but the styles is held in memory; that file is then sent.
    /// </summary>
    private static async Task CopyWithBoldHeadersAsync(Stream workbook, Stream body, CancellationToken ct)
    {
        await using var bold = TemporaryFile();
        using (var source = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true))
        using (var copy = new ZipArchive(bold, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = copy.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName == "xl/styles.xml") BoldHeaderFont(XDocument.Load(from)).Save(to, SaveOptions.DisableFormatting);
                else from.CopyTo(to);
            }
        bold.Position = 0;
        await bold.CopyToAsync(body, ct);
    }

    private static FileStream TemporaryFile() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private static XDocument BoldHeaderFont(XDocument styles)
    {
        var main = styles.Root!.Name.Namespace;
        var header = styles.Root.Element(main + "cellXfs")!.Elements(main + "xf").ElementAt(1);
        var font = styles.Root.Element(main + "fonts")!.Elements(main + "font").ElementAt((int)header.Attribute("fontId")!);
        font.AddFirst(new XElement(main + "b"));
        return styles;
    }
}
