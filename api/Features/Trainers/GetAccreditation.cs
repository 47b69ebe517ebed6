using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Trainers;

public sealed record GetAccreditation(Guid TrainerId, Guid ModuleId) : IQuery<AccreditationDetails>;

public sealed class GetAccreditationHandler(DbSession db, Caller caller) : IQueryHandler<GetAccreditation, AccreditationDetails>
{
    public async ValueTask<AccreditationDetails> Handle(GetAccreditation query, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<AccreditationDetails>(
            $"{AccreditationDetails.Select} WHERE ac.trainer_id = @trainerId AND ac.module_id = @moduleId{Scope.And(Scope.Trainers(caller, "t"))}",
            Scope.Parameters(caller, new { trainerId = query.TrainerId, moduleId = query.ModuleId }), cancellationToken)
        ?? throw new NotFoundException(Messages.RecordAccreditation, $"{query.TrainerId}/{query.ModuleId}");
}
