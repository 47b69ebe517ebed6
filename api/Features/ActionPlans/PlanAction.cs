using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
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

public interface IActionFields
{
    Guid? ObjectiveId { get; }
    string Title { get; }
    string LeadUnit { get; }
    string Owner { get; }
    DateOnly? StartsOn { get; }
    DateOnly? DueOn { get; }
}

public class ActionFieldsValidator<T> : AbstractValidator<T> where T : IActionFields
{
    public ActionFieldsValidator()
    {
        RuleFor(x => x.ObjectiveId).NotNull();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.LeadUnit).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Owner).NotEmpty().MaximumLength(300);
        RuleFor(x => x.StartsOn).NotNull();
        RuleFor(x => x.DueOn).NotNull()
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage("An action cannot fall due before it starts.");
    }
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
        var plan = (await PlanState.LoadAsync(db, command.ActionPlanId, cancellationToken)).RefuseIfClosed("new actions");
        await ActionWrites.CheckAsync(db, plan, command, [], cancellationToken);
        var id = Guid.CreateVersion7();
        var row = ActionWrites.Row(id, command);
        row.Add("actionPlanId", command.ActionPlanId);
        row.Add("status", DbEnum.Name(ActionStatus.NotStarted));
        await db.ExecuteAsync(Insert, row, cancellationToken);
        return new RecordCreated(id, 1);
    }
}

/// <summary>What planning and updating an action both check and write.</summary>
internal static class ActionWrites
{
    private const string ObjectiveOfPlan = "SELECT id FROM objectives WHERE id = @objectiveId AND action_plan_id = @actionPlanId";

    /// <summary>The objective belongs to the plan, and the dates lie within its period; <paramref name="failures"/> may hold more.</summary>
    public static async Task CheckAsync(DbSession db, PlanState plan, IActionFields action, List<ValidationFailure> failures, CancellationToken cancellationToken)
    {
        if (await db.QuerySingleOrDefaultAsync<Guid?>(ObjectiveOfPlan, new { objectiveId = action.ObjectiveId, actionPlanId = plan.Id }, cancellationToken) is null)
            failures.Add(new ValidationFailure(nameof(IActionFields.ObjectiveId),
                $"This plan has no objective with the id {action.ObjectiveId}. Pick one from GET /api/v1/action-plans/{plan.Id}/objectives."));
        if (!plan.Holds(action.StartsOn))
            failures.Add(new ValidationFailure(nameof(IActionFields.StartsOn), $"An action starts within its plan's period, {plan.Period}."));
        if (!plan.Holds(action.DueOn))
            failures.Add(new ValidationFailure(nameof(IActionFields.DueOn), $"An action falls due within its plan's period, {plan.Period}."));
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    /// <summary>The actions row's own fields.</summary>
    public static Dapper.DynamicParameters Row(Guid id, IActionFields action) => new(new
    {
        id,
        objectiveId = action.ObjectiveId,
        title = action.Title.Trim(),
        leadUnit = action.LeadUnit.Trim(),
        owner = action.Owner.Trim(),
        startsOn = action.StartsOn,
        dueOn = action.DueOn,
    });
}
