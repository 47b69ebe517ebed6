using Integrity.Api.Features.Results;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// Which (period, administration) pairs the report tells: those whose report is approved, or all of them in a preview.
/// A period is fully reported when every administration the programme covers is; figures that belong to no single
/// covered administration (programme-wide totals entered for an indicator, records of an administration the programme
/// no longer covers) are told only for a fully reported period.
/// </summary>
internal sealed class ProgressApproval(IReadOnlyList<Period> periods, IReadOnlyList<ReportedAdministration> covered,
    IReadOnlyList<StoredReport> reports, bool includeUnapproved)
{
    private readonly Dictionary<(Guid PeriodId, Guid AdministrationId), string> states =
        reports.ToDictionary(report => (report.PeriodId, report.AdministrationId), report => report.StoredState);
    private readonly HashSet<Guid> coveredIds = covered.Select(administration => administration.Id).ToHashSet();

    private string State(Guid periodId, Guid administrationId) => states.GetValueOrDefault((periodId, administrationId), "in_progress");

    public bool Reported(Guid periodId, Guid? administrationId) =>
        administrationId is { } id && coveredIds.Contains(id)
            ? includeUnapproved || State(periodId, id) == "approved"
            : FullyReported(periodId);

    public bool Covers(Guid administrationId) => coveredIds.Contains(administrationId);

    public bool FullyReported(Guid periodId) => includeUnapproved || coveredIds.All(id => State(periodId, id) == "approved");

    /// <summary>Whether anything of the period is told: in a preview, or once one administration's report (or every one, for a programme that covers none) is approved.</summary>
    public bool AnyReported(Guid periodId) => FullyReported(periodId) || coveredIds.Any(id => State(periodId, id) == "approved");

    /// <summary>approved (every administration's report), partly_approved or not_approved, whether or not this is a preview.</summary>
    public string Status(Guid periodId)
    {
        var approved = coveredIds.Count(id => State(periodId, id) == "approved");
        return approved == coveredIds.Count ? "approved" : approved > 0 ? "partly_approved" : "not_approved";
    }

    /// <summary>Every covered administration's report for every period, with its state (in_progress when none was started).</summary>
    public IEnumerable<ReportedApproval> Approvals() =>
        from period in periods
        from administration in covered
        select new ReportedApproval(period.Id, administration.Id, State(period.Id, administration.Id));

    public IEnumerable<LeftOutReport> LeftOut() =>
        includeUnapproved
            ? []
            : from period in periods
              from administration in covered
              let state = State(period.Id, administration.Id)
              where state != "approved"
              select new LeftOutReport(period.Id, period.Label, administration.Id, administration.NameEn, state);
}
