using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Participants;

/// <summary>Settles a likely duplicate as two people: the pair leaves the review list and is not raised again.</summary>
public sealed record DismissDuplicateReview(Guid Id) : ICommand<Unit>, IChangesRecord;

public sealed class DismissDuplicateReviewAccess : AdministratorsOnly<DismissDuplicateReview>;

public sealed class DismissDuplicateReviewHandler(DbSession db, TimeProvider clock) : ICommandHandler<DismissDuplicateReview, Unit>
{
    private const string Dismiss = "UPDATE duplicate_reviews SET dismissed_at = @now WHERE id = @id AND dismissed_at IS NULL";
    private const string Exists = "SELECT id FROM duplicate_reviews WHERE id = @id";

    public async ValueTask<Unit> Handle(DismissDuplicateReview command, CancellationToken cancellationToken)
    {
        if (await db.QuerySingleOrDefaultAsync<Guid?>(Exists, new { id = command.Id }, cancellationToken) is null)
            throw new NotFoundException(Messages.RecordDuplicateReview, command.Id);
        await db.ExecuteAsync(Dismiss, new { id = command.Id, now = AuditTrail.Stored(clock.GetUtcNow()) }, cancellationToken);
        return Unit.Value;
    }
}
