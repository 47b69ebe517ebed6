using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Features.ReferenceData;

public sealed record ListKeyFactors : IQuery<Page<KeyFactor>>;

/// <summary>A key factor of the Revised Arusha Declaration, e.g. <c>RAD-07</c> Code of Conduct.</summary>
public sealed record KeyFactor
{
    public required string Code { get; init; }
    public required int Position { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
}

public sealed class ListKeyFactorsHandler(DbSession db) : IQueryHandler<ListKeyFactors, Page<KeyFactor>>
{
    private const string Select = "SELECT code, position, name_en, name_fr FROM key_factors ORDER BY position";

    public async ValueTask<Page<KeyFactor>> Handle(ListKeyFactors query, CancellationToken cancellationToken) =>
        new(await db.QueryAsync<KeyFactor>(Select, null, cancellationToken), null);
}
