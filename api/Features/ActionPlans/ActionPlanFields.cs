using FluentValidation;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>What recording and updating a plan both send.</summary>
public interface IActionPlanFields
{
    string Title { get; }
    DateOnly? StartsOn { get; }
    DateOnly? EndsOn { get; }
}

public class ActionPlanFieldsValidator<T> : AbstractValidator<T> where T : IActionPlanFields
{
    public ActionPlanFieldsValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.StartsOn).NotNull();
        RuleFor(x => x.EndsOn).NotNull()
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.PlanEndsBeforeStart);
    }
}
