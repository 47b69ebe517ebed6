using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>An action of a plan, serving one of its objectives. It starts not_started at 0 %; progress updates move it on.</summary>
/// <param name="ObjectiveId">The plan's objective it serves (GET /api/v1/action-plans/{id}/objectives).</param>
/// <param name="Title">E.g. <c>Revise the code of conduct</c>.</param>
/// <param name="LeadUnit">The unit that leads it, e.g. <c>Inspection générale des services</c>.</param>
/// <param name="Owner">Who answers for it: a person's name or a role, e.g. <c>Head of HR</c>.</param>
/// <param name="StartsOn">When work starts; within the plan's period.</param>
/// <param name="DueOn">When it is due; within the plan's period, not before <c>startsOn</c>.</param>
public sealed record PlanAction(
    [property: Required] Guid? ObjectiveId, string Title, string LeadUnit, string Owner,
    [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? DueOn)
    : ICommand<RecordCreated>, IActionFields, IActionPlanCommand
{
    [JsonIgnore] public Guid ActionPlanId { get; init; }
}

public sealed class PlanActionValidator : ActionFieldsValidator<PlanAction>;

public sealed class PlanActionAccess(DbSession db) : ActionPlanKeepers<PlanAction>(db);

public sealed class PlanActionHandler(DbSession db) : ICommandHandler<PlanAction, RecordCreated>
{
    private const string Insert = """
        INSERT INTO actions (id, action_plan_id, objective_id, title, lead_unit, owner, starts_on, due_on, status, percent_done, reported_on, update_count, version)
        VALUES (@id, @actionPlanId, @objectiveId, @title, @leadUnit, @owner, @startsOn, @dueOn, @status, 0, NULL, 0, 1)
        """;

    public async ValueTask<RecordCreated> Handle(PlanAction command, CancellationToken cancellationToken)
    {
        var plan = (await PlanState.LoadAsync(db, command.ActionPlanId, cancellationToken)).RefuseIfClosed(Messages.PlanNewActions);
        await ActionWrites.CheckAsync(db, plan, command, [], cancellationToken);
        var id = Guid.CreateVersion7();
        var row = ActionWrites.Row(id, command);
        row.Add("actionPlanId", command.ActionPlanId);
        row.Add("status", DbEnum.Name(ActionStatus.NotStarted));
        await db.ExecuteAsync(Insert, row, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
