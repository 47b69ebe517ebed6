using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Programmes;

public sealed record GetProgramme(Guid Id) : IQuery<ProgrammeDetails>;

public sealed class GetProgrammeHandler(DbSession db, Caller caller) : IQueryHandler<GetProgramme, ProgrammeDetails>
{
    public async ValueTask<ProgrammeDetails> Handle(GetProgramme query, CancellationToken cancellationToken)
    {
        var programme = await db.QuerySingleOrDefaultAsync<ProgrammeDetails>(
            $"{ProgrammeDetails.Select} WHERE id = @id{Scope.And(Scope.Programmes(caller, "id"))}",
            Scope.Parameters(caller, new { id = query.Id }), cancellationToken)
            ?? throw new NotFoundException(Messages.RecordProgramme, query.Id);
        return (await ProgrammeDetails.WithLinksAsync(db, [programme], cancellationToken))[0];
    }
}
