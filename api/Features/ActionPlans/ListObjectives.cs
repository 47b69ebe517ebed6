using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>The objectives of one plan, by number. A plan has few: the list comes whole.</summary>
public sealed record ListObjectives(Guid ActionPlanId) : IQuery<Page<ObjectiveDetails>>;

public sealed class ListObjectivesHandler(DbSession db, Caller caller) : IQueryHandler<ListObjectives, Page<ObjectiveDetails>>
{
    public async ValueTask<Page<ObjectiveDetails>> Handle(ListObjectives query, CancellationToken cancellationToken)
    {
        if (!await ActionPlanScope.CoversPlanAsync(db, caller, query.ActionPlanId, cancellationToken))
            throw new NotFoundException(Messages.RecordActionPlan, query.ActionPlanId);
        return new Page<ObjectiveDetails>(await ObjectiveDetails.OfPlanAsync(db, query.ActionPlanId, cancellationToken), null);
    }
}
