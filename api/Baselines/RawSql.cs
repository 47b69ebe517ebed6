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
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            if (!Regex.IsMatch(sql, $"@{name}(?![\\p{{L}}\\p{{N}}_])")) continue;
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = dialect.Stored(value);
            command.Parameters.Add(parameter);
        }
        return command;
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
