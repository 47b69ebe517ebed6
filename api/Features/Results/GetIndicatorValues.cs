using Integrity.Api.Data;
using Integrity.Api.Features.Reports;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>An indicator's target and actual for one reporting period.</summary>
public sealed record GetIndicatorValues(Guid ProgrammeId, Guid IndicatorId, Guid PeriodId) : IQuery<PeriodValues>, IHeavyRead;

public sealed class GetIndicatorValuesHandler(DbSession db, Caller caller, IConfiguration configuration) : IQueryHandler<GetIndicatorValues, PeriodValues>
{
    public async ValueTask<PeriodValues> Handle(GetIndicatorValues query, CancellationToken cancellationToken)
    {
        var indicator = await IndicatorDetails.OfProgrammeAsync(db, caller, query.ProgrammeId, query.IndicatorId, cancellationToken);
        var period = await db.QuerySingleOrDefaultAsync<Period>(IndicatorValues.PeriodOf,
                         new { programmeId = query.ProgrammeId, periodId = query.PeriodId }, cancellationToken)
                     ?? throw new NotFoundException(Messages.RecordPeriodOfProgramme, query.PeriodId);
        return (await IndicatorValues.ReadAsync(db, indicator, [period], SmallCounts.From(configuration).MinimumCellSize, cancellationToken))[0];
    }
}
