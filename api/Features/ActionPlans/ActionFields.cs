using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>What planning and updating an action both send.</summary>
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
            .WithMessage(_ => Messages.ActionDueBeforeStart);
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
                Messages.NoSuchObjective.With(action.ObjectiveId, plan.Id)));
        if (!plan.Holds(action.StartsOn))
            failures.Add(new ValidationFailure(nameof(IActionFields.StartsOn), Messages.ActionStartsWithinPlan.With(plan.Period)));
        if (!plan.Holds(action.DueOn))
            failures.Add(new ValidationFailure(nameof(IActionFields.DueOn), Messages.ActionDueWithinPlan.With(plan.Period)));
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
