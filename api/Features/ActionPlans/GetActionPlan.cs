using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

public sealed record GetActionPlan(Guid Id) : IQuery<ActionPlanDetails>;

public sealed class GetActionPlanHandler(DbSession db, Caller caller) : IQueryHandler<GetActionPlan, ActionPlanDetails>
{
    public async ValueTask<ActionPlanDetails> Handle(GetActionPlan query, CancellationToken cancellationToken)
    {
        var plan = await db.QuerySingleOrDefaultAsync<ActionPlanDetails>(
            $"{ActionPlanSummary.Select} WHERE ap.id = @id{Scope.And(ActionPlanScope.Of(caller, "ap"))}",
            Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
            ?? throw new NotFoundException(Messages.RecordActionPlan, query.Id);
        return plan with { Objectives = await ObjectiveDetails.OfPlanAsync(db, plan.Id, cancellationToken) };
    }
}
