using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Features.ReferenceData;

public sealed record ListRegions : IQuery<Page<Region>>;

/// <summary>A WCO region, e.g. <c>WCA</c> West and Central Africa.</summary>
public sealed record Region
{
    public required string Code { get; init; }
    public required int Position { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
}

public sealed class ListRegionsHandler(DbSession db) : IQueryHandler<ListRegions, Page<Region>>
{
    private const string Select = "SELECT code, position, name_en, name_fr FROM regions ORDER BY position";

    public async ValueTask<Page<Region>> Handle(ListRegions query, CancellationToken cancellationToken) =>
        new(await db.QueryAsync<Region>(Select, null, cancellationToken), null);
}
