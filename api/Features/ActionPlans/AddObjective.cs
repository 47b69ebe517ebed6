using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>An objective of a plan: the key factors it serves, and the outcome it aims at, measured by an indicator.</summary>
/// <param name="Title">E.g. <c>Strengthen the code of conduct and its enforcement</c>.</param>
/// <param name="KeyFactorCodes">Key factors of the Revised Arusha Declaration it serves (RAD-01…RAD-10); at least one.</param>
/// <param name="OutcomeIndicator">How its outcome is measured, e.g. <c>Share of staff who signed the code of conduct</c>.</param>
/// <param name="Baseline">The indicator's value when the plan was drawn up, e.g. <c>35 %</c>; left out when not measured yet.</param>
/// <param name="Target">The value aimed at by the end of the plan, e.g. <c>100 %</c>.</param>
public sealed record AddObjective(string Title, IReadOnlyList<string> KeyFactorCodes, string OutcomeIndicator, string Target, string? Baseline = null)
    : ICommand<RecordCreated>, IObjectiveFields, IActionPlanCommand
{
    [JsonIgnore] public Guid ActionPlanId { get; init; }
}

public sealed class AddObjectiveValidator : ObjectiveFieldsValidator<AddObjective>;

public sealed class AddObjectiveAccess(DbSession db) : ActionPlanKeepers<AddObjective>(db);

public sealed class AddObjectiveHandler(DbSession db) : ICommandHandler<AddObjective, RecordCreated>
{
    // Counting on the plan's row numbers objectives in order, and makes two objectives added at once take turns.
    private const string Count = "UPDATE action_plans SET objective_count = objective_count + 1 WHERE id = @actionPlanId";
    private const string Position = "SELECT objective_count FROM action_plans WHERE id = @actionPlanId";
    private const string Insert = """
        INSERT INTO objectives (id, action_plan_id, position, title, outcome_indicator, baseline, target, version)
        VALUES (@id, @actionPlanId, @position, @title, @outcomeIndicator, @baseline, @target, 1)
        """;

    public async ValueTask<RecordCreated> Handle(AddObjective command, CancellationToken cancellationToken)
    {
        (await PlanState.LoadAsync(db, command.ActionPlanId, cancellationToken)).RefuseIfClosed(Messages.PlanNewObjectives);
        var plan = new { actionPlanId = command.ActionPlanId };
        await db.ExecuteAsync(Count, plan, cancellationToken);
        var position = await db.QuerySingleOrDefaultAsync<int>(Position, plan, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, ObjectiveWrites.Row(id, command, new { actionPlanId = command.ActionPlanId, position }), cancellationToken);
        await ObjectiveWrites.LinkAsync(db, id, command, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
