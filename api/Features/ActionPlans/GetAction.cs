using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

public sealed record GetAction(Guid Id) : IQuery<ActionDetails>;

public sealed class GetActionHandler(DbSession db, Caller caller) : IQueryHandler<GetAction, ActionDetails>
{
    public async ValueTask<ActionDetails> Handle(GetAction query, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<ActionDetails>(
            $"{ActionDetails.Select} WHERE a.id = @id{Scope.And(ActionPlanScope.Of(caller, "ap"))}",
            Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
        ?? throw new NotFoundException(Messages.RecordAction, query.Id);
}
