using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Trainers;

public sealed record GetTrainer(Guid Id) : IQuery<TrainerDetails>;

public sealed class GetTrainerHandler(DbSession db, Caller caller) : IQueryHandler<GetTrainer, TrainerDetails>
{
    public async ValueTask<TrainerDetails> Handle(GetTrainer query, CancellationToken cancellationToken)
    {
        var trainer = await db.QuerySingleOrDefaultAsync<TrainerDetails>(
            $"{TrainerDetails.Select} WHERE t.id = @id{Scope.And(Scope.Trainers(caller, "t"))}",
            Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
            ?? throw new NotFoundException(Messages.RecordTrainer, query.Id);
        return (await TrainerDetails.WithAccreditationsAsync(db, [trainer], cancellationToken))[0];
    }
}
