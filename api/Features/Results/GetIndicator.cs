using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Results;

public sealed record GetIndicator(Guid ProgrammeId, Guid Id) : IQuery<IndicatorDetails>;

public sealed class GetIndicatorHandler(DbSession db, Caller caller) : IQueryHandler<GetIndicator, IndicatorDetails>
{
    public async ValueTask<IndicatorDetails> Handle(GetIndicator query, CancellationToken cancellationToken) =>
        await IndicatorDetails.OfProgrammeAsync(db, caller, query.ProgrammeId, query.Id, cancellationToken);
}
