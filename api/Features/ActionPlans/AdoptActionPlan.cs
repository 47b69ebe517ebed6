using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>Records that the administration adopted its draft plan, and on which day.</summary>
/// <param name="AdoptedOn">The day it was adopted (signed, approved by management); not in the future.</param>
public sealed record AdoptActionPlan([property: Required] DateOnly? AdoptedOn) : ActionPlanChange, ICommand<int>;

public sealed class AdoptActionPlanValidator : AbstractValidator<AdoptActionPlan>
{
    public AdoptActionPlanValidator(TimeProvider clock) =>
        RuleFor(x => x.AdoptedOn).NotNull()
            .Must(day => day <= Today.Of(clock)).WithMessage(_ => Messages.AdoptedNotInFuture);
}

public sealed class AdoptActionPlanAccess(DbSession db) : ActionPlanKeepers<AdoptActionPlan>(db);

public sealed class AdoptActionPlanHandler(DbSession db) : ICommandHandler<AdoptActionPlan, int>
{
    private const string Adopt = """
        UPDATE action_plans SET status = @adopted, adopted_on = @adoptedOn, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(AdoptActionPlan command, CancellationToken cancellationToken)
    {
        var plan = await PlanState.LoadAsync(db, command.Id, cancellationToken);
        if (plan.Status != ActionPlanStatus.Draft)
            throw new ConflictException(Messages.OnlyDraftAdopted.With(DbEnum.Name(plan.Status)));
        var changed = await db.ExecuteAsync(Adopt, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            adopted = DbEnum.Name(ActionPlanStatus.Adopted),
            adoptedOn = command.AdoptedOn,
        }, cancellationToken);
        return await db.NextVersionAsync(changed, "action_plans", Messages.RecordActionPlan, command.Id, command.ExpectedVersion, cancellationToken);
    }
}
