using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Participants;

public sealed record GetParticipant(Guid Id) : IQuery<ParticipantDetails>;

public sealed class GetParticipantHandler(DbSession db, Caller caller) : IQueryHandler<GetParticipant, ParticipantDetails>
{
    public async ValueTask<ParticipantDetails> Handle(GetParticipant query, CancellationToken cancellationToken)
    {
        var participant = await db.QuerySingleOrDefaultAsync<ParticipantDetails>(
            $"{ParticipantSummary.Select} WHERE p.id = @id{Scope.And(Scope.Participants(caller, "p"))}",
            Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
            ?? throw new NotFoundException(Messages.RecordParticipant, query.Id);
        return await ParticipantDetails.WithWorkshopsAsync(db, caller, participant, cancellationToken);
    }
}
