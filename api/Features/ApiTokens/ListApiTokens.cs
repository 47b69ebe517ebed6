using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Features.ApiTokens;

/// <summary>Tokens by name, optionally of one donor. The tokens themselves are never shown again.</summary>
public sealed record ListApiTokens(Guid? DonorId, int? Limit, string? Cursor) : IQuery<Page<ApiTokenSummary>>, IListQuery;

public sealed record ApiTokenSummary
{
    public required Guid Id { get; init; }
    public required Guid DonorId { get; init; }
    public required string DonorCode { get; init; }
    public required string Name { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>When it was revoked; null while it is not.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
}

public sealed class ListApiTokensValidator : ListQueryValidator<ListApiTokens>;

public sealed class ListApiTokensHandler(DbSession db) : IQueryHandler<ListApiTokens, Page<ApiTokenSummary>>
{
    private const string Select = """
        SELECT t.id, t.donor_id, d.code AS donor_code, t.name, t.created_at, t.expires_at, t.revoked_at
        FROM api_tokens t JOIN donors d ON d.id = t.donor_id
        """;

    public async ValueTask<Page<ApiTokenSummary>> Handle(ListApiTokens query, CancellationToken cancellationToken)
    {
        var filters = new List<string?> { query.DonorId is null ? null : "t.donor_id = @donorId" };
        var sql = ListSql.Build(Select, filters, query, "t.name", db.Dialect, "t.id");
        var rows = await db.QueryAsync<ApiTokenSummary>(sql, ListSql.Parameters(query, new { donorId = query.DonorId }), cancellationToken);
        return Keyset.ToPage(rows, query.PageSize(), token => new Keyset(token.Name, token.Id));
    }
}
