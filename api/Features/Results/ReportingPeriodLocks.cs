using Integrity.Api.Data;
using Integrity.Api.Http;

namespace Integrity.Api.Features.Results;

/// <summary>
/// A submitted or approved report locks what its period covers for its administration: the records dated
/// within the period (workshops, attendance, action-plan progress) and the indicator values entered for it.
/// A returned report opens them again.
/// </summary>
public static class ReportingPeriodLocks
{
    private static readonly string Select = $"""
        SELECT rp.id AS period_id, rp.label, rp.starts_on, rp.ends_on, r.administration_id, a.name_en AS administration_name_en,
               {DbEnum.Column("r.state", "state")}
        FROM reporting_periods rp
        JOIN period_reports r ON r.period_id = rp.id AND r.state IN ('submitted', 'approved')
        JOIN administrations a ON a.id = r.administration_id
        """;

    // {0} is the dialect's "r.administration_id is one of @administrationIds".
    private static readonly string Overlapping = $$"""
        {{Select}}
        WHERE rp.programme_id = @programmeId AND rp.starts_on <= @to AND rp.ends_on >= @from AND {0}
        ORDER BY rp.starts_on, a.name_en, r.administration_id
        """;

    private static readonly string OfPeriod = $"{Select}\nWHERE rp.id = @periodId";

    /// <summary>Whether the administration's report for the programme's period that contains <paramref name="day"/> is submitted or approved.</summary>
    public static async Task<bool> IsLockedAsync(DbSession db, Guid programmeId, Guid administrationId, DateOnly day,
        CancellationToken cancellationToken = default) =>
        await FindAsync(db, programmeId, administrationId, day, cancellationToken) is not null;

    /// <summary>The lock on that day, to say which period and report hold it; null when there is none.</summary>
    public static async Task<ReportingPeriodLock?> FindAsync(DbSession db, Guid programmeId, Guid administrationId, DateOnly day,
        CancellationToken cancellationToken = default) =>
        (await FindAsync(db, programmeId, [administrationId], day, day, cancellationToken)).FirstOrDefault();

    /// <summary>
    /// The locks on any day from <paramref name="from"/> to <paramref name="to"/> of any of the administrations (a
    /// workshop's host and those taking part, say), earliest period first: one query.
    /// </summary>
    public static async Task<IReadOnlyList<ReportingPeriodLock>> FindAsync(DbSession db, Guid programmeId, IReadOnlyCollection<Guid> administrationIds,
        DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        administrationIds.Count == 0
            ? []
            : await db.QueryAsync<ReportingPeriodLock>(string.Format(Overlapping, db.Dialect.InIds("r.administration_id", "administrationIds")),
                new { programmeId, from, to, administrationIds = db.Dialect.Ids(administrationIds) }, cancellationToken);

    /// <summary>The administrations whose reports lock a period.</summary>
    public static Task<IReadOnlyList<ReportingPeriodLock>> OfPeriodAsync(DbSession db, Guid periodId, CancellationToken cancellationToken) =>
        db.QueryAsync<ReportingPeriodLock>(OfPeriod, new { periodId }, cancellationToken);
}

/// <summary>An administration's submitted or approved report for a reporting period.</summary>
public sealed record ReportingPeriodLock
{
    public required Guid PeriodId { get; init; }
    public required string Label { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public required Guid AdministrationId { get; init; }
    public required string AdministrationNameEn { get; init; }
    public required ReportState State { get; init; }
}

/// <summary>409 for a change to what a submitted or approved report covers.</summary>
public sealed class ReportingPeriodLockedException(ReportingPeriodLock locked, string what)
    : ProblemException(StatusCodes.Status409Conflict, "Reporting period locked",
        $"{locked.AdministrationNameEn}'s report for {locked.Label} ({locked.StartsOn:yyyy-MM-dd} to {locked.EndsOn:yyyy-MM-dd}) is " +
        $"{DbEnum.Name(locked.State)}: {what} it covers cannot change. An administrator can return the report to open the period again.");
