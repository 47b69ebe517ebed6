using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Programmes;

public sealed record GetProgramme(Guid Id) : IQuery<ProgrammeDetails>;

public sealed class GetProgrammeHandler(DbSession db) : IQueryHandler<GetProgramme, ProgrammeDetails>
{
    public async ValueTask<ProgrammeDetails> Handle(GetProgramme query, CancellationToken cancellationToken)
    {
        var programme = await db.QuerySingleOrDefaultAsync<ProgrammeDetails>(
            $"{ProgrammeDetails.Select} WHERE id = @id", new { id = query.Id }, cancellationToken)
            ?? throw new NotFoundException("programme", query.Id);
        return (await ProgrammeDetails.WithDonorsAsync(db, [programme], cancellationToken))[0];
    }
}
