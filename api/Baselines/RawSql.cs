using System.Collections;
using System.Data.Common;
using System.Text.RegularExpressions;
using Integrity.Api.Data;
using Integrity.Api.Http;

namespace Integrity.Api.Baselines;

/// <summary>
/// Plain ADO.NET for the baselines: a handler's own SQL with its parameters bound by hand, each value as the
/// dialect stores it, and only those the SQL names (as Dapper does).
/// </summary>
public static partial class RawSql
{
    public static DbCommand Command(DbConnection connection, SqlDialect dialect, string sql, params IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        foreach (var (name, value) in parameters)
        {
            if (!Regex.IsMatch(sql, Use(name))) continue;
            // "IN @ids" (SqlDialect.InIds but on PostgreSQL, which takes the array whole): one parameter per id, as Dapper expands it.
            if (value is IEnumerable list and not string and not byte[] && Regex.IsMatch(sql, "IN " + Use(name)))
            {
                var items = list.Cast<object?>().ToList();
                sql = Regex.Replace(sql, Use(name), $"({string.Join(",", items.Select((_, i) => $"@{name}{i + 1}"))})");
                for (var i = 0; i < items.Count; i++) Add(command, dialect, $"{name}{i + 1}", items[i]);
            }
            else Add(command, dialect, name, value);
        }
        command.CommandText = sql;
        return command;
    }

    /// <summary>@name where the SQL uses it, not as the start of a longer name.</summary>
    private static string Use(string name) => $"@{name}(?![\\p{{L}}\\p{{N}}_])";

    private static void Add(DbCommand command, SqlDialect dialect, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = dialect.Stored(value);
        command.Parameters.Add(parameter);
    }

    /// <summary>Every row of a query, each read by <paramref name="read"/> from a <see cref="RawRow"/>.</summary>
    public static async Task<List<T>> QueryAsync<T>(DbConnection connection, SqlDialect dialect, string sql, IEnumerable<(string Name, object? Value)> parameters,
        Func<RawRow, T> read, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, dialect, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var row = new RawRow(reader);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(row));
        return rows;
    }

    /// <summary>The parameters of the caller's scope conditions (<see cref="Identity.Scope.Parameters"/>).</summary>
    public static IEnumerable<(string, object?)> Scope(Caller caller) => [("scopeUserId", caller.UserId), ("scopeDonorId", caller.DonorId)];

    /// <summary>The page parameters of <see cref="ListSql.Parameters"/>: one row more than asked, and the cursor's key.</summary>
    public static IEnumerable<(string, object?)> Page(IListQuery query, Func<string, object>? keyValue = null)
    {
        yield return ("limit", query.PageSize() + 1);
        if (!Keyset.TryDecode(query.Cursor, out var after) || after is null) yield break;
        yield return ("afterKey", keyValue is null ? after.Key : keyValue(after.Key));
        yield return ("afterId", after.Id);
    }
}
