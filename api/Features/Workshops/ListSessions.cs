using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Workshops;

/// <summary>The sessions of one workshop, by day. A workshop has few: the list comes whole.</summary>
public sealed record ListSessions(Guid WorkshopId) : IQuery<Page<SessionDetails>>;

public sealed class ListSessionsHandler(DbSession db, Caller caller) : IQueryHandler<ListSessions, Page<SessionDetails>>
{
    public async ValueTask<Page<SessionDetails>> Handle(ListSessions query, CancellationToken cancellationToken)
    {
        if (!await WorkshopScope.CoversAsync(db, caller, query.WorkshopId, cancellationToken))
            throw new NotFoundException(Messages.RecordWorkshop, query.WorkshopId);
        return new Page<SessionDetails>(await SessionDetails.OfWorkshopAsync(db, query.WorkshopId, cancellationToken), null);
    }
}
