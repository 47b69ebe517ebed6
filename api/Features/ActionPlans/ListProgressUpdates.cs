using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>An action's progress updates, latest first (by reportedOn, then recording order): its whole history, which stays short.</summary>
public sealed record ListProgressUpdates(Guid ActionId) : IQuery<Page<ProgressUpdateDetails>>;

public sealed class ListProgressUpdatesHandler(DbSession db, Caller caller) : IQueryHandler<ListProgressUpdates, Page<ProgressUpdateDetails>>
{
    public async ValueTask<Page<ProgressUpdateDetails>> Handle(ListProgressUpdates query, CancellationToken cancellationToken)
    {
        if (!await ActionPlanScope.CoversActionAsync(db, caller, query.ActionId, cancellationToken))
            throw new NotFoundException(Messages.RecordAction, query.ActionId);
        return new Page<ProgressUpdateDetails>(await ProgressUpdateDetails.OfActionAsync(db, query.ActionId, cancellationToken), null);
    }
}
