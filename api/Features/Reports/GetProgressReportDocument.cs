using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// What the progress report as a document (PDF) is made of: the report by period (headline figures, targets and
/// actuals) and by administration (key factor coverage, from what the same report read), with what a reader needs around
/// them: the donors, and who approved each administration's report and when. Names come with the report.
/// </summary>
public sealed record GetProgressReportDocument(Guid ProgrammeId, DateOnly? From, DateOnly? To, bool IncludeUnapproved)
    : IQuery<ProgressReportDocument>;

public sealed record ProgressReportDocument(
    DateTimeOffset MadeAt,
    ProgressReport ByPeriod,
    IReadOnlyList<ProgressValue> PeriodValues,
    IReadOnlyList<ProgressValue> AdministrationValues,
    IReadOnlyList<string> Donors,
    IReadOnlyList<ReportApproval> Approvals);

/// <summary>An administration's approved report of a period: who approved it, when, and the hash of the figures it froze.</summary>
public sealed record ReportApproval
{
    public required Guid PeriodId { get; init; }
    public required Guid AdministrationId { get; init; }
    public required DateTimeOffset ApprovedAt { get; init; }
    public string? ApprovedBy { get; init; }
    public required string Hash { get; init; }
}

/// <summary>
/// The report is read through <see cref="GetProgressReport"/>, which checks who may read it (403, 404) before anything
/// else is read, and gives its by-administration view from what it read; then two small queries, whatever the programme's size.
/// </summary>
public sealed class GetProgressReportDocumentHandler(ISender sender, ReportSessions sessions, TimeProvider clock) : IQueryHandler<GetProgressReportDocument, ProgressReportDocument>
{
    private const string Donors = """
        SELECT d.name FROM programme_donors pd JOIN donors d ON d.id = pd.donor_id WHERE pd.programme_id = @programmeId ORDER BY d.name
        """;

    /// <summary>The approved reports the report tells: of the administrations the programme covers, frozen by their approval.</summary>
    private const string Approvals = """
        SELECT r.period_id, r.administration_id, r.approved_at, u.display_name AS approved_by, s.hash
        FROM period_reports r
        JOIN approval_snapshots s ON s.report_id = r.id
        JOIN programme_administrations pa ON pa.administration_id = r.administration_id AND pa.programme_id = @programmeId
        LEFT JOIN users u ON u.id = r.approved_by
        WHERE r.state = 'approved' AND {0}
        ORDER BY r.approved_at, r.id
        """;

    public async ValueTask<ProgressReportDocument> Handle(GetProgressReportDocument query, CancellationToken cancellationToken)
    {
        var byPeriod = await sender.Send(new GetProgressReport(query.ProgrammeId, query.From, query.To, null, query.IncludeUnapproved), cancellationToken);
        // Where the report was read: the approvals it names are in the same state there.
        var db = sessions.For(query.IncludeUnapproved);
        var periodValues = byPeriod.Values.ToList();
        var administrationValues = byPeriod.ValuesBy(ProgressGrouping.Administration).ToList();

        var periodIds = byPeriod.Periods.Select(period => period.PeriodId).ToList();
        var approvals = periodIds.Count == 0
            ? []
            : await db.QueryAsync<ReportApproval>(string.Format(Approvals, db.Dialect.InIds("r.period_id", "periodIds")),
                new { programmeId = query.ProgrammeId, periodIds = db.Dialect.Ids(periodIds) }, cancellationToken);
        return new ProgressReportDocument(clock.GetUtcNow(), byPeriod, periodValues, administrationValues,
            await db.QueryAsync<string>(Donors, new { programmeId = query.ProgrammeId }, cancellationToken),
            approvals);
    }
}
