using Integrity.Api.Data;
using Integrity.Api.Features.Reports;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>An indicator's target and actual for every reporting period of its programme, in date order. A programme has few periods: the list comes whole.</summary>
public sealed record ListIndicatorValues(Guid ProgrammeId, Guid IndicatorId) : IQuery<Page<PeriodValues>>, IHeavyRead;

public sealed class ListIndicatorValuesHandler(DbSession db, Caller caller, IConfiguration configuration) : IQueryHandler<ListIndicatorValues, Page<PeriodValues>>
{
    public async ValueTask<Page<PeriodValues>> Handle(ListIndicatorValues query, CancellationToken cancellationToken)
    {
        var indicator = await IndicatorDetails.OfProgrammeAsync(db, caller, query.ProgrammeId, query.IndicatorId, cancellationToken);
        var periods = await db.QueryAsync<Period>(IndicatorValues.PeriodsInOrder, new { programmeId = query.ProgrammeId }, cancellationToken);
        return new Page<PeriodValues>(await IndicatorValues.ReadAsync(db, indicator, periods, SmallCounts.From(configuration).MinimumCellSize, cancellationToken), null);
    }
}
