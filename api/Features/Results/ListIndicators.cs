using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>A programme's indicators by code.</summary>
public sealed record ListIndicators(Guid ProgrammeId, int? Limit, string? Cursor) : IQuery<Page<IndicatorDetails>>, IListQuery;

public sealed class ListIndicatorsValidator : ListQueryValidator<ListIndicators>;

public sealed class ListIndicatorsHandler(DbSession db, Caller caller) : IQueryHandler<ListIndicators, Page<IndicatorDetails>>
{
    public async ValueTask<Page<IndicatorDetails>> Handle(ListIndicators query, CancellationToken cancellationToken)
    {
        await ProgrammeScope.RequireAsync(db, caller, query.ProgrammeId, cancellationToken);
        var sql = ListSql.Build(IndicatorDetails.Select, ["i.programme_id = @programmeId"], query, "i.code", db.Dialect, "i.id");
        var rows = await db.QueryAsync<IndicatorDetails>(sql, ListSql.Parameters(query, new { programmeId = query.ProgrammeId }), cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), indicator => new Keyset(indicator.Code, indicator.Id));
        return page with { Items = await IndicatorDetails.WithDisaggregationsAsync(db, page.Items, cancellationToken) };
    }
}
