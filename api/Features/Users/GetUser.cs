using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Users;

public sealed record GetUser(Guid Id) : IQuery<UserDetails>;

public sealed class GetUserHandler(DbSession db) : IQueryHandler<GetUser, UserDetails>
{
    public async ValueTask<UserDetails> Handle(GetUser query, CancellationToken cancellationToken)
    {
        var user = await db.QuerySingleOrDefaultAsync<UserDetails>($"{UserDetails.Select} WHERE id = @id", new { id = query.Id }, cancellationToken)
                   ?? throw new NotFoundException(Messages.RecordAccount, query.Id);
        return (await UserDetails.WithScopeAsync(db, [user], cancellationToken))[0];
    }
}
