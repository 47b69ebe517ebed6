using Integrity.Api.Data;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>An action plan as lists show it; <c>version</c> is also its ETag.</summary>
public record ActionPlanSummary
{
    public required Guid Id { get; init; }
    public required Guid ProgrammeId { get; init; }
    public required string ProgrammeCode { get; init; }
    public required Guid AdministrationId { get; init; }
    public required string AdministrationNameEn { get; init; }
    public required string AdministrationNameFr { get; init; }
    public required string CountryCode { get; init; }
    public required string Title { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public required ActionPlanStatus Status { get; init; }
    /// <summary>When it was adopted; null while it is a draft.</summary>
    public DateOnly? AdoptedOn { get; init; }
    public required int ObjectiveCount { get; init; }
    public required int ActionCount { get; init; }
    public required int Version { get; init; }

    public static readonly string Select = $"""
        SELECT ap.id, ap.programme_id, p.code AS programme_code, ap.administration_id, a.name_en AS administration_name_en,
               a.name_fr AS administration_name_fr, a.country_code, ap.title, ap.starts_on, ap.ends_on,
               {DbEnum.Column("ap.status", "status")}, ap.adopted_on, ap.objective_count,
               (SELECT count(*) FROM actions x WHERE x.action_plan_id = ap.id) AS action_count, ap.version
        FROM action_plans ap
        JOIN programmes p ON p.id = ap.programme_id
        JOIN administrations a ON a.id = ap.administration_id
        """;
}

/// <summary>An action plan with its objectives.</summary>
public sealed record ActionPlanDetails : ActionPlanSummary
{
    public required IReadOnlyList<ObjectiveDetails> Objectives { get; init; } = [];
}

/// <summary>An objective of a plan, numbered in the order it was added; <c>version</c> is also its ETag.</summary>
public sealed record ObjectiveDetails
{
    public required Guid Id { get; init; }
    /// <summary>1 for the plan's first objective, and so on.</summary>
    public required int Position { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> KeyFactorCodes { get; init; } = [];
    public required string OutcomeIndicator { get; init; }
    /// <summary>The indicator's value when the plan was drawn up; null when not measured yet.</summary>
    public string? Baseline { get; init; }
    public required string Target { get; init; }
    public required int ActionCount { get; init; }
    public required int Version { get; init; }

    private const string Select = """
        SELECT o.id, o.position, o.title, o.outcome_indicator, o.baseline, o.target,
               (SELECT count(*) FROM actions x WHERE x.objective_id = o.id) AS action_count, o.version
        FROM objectives o WHERE o.action_plan_id = @actionPlanId ORDER BY o.position
        """;
    private const string KeyFactorsOf = """
        SELECT okf.objective_id AS owner_id, okf.key_factor_code AS item FROM objective_key_factors okf JOIN objectives o ON o.id = okf.objective_id
        WHERE o.action_plan_id = @actionPlanId ORDER BY okf.key_factor_code
        """;

    /// <summary>The objectives of a plan with their key factors: two queries.</summary>
    public static async Task<IReadOnlyList<ObjectiveDetails>> OfPlanAsync(DbSession db, Guid actionPlanId, CancellationToken cancellationToken)
    {
        var objectives = await db.QueryAsync<ObjectiveDetails>(Select, new { actionPlanId }, cancellationToken);
        var codes = await Listed.ByOwnerAsync(db, KeyFactorsOf, new { actionPlanId }, cancellationToken);
        return objectives.Select(objective => objective with { KeyFactorCodes = codes[objective.Id].ToList() }).ToList();
    }
}

/// <summary>
/// An action of a plan. Its status, percent done and reportedOn are those of its latest progress update
/// (by reportedOn, then recording order): not_started, 0 and null before the first. <c>version</c> is also its ETag.
/// </summary>
public sealed record ActionDetails
{
    public required Guid Id { get; init; }
    public required Guid ActionPlanId { get; init; }
    public required Guid ObjectiveId { get; init; }
    public required int ObjectivePosition { get; init; }
    public required string Title { get; init; }
    public required string LeadUnit { get; init; }
    /// <summary>Who answers for it: a person's name or a role.</summary>
    public required string Owner { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly DueOn { get; init; }
    public required ActionStatus Status { get; init; }
    public required int PercentDone { get; init; }
    /// <summary>The day of the latest progress update; null before the first.</summary>
    public DateOnly? ReportedOn { get; init; }
    public required int UpdateCount { get; init; }
    public required int Version { get; init; }

    public static readonly string Select = $"""
        SELECT a.id, a.action_plan_id, a.objective_id, o.position AS objective_position, a.title, a.lead_unit, a.owner,
               a.starts_on, a.due_on, {DbEnum.Column("a.status", "status")}, a.percent_done, a.reported_on, a.update_count, a.version
        FROM actions a
        JOIN objectives o ON o.id = a.objective_id
        JOIN action_plans ap ON ap.id = a.action_plan_id
        """;
}

/// <summary>A dated report on an action. Updates are never changed or deleted.</summary>
public sealed record ProgressUpdateDetails
{
    public required Guid Id { get; init; }
    public required Guid ActionId { get; init; }
    /// <summary>The day the progress was observed or reported.</summary>
    public required DateOnly ReportedOn { get; init; }
    public required ActionStatus Status { get; init; }
    public required int PercentDone { get; init; }
    public string? Narrative { get; init; }
    public required IReadOnlyList<string> EvidenceLinks { get; init; } = [];
    /// <summary>1 for the action's first update recorded, and so on: breaks ties between updates of the same day.</summary>
    public required int RecordingOrder { get; init; }
    /// <summary>When it was recorded (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    private static readonly string Select = $"""
        SELECT u.id, u.action_id, u.reported_on, {DbEnum.Column("u.status", "status")}, u.percent_done, u.narrative,
               u.recording_order, u.recorded_at
        FROM progress_updates u WHERE u.action_id = @actionId
        ORDER BY u.reported_on DESC, u.recording_order DESC
        """;
    private const string EvidenceOf = """
        SELECT e.progress_update_id AS owner_id, e.url AS item FROM progress_update_evidence e JOIN progress_updates u ON u.id = e.progress_update_id
        WHERE u.action_id = @actionId ORDER BY e.position
        """;

    /// <summary>An action's whole history, latest first: two queries.</summary>
    public static async Task<IReadOnlyList<ProgressUpdateDetails>> OfActionAsync(DbSession db, Guid actionId, CancellationToken cancellationToken)
    {
        var updates = await db.QueryAsync<ProgressUpdateDetails>(Select, new { actionId }, cancellationToken);
        var links = await Listed.ByOwnerAsync(db, EvidenceOf, new { actionId }, cancellationToken);
        return updates.Select(update => update with { EvidenceLinks = links[update.Id].ToList() }).ToList();
    }
}

/// <summary>The lists records carry (an objective's key factors, an update's evidence links), read for many records at once.</summary>
internal static class Listed
{
    /// <summary>Runs a query of <c>owner_id, item</c> rows and groups the items by owner, in the query's order.</summary>
    public static async Task<ILookup<Guid, string>> ByOwnerAsync(DbSession db, string sql, object parameters, CancellationToken cancellationToken) =>
        (await db.QueryAsync<OwnedItem>(sql, parameters, cancellationToken)).ToLookup(row => row.OwnerId, row => row.Item);

    private sealed record OwnedItem
    {
        public required Guid OwnerId { get; init; }
        public required string Item { get; init; }
    }
}
