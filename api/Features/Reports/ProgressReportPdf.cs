using System.Globalization;
using Integrity.Api.Resources;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The progress report as a PDF a programme officer can forward, in the reader's language (<see cref="ReportLabels"/>):
/// a cover (programme, donors, periods, approvals, what is not approved yet; ProgressReportPdf.Cover.cs), the headline
/// figures with the small-count note, targets against actuals as bars and the key factor coverage grid
/// (ProgressReportPdf.Charts.cs). A withheld figure reads "suppressed", a period not approved "—", never a zero.
/// </summary>
internal sealed partial class ProgressReportPdf
{
    /// <summary>A dash for a figure of a period that is not reported: none rather than zero.</summary>
    private const string NotReported = "—";

    /// <summary>At most this many periods side by side in the headline table; more go in a table below.</summary>
    private const int PeriodsAcross = 5;

    private readonly ProgressReportDocument source;
    private readonly ProgressReport report;
    private readonly PdfDocument document = new();
    private readonly ReportPages pages;
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    private ProgressReportPdf(ProgressReportDocument source)
    {
        this.source = source;
        report = source.ByPeriod;
        pages = new ReportPages(document);
    }

    /// <summary>
    /// PDFsharp saves with synchronous calls, which the response body refuses: the document is saved to memory (a report
    /// is a few pages), then copied to the response.
    /// </summary>
    public static async Task WriteAsync(Stream body, ProgressReportDocument source, CancellationToken cancellationToken)
    {
        using var pdf = new ProgressReportPdf(source).Render();
        await using var bytes = new MemoryStream();
        pdf.Save(bytes, closeStream: false);
        bytes.Position = 0;
        await bytes.CopyToAsync(body, cancellationToken);
    }

    private PdfDocument Render()
    {
        document.Info.Title = $"{report.ProgrammeCode} — {Messages.PdfTitle}";
        document.Info.Subject = report.ProgrammeName;
        document.Info.Creator = "Integrity";
        document.Info.CreationDate = source.MadeAt.UtcDateTime;
        document.Language = culture.TwoLetterISOLanguageName;
        Cover();
        Headline();
        TargetsAndActuals();
        Coverage();
        pages.Footers($"{report.ProgrammeCode} · {Messages.PdfTitle}", (page, count) => Messages.PdfPage.With(page, count));
        return document;
    }

    private string Number(decimal value) => value.ToString("#,##0.##", culture);

    private string Day(DateOnly day) => day.ToString("d MMMM yyyy", culture);

    /// <summary>A value as a reader sees it: the number, "suppressed" when withheld, or a dash when the period reports none.</summary>
    private string Shown(ProgressValue? value) =>
        value is null ? NotReported : value.Suppressed || value.Value is null ? Messages.PdfSuppressed : Number(value.Value.Value);

    private void Heading(string text) => pages.Heading(text);

    private void Note(string text)
    {
        pages.Paragraph(text, ReportPages.Small, ReportPages.Muted);
        pages.Gap(6);
    }

    /// <summary>
    /// Each figure of the report by period: its total and, below it, its sex buckets; a period's column holds a dash when
    /// nothing of it is reported. Then the small-count rule, as applied to this reader.
    /// </summary>
    private void Headline()
    {
        pages.Gap(10);
        Heading(Messages.PdfHeadline);
        var figures = source.PeriodValues
            .Where(value => value.Indicator is null && value.KeyFactor is null && value.AdministrationId is null && value.Region is null)
            .ToList();
        var told = report.Periods.Where(period => figures.Any(value => value.PeriodId == period.PeriodId)).ToList();
        if (told.Count == 0)
        {
            Note(Messages.PdfNoApproval);
        }
        else
        {
            foreach (var periods in report.Periods.Chunk(PeriodsAcross))
            {
                var width = (ReportPages.Width - 190) / periods.Length;
                var columns = new List<ReportPages.Column> { new(ReportLabels.Column("figure"), 190) };
                columns.AddRange(periods.Select(period => new ReportPages.Column(period.Label, width, Figures: true)));
                pages.Table(columns, HeadlineRows(figures, periods));
                pages.Gap(4);
            }
            if (told.Count < report.Periods.Count) Note(Messages.PdfNotReported);
        }
        pages.Gap(4);
        pages.Heading(Messages.PdfSmallCounts, 11, keepWith: 30);
        Note(report.Suppression.Applied
            ? Messages.PdfSuppressionApplied.With(report.Suppression.MinimumCellSize)
            : Messages.PdfSuppressionNotApplied.With(report.Suppression.MinimumCellSize));
        if (report.Suppression.Applied) Note(Messages.PdfPerceptionApplied.With(report.Suppression.MinimumAdministrations));
    }

    private IEnumerable<ReportPages.Row> HeadlineRows(List<ProgressValue> figures, ReportedPeriod[] periods)
    {
        var byKey = figures.ToLookup(value => (value.Figure, value.Sex, value.PeriodId));
        foreach (var figure in figures.Select(value => value.Figure).Distinct())
        {
            yield return new ReportPages.Row([ReportLabels.Figure(figure), .. periods.Select(period => Shown(byKey[(figure, null, period.PeriodId)].FirstOrDefault()))]);
            foreach (var sex in figures.Where(value => value.Figure == figure && value.Sex is not null).Select(value => value.Sex!.Value).Distinct())
                yield return new ReportPages.Row(["    " + ReportLabels.Sex(sex), .. periods.Select(period => Shown(byKey[(figure, sex, period.PeriodId)].FirstOrDefault()))],
                    Muted: true);
        }
    }
}
