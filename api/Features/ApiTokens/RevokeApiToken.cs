using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ApiTokens;

/// <summary>Stops a token from working, at once and for good. Revoking a revoked token changes nothing.</summary>
public sealed record RevokeApiToken(Guid Id) : ICommand<Unit>, IChangesRecord;

public sealed class RevokeApiTokenAccess : AdministratorsOnly<RevokeApiToken>;

public sealed class RevokeApiTokenHandler(DbSession db, TimeProvider clock) : ICommandHandler<RevokeApiToken, Unit>
{
    private const string Revoke = "UPDATE api_tokens SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL";
    private const string Exists = "SELECT id FROM api_tokens WHERE id = @id";

    public async ValueTask<Unit> Handle(RevokeApiToken command, CancellationToken cancellationToken)
    {
        if (await db.QuerySingleOrDefaultAsync<Guid?>(Exists, new { id = command.Id }, cancellationToken) is null)
            throw new NotFoundException(Messages.RecordApiToken, command.Id);
        await db.ExecuteAsync(Revoke, new { id = command.Id, now = AuditTrail.Stored(clock.GetUtcNow()) }, cancellationToken);
        return Unit.Value;
    }
}
