using Integrity.Api.Features.Results;
using Integrity.Api.Resources;
using PdfSharp.Drawing;

namespace Integrity.Api.Features.Reports;

/// <summary>Targets against actuals as horizontal bars, indicator by indicator, and the key factor coverage grid.</summary>
internal sealed partial class ProgressReportPdf
{
    private static readonly XColor TargetFill = XColor.FromArgb(206, 212, 218);
    private const double BarsFrom = ReportPages.Left + 70;
    private const double BarsWidth = 290;
    private const double BarHeight = 8;
    private const double ChartRow = 26;

    /// <summary>At most this many administrations side by side in the coverage grid; more go in a grid below.</summary>
    private const int AdministrationsAcross = 5;

    /// <summary>
    /// Each indicator, then a row per period with values: its target (grey) and actual (blue) bars on one scale, 0 to the
    /// largest of them (100 at least for a percentage), each with its figure. Measures that are not quantities (nominal,
    /// ordinal, qualitative) show their figures without bars. A withheld actual reads "suppressed". The other periods are
    /// listed below by reason: their status when their reports are not all approved (an indicator's values are told only
    /// once every report is in), or nothing recorded.
    /// </summary>
    private void TargetsAndActuals()
    {
        pages.Gap(10);
        Heading(Messages.PdfTargetsActuals);
        if (report.Indicators.Count == 0)
        {
            Note(Messages.PdfNoIndicator);
            return;
        }
        Legend();
        var byKey = source.PeriodValues
            .Where(value => value.Indicator is not null && value.Sex is null && value.KeyFactor is null && value.AdministrationId is null)
            .ToLookup(value => (value.Indicator, value.Figure, value.PeriodId));
        foreach (var indicator in report.Indicators)
        {
            var values = report.Periods.Select(period => (Period: period,
                Target: byKey[(indicator.Code, ProgressFigures.IndicatorTarget, period.PeriodId)].FirstOrDefault(),
                Actual: byKey[(indicator.Code, ProgressFigures.IndicatorActual, period.PeriodId)].FirstOrDefault())).ToList();
            var quantities = indicator.Measure is IndicatorMeasure.Unit or IndicatorMeasure.Percentage;
            var largest = values.SelectMany(value => new[] { value.Target?.Value, value.Actual?.Value }).OfType<decimal>().DefaultIfEmpty(0).Max();
            var scale = (double)Math.Max(largest, indicator.Measure == IndicatorMeasure.Percentage ? 100 : 0);

            var charted = values.Where(value => value.Period.FullyReported && (value.Target is not null || value.Actual is not null)).ToList();
            pages.Reserve(ReportPages.SmallBold.GetHeight() * 2 + ChartRow * Math.Min(charted.Count, 2));
            pages.Paragraph(ReportLabels.Indicator(indicator), ReportPages.SmallBold, ReportPages.Ink);
            pages.Gap(4);
            foreach (var (period, target, actual) in charted)
            {
                pages.Reserve(ChartRow);
                pages.Graphics.DrawString(period.Label, ReportPages.Small, new XSolidBrush(ReportPages.Ink), ReportPages.Left, pages.Y, XStringFormats.TopLeft);
                Bar(Messages.PdfTarget, target, TargetFill, pages.Y, quantities ? scale : 0);
                Bar(Messages.PdfActual, actual, Accent, pages.Y + BarHeight + 3, quantities ? scale : 0);
                pages.Y += ChartRow;
            }
            // The periods without bars, a line per reason: not reported yet (by status), or nothing recorded.
            foreach (var reason in values.Except(charted)
                         .GroupBy(value => value.Period.FullyReported ? Messages.PdfNoValue : ReportLabels.Status(value.Period.Status)))
                pages.Paragraph($"{string.Join(", ", reason.Select(value => value.Period.Label))}: {reason.Key}", ReportPages.Small, ReportPages.Muted);
            pages.Gap(6);
        }
    }

    private void Legend()
    {
        var graphics = pages.Graphics;
        var x = ReportPages.Left;
        foreach (var (label, color) in new[] { (Messages.PdfTarget, TargetFill), (Messages.PdfActual, Accent) })
        {
            graphics.DrawRectangle(new XSolidBrush(color), x, pages.Y + 1, 10, BarHeight);
            graphics.DrawString(label, ReportPages.Small, new XSolidBrush(ReportPages.Ink), x + 14, pages.Y, XStringFormats.TopLeft);
            x += 14 + graphics.MeasureString(label, ReportPages.Small).Width + 18;
        }
        pages.Y += ReportPages.Small.GetHeight() + 8;
    }

    /// <summary>A bar as long as the value on the scale (none when the scale is 0), followed by its name and figure.</summary>
    private void Bar(string name, ProgressValue? value, XColor color, double y, double scale)
    {
        var length = scale > 0 && value is { Suppressed: false, Value: { } figure } ? BarsWidth * (double)figure / scale : 0;
        if (length > 0) pages.Graphics.DrawRectangle(new XSolidBrush(color), BarsFrom, y, length, BarHeight);
        var text = value is null ? $"{name} {NotReported}" : $"{name} {Shown(value)}";
        pages.Graphics.DrawString(text, ReportPages.Small, new XSolidBrush(ReportPages.Ink), BarsFrom + length + 4, y - 1, XStringFormats.TopLeft);
    }

    /// <summary>
    /// Modules delivered in all the periods reported, by key factor (the report's groupBy=administration rows) and host
    /// administration, the ten key factors in the Declaration's order, then every module delivered.
    /// </summary>
    private void Coverage()
    {
        pages.Gap(10);
        var modules = source.AdministrationValues
            .Where(value => value.Figure == ProgressFigures.ModulesDelivered && value.AdministrationId is not null && value.Sex is null)
            .ToList();
        var administrations = modules.GroupBy(value => value.AdministrationId!.Value)
            .Select(group => (Id: group.Key, Name: Administration(group.Key, group.First().Administration ?? "")))
            .OrderBy(administration => administration.Name, StringComparer.Create(culture, ignoreCase: true)).ToList();
        var grids = administrations.Chunk(AdministrationsAcross).Select(across =>
        {
            // Key factor names take what the administrations leave, 170 points at least.
            var width = Math.Min(90, (ReportPages.Width - 170) / across.Length);
            var columns = new List<ReportPages.Column> { new(ReportLabels.Column("key_factor"), ReportPages.Width - width * across.Length) };
            columns.AddRange(across.Select(administration => new ReportPages.Column(administration.Name, width, Figures: true)));
            var rows = report.KeyFactors.Select(keyFactor => new ReportPages.Row(
                    [$"{keyFactor.Code} {ReportLabels.InLanguage(keyFactor.NameEn, keyFactor.NameFr)}", .. across.Select(administration => Delivered(modules, administration.Id, keyFactor.Code))]))
                .Append(new ReportPages.Row([Messages.PdfAllModules, .. across.Select(administration => Delivered(modules, administration.Id, null))], Bold: true))
                .ToList();
            return (Columns: columns, Rows: rows);
        }).ToList();

        // The title, its note and the first grid on one page.
        pages.Reserve(70 + (grids.Count == 0 ? 0 : pages.TableHeight(grids[0].Columns, grids[0].Rows)));
        Heading(Messages.PdfCoverage);
        Note(Messages.PdfCoverageNote);
        if (grids.Count == 0) Note(Messages.PdfNoModule);
        foreach (var (columns, rows) in grids)
        {
            pages.Reserve(pages.TableHeight(columns, rows));
            pages.Table(columns, rows);
            pages.Gap(8);
        }
    }

    private string Delivered(List<ProgressValue> modules, Guid administrationId, string? keyFactor)
    {
        var cells = modules.Where(value => value.AdministrationId == administrationId && value.KeyFactor == keyFactor).ToList();
        return cells.Any(value => value.Suppressed) ? Messages.PdfSuppressed : Number(cells.Sum(value => value.Value ?? 0));
    }
}
