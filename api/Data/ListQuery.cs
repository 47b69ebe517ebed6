using Dapper;
using FluentValidation;
using Integrity.Api.Resources;

namespace Integrity.Api.Data;

/// <summary>A query for one page of a list: <c>?limit=50&amp;cursor=…</c>.</summary>
public interface IListQuery
{
    int? Limit { get; }
    string? Cursor { get; }
}

public class ListQueryValidator<T> : AbstractValidator<T> where T : IListQuery
{
    public ListQueryValidator()
    {
        RuleFor(x => x.Limit).InclusiveBetween(1, Keyset.MaxLimit);
        RuleFor(x => x.Cursor).Must(cursor => Keyset.TryDecode(cursor, out _))
            .WithMessage(_ => Messages.CursorNotOursOrFirst);
    }
}

/// <summary>Assembles the SQL of one list page from a select, its filters and the keyset order.</summary>
public static class ListSql
{
    public static int PageSize(this IListQuery query) => query.Limit ?? Keyset.DefaultLimit;

    /// <param name="select">SELECT … FROM … of the list, without WHERE.</param>
    /// <param name="filters">SQL conditions of the filters the caller set and of the caller's scope, ANDed together; nulls are skipped.</param>
    /// <param name="keyColumn">The sort column, unique together with <c>id</c>.</param>
    public static string Build(string select, IEnumerable<string?> filters, IListQuery query, string keyColumn,
        SqlDialect dialect, string idColumn = "id", bool descending = false)
    {
        var conditions = filters.OfType<string>().ToList();
        if (!string.IsNullOrEmpty(query.Cursor)) conditions.Add(Keyset.After(keyColumn, idColumn, descending));
        var where = conditions.Count == 0 ? "" : "\nWHERE " + string.Join("\n  AND ", conditions);
        var order = descending ? " DESC" : "";
        return $"{select}{where}\nORDER BY {keyColumn}{order}, {idColumn}{order}\n{dialect.LimitRows}";
    }

    /// <summary>
    /// The filters' parameters plus the page's: one row more than asked, to know whether a next page exists.
    /// <paramref name="keyValue"/> turns the cursor's text key back into the sort column's type (a date, say).
    /// </summary>
    public static DynamicParameters Parameters(IListQuery query, object filters, Func<string, object>? keyValue = null)
    {
        var parameters = new DynamicParameters(filters);
        parameters.Add("limit", query.PageSize() + 1);
        if (Keyset.TryDecode(query.Cursor, out var after) && after is not null)
        {
            parameters.Add("afterKey", keyValue is null ? after.Key : keyValue(after.Key));
            parameters.Add("afterId", after.Id);
        }
        return parameters;
    }
}
