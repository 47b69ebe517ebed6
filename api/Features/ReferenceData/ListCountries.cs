using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Features.ReferenceData;

public sealed record ListCountries : IQuery<Page<Country>>;

/// <summary>A country by its ISO 3166-1 alpha-2 code, as the IATI Country codelist has it.</summary>
public sealed record Country
{
    public required string Code { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
}

public sealed class ListCountriesHandler(DbSession db) : IQueryHandler<ListCountries, Page<Country>>
{
    private const string Select = "SELECT code, name_en, name_fr FROM countries ORDER BY code";

    public async ValueTask<Page<Country>> Handle(ListCountries query, CancellationToken cancellationToken) =>
        new(await db.QueryAsync<Country>(Select, null, cancellationToken), null);
}
