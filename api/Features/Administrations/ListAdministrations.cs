using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Mediator;

namespace Integrity.Api.Features.Administrations;

/// <summary>Administrations by English name, filtered by text, region and country.</summary>
public sealed record ListAdministrations(string? Q, string? RegionCode, string? CountryCode, int? Limit, string? Cursor)
    : IQuery<Page<AdministrationDetails>>, IListQuery;

public sealed class ListAdministrationsValidator : ListQueryValidator<ListAdministrations>;

public sealed class ListAdministrationsHandler(DbSession db, Caller caller) : IQueryHandler<ListAdministrations, Page<AdministrationDetails>>
{
    public async ValueTask<Page<AdministrationDetails>> Handle(ListAdministrations query, CancellationToken cancellationToken)
    {
        var filters = new List<string?> { Scope.Administrations(caller, "a.id") };
        if (!string.IsNullOrWhiteSpace(query.Q))
            filters.Add($"({db.Dialect.ContainsText("a.name_en", "q")} OR {db.Dialect.ContainsText("a.name_fr", "q")})");
        if (!string.IsNullOrWhiteSpace(query.RegionCode)) filters.Add("a.region_code = @regionCode");
        if (!string.IsNullOrWhiteSpace(query.CountryCode)) filters.Add("a.country_code = @countryCode");
        var sql = ListSql.Build(AdministrationDetails.Select, filters, query, "a.name_en", db.Dialect, "a.id");
        var parameters = Scope.Parameters(caller, ListSql.Parameters(query, new { q = query.Q, regionCode = query.RegionCode, countryCode = query.CountryCode }));
        var rows = await db.QueryAsync<AdministrationDetails>(sql, parameters, cancellationToken);
        return Keyset.ToPage(await AdministrationDetails.WithOtherNamesAsync(db, rows, cancellationToken), query.PageSize(), administration => new Keyset(administration.NameEn, administration.Id));
    }
}
