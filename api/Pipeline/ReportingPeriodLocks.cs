using System.Globalization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;

namespace Integrity.Api.Pipeline;

/// <summary>
/// A submitted or approved report locks what its period covers for its administration: the records dated
/// within the period (workshops, attendance, action-plan progress) and the indicator values entered for it.
/// A returned report opens them again. Commands say what they touch through <see cref="IReportingPeriodPlaces{TCommand}"/>.
/// </summary>
public static class ReportingPeriodLocks
{
    private const string Select = """
        SELECT rp.id AS period_id, rp.label, rp.starts_on, rp.ends_on, r.administration_id, a.name_en AS administration_name_en, r.state
        FROM reporting_periods rp
        JOIN period_reports r ON r.period_id = rp.id AND r.state IN ('submitted', 'approved')
        JOIN administrations a ON a.id = r.administration_id
        """;

    // {0} is the dialect's "r.administration_id is one of @administrationIds".
    private const string Overlapping = $$"""
        {{Select}}
        WHERE rp.programme_id = @programmeId AND rp.starts_on <= @to AND rp.ends_on >= @from AND {0}
        ORDER BY rp.starts_on, a.name_en, r.administration_id
        """;

    private const string OfPeriod = $"{Select}\nWHERE rp.id = @periodId";

    /// <summary>
    /// The locks on any day of the place (a workshop's host and those taking part, say), earliest period first: one query.
    /// </summary>
    public static async Task<IReadOnlyList<ReportingPeriodLock>> FindAsync(DbSession db, ReportingPeriodPlace place, CancellationToken cancellationToken = default) =>
        place.AdministrationIds.Count == 0
            ? []
            : await db.QueryAsync<ReportingPeriodLock>(string.Format(Overlapping, db.Dialect.InIds("r.administration_id", "administrationIds")),
                new { programmeId = place.ProgrammeId, from = place.FromDay, to = place.ToDay, administrationIds = db.Dialect.Ids(place.AdministrationIds) },
                cancellationToken);

    /// <summary>The administrations whose reports lock a period.</summary>
    public static Task<IReadOnlyList<ReportingPeriodLock>> OfPeriodAsync(DbSession db, Guid periodId, CancellationToken cancellationToken) =>
        db.QueryAsync<ReportingPeriodLock>(OfPeriod, new { periodId }, cancellationToken);
}

/// <summary>An administration's submitted or approved report for a reporting period; its state is submitted or approved.</summary>
public sealed record ReportingPeriodLock
{
    public required Guid PeriodId { get; init; }
    public required string Label { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public required Guid AdministrationId { get; init; }
    public required string AdministrationNameEn { get; init; }
    public required string State { get; init; }
}

/// <summary>409 for a change to what a submitted or approved report covers.</summary>
public sealed class ReportingPeriodLockedException(ReportingPeriodLock locked, string what)
    : ProblemException(StatusCodes.Status409Conflict, Messages.TitlePeriodLocked,
        Messages.PeriodLocked.With(locked.AdministrationNameEn, locked.Label, locked.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            locked.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), locked.State == "approved" ? Messages.ReportApproved : Messages.ReportSubmitted, what));
