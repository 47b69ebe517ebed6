using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>
/// Moves an adopted plan forward: to in_implementation, or to closed. The one way back: an adopted plan
/// on which no progress was reported yet returns to draft (its adoption day is cleared) when management
/// sends it back for amendment. A draft is adopted with AdoptActionPlan; a closed plan is final.
/// </summary>
/// <param name="Status">in_implementation, closed, or draft (see above).</param>
public sealed record ChangeActionPlanStatus([property: Required] ActionPlanStatus? Status) : ActionPlanChange, ICommand<int>;

public sealed class ChangeActionPlanStatusValidator : AbstractValidator<ChangeActionPlanStatus>
{
    public ChangeActionPlanStatusValidator() => RuleFor(x => x.Status).NotNull().IsChoice();
}

public sealed class ChangeActionPlanStatusAccess(DbSession db) : ActionPlanKeepers<ChangeActionPlanStatus>(db);

public sealed class ChangeActionPlanStatusHandler(DbSession db) : ICommandHandler<ChangeActionPlanStatus, int>
{
    private const string Reported = "SELECT count(*) FROM actions WHERE action_plan_id = @id AND update_count > 0";
    private const string Move = """
        UPDATE action_plans SET status = @status, adopted_on = CASE WHEN @status = @draft THEN NULL ELSE adopted_on END, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(ChangeActionPlanStatus command, CancellationToken cancellationToken)
    {
        var plan = (await PlanState.LoadAsync(db, command.Id, cancellationToken)).RefuseIfClosed(Messages.PlanChanges);
        var target = command.Status!.Value;
        if (target == plan.Status)
            throw new ConflictException(Messages.PlanAlready.With(DbEnum.Name(target)));
        if (target == ActionPlanStatus.Draft)
            await RefuseBackToDraftAsync(plan, cancellationToken);
        else if (plan.Status == ActionPlanStatus.Draft)
            throw new ConflictException(Messages.PlanIsDraft);
        else if (target < plan.Status)
            throw new ConflictException(Messages.PlanOnlyForward);

        var changed = await db.ExecuteAsync(Move, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            status = DbEnum.Name(target),
            draft = DbEnum.Name(ActionPlanStatus.Draft),
        }, cancellationToken);
        return await db.NextVersionAsync(changed, "action_plans", Messages.RecordActionPlan, command.Id, command.ExpectedVersion, cancellationToken);
    }

    private async Task RefuseBackToDraftAsync(PlanState plan, CancellationToken cancellationToken)
    {
        if (plan.Status != ActionPlanStatus.Adopted)
            throw new ConflictException(Messages.PlanBackToDraft);
        if (await db.QuerySingleOrDefaultAsync<long>(Reported, new { id = plan.Id }, cancellationToken) > 0)
            throw new ConflictException(Messages.PlanStaysAdopted);
    }
}
