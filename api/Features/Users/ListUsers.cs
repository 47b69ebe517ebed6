using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Users;

/// <summary>Accounts by display name, filtered by text (name or e-mail) and role.</summary>
public sealed record ListUsers(string? Q, string? Role, int? Limit, string? Cursor) : IQuery<Page<UserDetails>>, IListQuery;

public sealed class ListUsersValidator : ListQueryValidator<ListUsers>
{
    public ListUsersValidator() =>
        RuleFor(x => x.Role).Must(role => Roles.TryParse(role, out _)).When(x => x.Role is not null)
            .WithMessage(_ => Choices.OneOf<Role>());
}

public sealed class ListUsersHandler(DbSession db) : IQueryHandler<ListUsers, Page<UserDetails>>
{
    public async ValueTask<Page<UserDetails>> Handle(ListUsers query, CancellationToken cancellationToken)
    {
        var filters = new List<string?>();
        if (!string.IsNullOrWhiteSpace(query.Q))
            filters.Add($"({db.Dialect.ContainsText("display_name", "q")} OR {db.Dialect.ContainsText("email", "q")})");
        if (query.Role is not null) filters.Add("role = @role");
        var sql = ListSql.Build(UserDetails.Select, filters, query, "display_name", db.Dialect);
        var rows = await db.QueryAsync<UserDetails>(sql, ListSql.Parameters(query, new { q = query.Q, role = query.Role?.ToLowerInvariant() }), cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), user => new Keyset(user.DisplayName, user.Id));
        return page with { Items = await UserDetails.WithScopeAsync(db, page.Items, cancellationToken) };
    }
}
