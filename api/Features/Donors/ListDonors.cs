using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Mediator;

namespace Integrity.Api.Features.Donors;

/// <summary>Donors by name, optionally only those whose code or name contains <paramref name="Q"/>.</summary>
public sealed record ListDonors(string? Q, int? Limit, string? Cursor) : IQuery<Page<DonorDetails>>, IListQuery;

public sealed class ListDonorsValidator : ListQueryValidator<ListDonors>;

public sealed class ListDonorsHandler(DbSession db, Caller caller) : IQueryHandler<ListDonors, Page<DonorDetails>>
{
    public async ValueTask<Page<DonorDetails>> Handle(ListDonors query, CancellationToken cancellationToken)
    {
        var filters = new List<string?> { Scope.Donors(caller, "id") };
        if (!string.IsNullOrWhiteSpace(query.Q))
            filters.Add($"({db.Dialect.ContainsText("code", "q")} OR {db.Dialect.ContainsText("name", "q")})");
        var sql = ListSql.Build("SELECT id, code, name, iati_organisation_id, version FROM donors",
            filters, query, "name", db.Dialect);
        var rows = await db.QueryAsync<DonorDetails>(sql, Scope.Parameters(caller, ListSql.Parameters(query, new { q = query.Q })), cancellationToken);
        return Keyset.ToPage(rows, query.PageSize(), donor => new Keyset(donor.Name, donor.Id));
    }
}
