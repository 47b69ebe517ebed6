using Integrity.Api.Resources;
using PdfSharp.Drawing;

namespace Integrity.Api.Features.Reports;

/// <summary>The cover: what the report is of, who funds it, which periods it covers, who approved what and when, and what is not approved yet.</summary>
internal sealed partial class ProgressReportPdf
{
    private static readonly XColor Accent = XColor.FromArgb(0, 84, 147);
    private static readonly XColor Warning = XColor.FromArgb(176, 42, 55);

    private void Cover()
    {
        pages.Graphics.DrawRectangle(new XSolidBrush(Accent), 0, 0, 595, 10);
        pages.Y = 64;
        pages.Paragraph(Messages.PdfTitle, ReportFonts.Bold(12), Accent);
        pages.Gap(6);
        pages.Paragraph(report.ProgrammeName, ReportFonts.Bold(20), ReportPages.Ink);
        pages.Paragraph(report.ProgrammeCode, ReportFonts.Regular(12), ReportPages.Muted);
        pages.Gap(12);
        pages.Paragraph(source.Donors.Count == 0 ? Messages.PdfNoDonor : Messages.PdfFundedBy.With(string.Join(", ", source.Donors)),
            ReportPages.Body, ReportPages.Ink);
        pages.Paragraph(Messages.PdfGenerated.With(Moment(source.MadeAt)), ReportPages.Small, ReportPages.Muted);
        if (report.IncludesUnapproved)
        {
            pages.Gap(6);
            pages.Paragraph(Messages.PdfPreview, ReportFonts.Bold(9.5), Warning);
        }
        pages.Gap(16);
        Periods();
        Approvals();
        NotYetApproved();
    }

    private string Moment(DateTimeOffset moment) => moment.UtcDateTime.ToString("d MMMM yyyy, HH:mm", culture);

    private string Administration(Guid id, string english) =>
        report.Administrations.FirstOrDefault(administration => administration.Id == id) is { } named
            ? ReportLabels.InLanguage(named.NameEn, named.NameFr)
            : english;

    private string PeriodLabel(Guid periodId) => report.Periods.First(period => period.PeriodId == periodId).Label;

    private void Periods()
    {
        Heading(Messages.PdfPeriods);
        if (report.Periods.Count == 0)
        {
            Note(Messages.PdfNoPeriod);
            return;
        }
        pages.Table(
            [new(ReportLabels.Column("period"), 110), new(Messages.PdfDates, 225), new(ReportLabels.Column("status"), 160)],
            report.Periods.Select(period => new ReportPages.Row(
                [period.Label, Messages.PdfDays.With(Day(period.StartsOn), Day(period.EndsOn)), ReportLabels.Status(period.Status)])));
        pages.Gap(14);
    }

    private void Approvals()
    {
        Heading(Messages.PdfApprovals);
        Note(Messages.PdfApprovalsNote);
        if (source.Approvals.Count == 0)
        {
            Note(Messages.PdfNoApproval);
            return;
        }
        pages.Table(
            [
                new(ReportLabels.Column("period"), 60), new(ReportLabels.Column("administration"), 150), new(Messages.PdfApprovedBy, 105),
                new(Messages.PdfApprovedOn, 100), new(Messages.PdfSnapshot, 80),
            ],
            source.Approvals.Select(approval => new ReportPages.Row(
            [
                PeriodLabel(approval.PeriodId), Administration(approval.AdministrationId, ""), approval.ApprovedBy ?? NotReported,
                Moment(approval.ApprovedAt), approval.Hash[..12] + "…",
            ])));
        pages.Gap(14);
    }

    private void NotYetApproved()
    {
        if (report.IncludesUnapproved) return;
        Heading(Messages.PdfNotYetApproved);
        if (report.LeftOut.Count == 0)
        {
            Note(Messages.PdfAllApproved);
            return;
        }
        Note(Messages.PdfNotYetApprovedNote);
        pages.Table(
            [new(ReportLabels.Column("period"), 80), new(ReportLabels.Column("administration"), 235), new(Messages.PdfState, 180)],
            report.LeftOut.Select(left => new ReportPages.Row(
                [left.PeriodLabel, Administration(left.AdministrationId, left.Administration), ReportLabels.Status(left.State)])));
        pages.Gap(14);
    }
}
