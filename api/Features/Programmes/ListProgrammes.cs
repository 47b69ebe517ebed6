using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Mediator;

namespace Integrity.Api.Features.Programmes;

/// <summary>Programmes by code, filtered by text, donor and a day they are running on.</summary>
public sealed record ListProgrammes(string? Q, Guid? DonorId, DateOnly? ActiveOn, int? Limit, string? Cursor)
    : IQuery<Page<ProgrammeDetails>>, IListQuery;

public sealed class ListProgrammesValidator : ListQueryValidator<ListProgrammes>;

public sealed class ListProgrammesHandler(DbSession db, Caller caller) : IQueryHandler<ListProgrammes, Page<ProgrammeDetails>>
{
    public async ValueTask<Page<ProgrammeDetails>> Handle(ListProgrammes query, CancellationToken cancellationToken)
    {
        var filters = new List<string?> { Scope.Programmes(caller, "id") };
        if (!string.IsNullOrWhiteSpace(query.Q))
            filters.Add($"({db.Dialect.ContainsText("code", "q")} OR {db.Dialect.ContainsText("name", "q")})");
        if (query.DonorId is not null)
            filters.Add("id IN (SELECT programme_id FROM programme_donors WHERE donor_id = @donorId)");
        if (query.ActiveOn is not null)
            filters.Add("starts_on <= @activeOn AND ends_on >= @activeOn");
        var sql = ListSql.Build(ProgrammeDetails.Select, filters, query, "code", db.Dialect);
        var parameters = Scope.Parameters(caller, ListSql.Parameters(query, new { q = query.Q, donorId = query.DonorId, activeOn = query.ActiveOn }));
        var rows = await db.QueryAsync<ProgrammeDetails>(sql, parameters, cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), programme => new Keyset(programme.Code, programme.Id));
        return page with { Items = await ProgrammeDetails.WithLinksAsync(db, page.Items, cancellationToken) };
    }
}
