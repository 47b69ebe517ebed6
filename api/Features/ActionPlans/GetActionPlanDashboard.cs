using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

public sealed record GetActionPlanDashboard(Guid Id) : IQuery<ActionPlanDashboard>;

/// <summary>
/// Where a plan stands today (UTC), from each action's current status. An action is <b>due</b> when its due day
/// is today or earlier and it is not cancelled; <b>overdue</b> when its due day is before today and it is neither
/// done nor cancelled. The rate of implementation is the share of due actions that are done, in percent with
/// one decimal (null while none is due). An action is <b>done on time</b> when it is done and a progress update
/// reported it done on or before its due day.
/// </summary>
public sealed record ActionPlanDashboard
{
    public required Guid ActionPlanId { get; init; }
    /// <summary>The day the figures are computed for.</summary>
    public required DateOnly AsOf { get; init; }
    public required int ActionCount { get; init; }
    /// <summary>Every status, in order, with how many actions are in it now (zero included).</summary>
    public required IReadOnlyList<StatusCount> ActionsByStatus { get; init; }
    public required int ActionsDue { get; init; }
    public required int ActionsDoneOfDue { get; init; }
    /// <summary>ActionsDoneOfDue ÷ ActionsDue × 100, one decimal; null when no action is due yet.</summary>
    public decimal? ImplementationRate { get; init; }
    public required int ActionsDoneOnTime { get; init; }
    /// <summary>The overdue actions, the longest overdue first.</summary>
    public required IReadOnlyList<ActionDetails> Overdue { get; init; }
    /// <summary>The ten key factors, in order, each with the number of the plan's objectives serving it.</summary>
    public required IReadOnlyList<KeyFactorCoverage> KeyFactors { get; init; }
}

public sealed record StatusCount(ActionStatus Status, int Count);

public sealed record KeyFactorCoverage
{
    public required string Code { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
    public required int ObjectiveCount { get; init; }
    public bool Covered => ObjectiveCount > 0;
}

public sealed class GetActionPlanDashboardHandler(DbSession db, Caller caller, TimeProvider clock) : IQueryHandler<GetActionPlanDashboard, ActionPlanDashboard>
{
    private const string ByStatus = "SELECT status, count(*) AS action_count FROM actions WHERE action_plan_id = @id GROUP BY status";
    private const string Due = """
        SELECT count(*) AS due,
               coalesce(sum(CASE WHEN a.status = @done THEN 1 ELSE 0 END), 0) AS done_of_due
        FROM actions a WHERE a.action_plan_id = @id AND a.due_on <= @today AND a.status <> @cancelled
        """;
    private const string DoneOnTime = """
        SELECT count(*) FROM actions a
        WHERE a.action_plan_id = @id AND a.status = @done
          AND EXISTS (SELECT 1 FROM progress_updates u WHERE u.action_id = a.id AND u.status = @done AND u.reported_on <= a.due_on)
        """;
    private const string Coverage = """
        SELECT k.code, k.name_en, k.name_fr,
               (SELECT count(*) FROM objective_key_factors okf JOIN objectives o ON o.id = okf.objective_id
                WHERE o.action_plan_id = @id AND okf.key_factor_code = k.code) AS objective_count
        FROM key_factors k ORDER BY k.position
        """;
    private static readonly string Overdue =
        $"{ActionDetails.Select} WHERE a.action_plan_id = @id AND a.due_on < @today AND a.status <> @done AND a.status <> @cancelled ORDER BY a.due_on, a.id";

    public async ValueTask<ActionPlanDashboard> Handle(GetActionPlanDashboard query, CancellationToken cancellationToken)
    {
        if (!await ActionPlanScope.CoversPlanAsync(db, caller, query.Id, cancellationToken))
            throw new NotFoundException(Messages.RecordActionPlan, query.Id);
        var today = Today.Of(clock);
        var parameters = new { id = query.Id, today, done = DbEnum.Name(ActionStatus.Done), cancelled = DbEnum.Name(ActionStatus.Cancelled) };

        var counted = (await db.QueryAsync<StoredCount>(ByStatus, parameters, cancellationToken)).ToDictionary(row => row.Status, row => row.ActionCount);
        var byStatus = Enum.GetValues<ActionStatus>().Select(status => new StatusCount(status, counted.GetValueOrDefault(DbEnum.Name(status)))).ToList();
        var due = await db.QuerySingleOrDefaultAsync<DueCount>(Due, parameters, cancellationToken) ?? new DueCount();
        return new ActionPlanDashboard
        {
            ActionPlanId = query.Id,
            AsOf = today,
            ActionCount = byStatus.Sum(row => row.Count),
            ActionsByStatus = byStatus,
            ActionsDue = due.Due,
            ActionsDoneOfDue = due.DoneOfDue,
            ImplementationRate = due.Due == 0 ? null : Math.Round(100m * due.DoneOfDue / due.Due, 1, MidpointRounding.AwayFromZero),
            ActionsDoneOnTime = (int)await db.QuerySingleOrDefaultAsync<long>(DoneOnTime, parameters, cancellationToken),
            Overdue = await db.QueryAsync<ActionDetails>(Overdue, parameters, cancellationToken),
            KeyFactors = await db.QueryAsync<KeyFactorCoverage>(Coverage, parameters, cancellationToken),
        };
    }

    private sealed record StoredCount
    {
        public required string Status { get; init; }
        public required int ActionCount { get; init; }
    }

    private sealed record DueCount
    {
        public int Due { get; init; }
        public int DoneOfDue { get; init; }
    }
}
