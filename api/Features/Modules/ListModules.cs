using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Features.Modules;

/// <summary>Modules by code, filtered by text and by a key factor they cover.</summary>
public sealed record ListModules(string? Q, string? KeyFactor, int? Limit, string? Cursor) : IQuery<Page<ModuleDetails>>, IListQuery;

public sealed class ListModulesValidator : ListQueryValidator<ListModules>;

public sealed class ListModulesHandler(DbSession db) : IQueryHandler<ListModules, Page<ModuleDetails>>
{
    public async ValueTask<Page<ModuleDetails>> Handle(ListModules query, CancellationToken cancellationToken)
    {
        var filters = new List<string?>();
        if (!string.IsNullOrWhiteSpace(query.Q))
            filters.Add($"({db.Dialect.ContainsText("code", "q")} OR {db.Dialect.ContainsText("title_en", "q")} OR {db.Dialect.ContainsText("title_fr", "q")})");
        // A probe of the (module_id, key_factor_code) key for each module walked in code order.
        if (!string.IsNullOrWhiteSpace(query.KeyFactor))
            filters.Add("EXISTS (SELECT 1 FROM module_key_factors mk WHERE mk.module_id = modules.id AND mk.key_factor_code = @keyFactor)");
        var sql = ListSql.Build(ModuleDetails.Select, filters, query, "code", db.Dialect);
        var rows = await db.QueryAsync<ModuleDetails>(sql, ListSql.Parameters(query, new { q = query.Q, keyFactor = query.KeyFactor?.Trim().ToUpperInvariant() }), cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), module => new Keyset(module.Code, module.Id));
        return page with { Items = await ModuleDetails.WithKeyFactorsAsync(db, page.Items, cancellationToken) };
    }
}
