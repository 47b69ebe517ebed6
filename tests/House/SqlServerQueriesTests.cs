using System.Reflection;
using System.Text.RegularExpressions;
using Integrity.Api.Data;

namespace Integrity.Tests;

/// <summary>
/// Handlers keep their SQL as constants (or static read-only strings) beside them and share it across databases. No SQL Server
/// runs here, so every such query, and the list SQL as the SQL Server dialect assembles it, must at
/// least parse as T-SQL.
/// </summary>
public sealed partial class SqlServerQueriesTests
{
    private static readonly SqlServerDialect Dialect = new();

    [TestCaseSource(nameof(HandlerSql))]
    public void A_handler_query_parses_as_T_SQL(string owner, string sql)
    {
        Assert.That(SqlServerSyntax.Errors(AsSqlServerWouldReceive(sql)), Is.Empty, $"{owner}:\n{sql}");
    }

    [Test]
    public void A_list_page_with_filters_and_a_cursor_parses_as_T_SQL()
    {
        var filters = new[] { $"({Dialect.ContainsText("code", "q")} OR {Dialect.ContainsText("name", "q")})", Dialect.InIds("id", "ids") };
        var sql = ListSql.Build("SELECT id, code, name FROM programmes", filters, new PageQuery(10, new Keyset("A", Guid.CreateVersion7()).Encode()), "code", Dialect);
        Assert.That(sql, Does.Contain("FETCH NEXT @limit ROWS ONLY"));
        Assert.That(SqlServerSyntax.Errors(AsSqlServerWouldReceive(sql)), Is.Empty, sql);
    }

    [Test]
    public void A_name_search_narrowed_by_the_trigram_tables_parses_as_T_SQL()
    {
        foreach (var (person, table, column) in new[] { ("participant", "participants", "normalised_name"), ("trainer", "trainers", "full_name") })
        {
            var filters = new[] { Dialect.ContainsText(column, "q"), $"id IN ({Dialect.NameCandidates(person, ["q", "word1"])})" };
            var sql = ListSql.Build($"SELECT id, {column} FROM {table}", filters, new PageQuery(10, null), column, Dialect);
            Assert.That(SqlServerSyntax.Errors(AsSqlServerWouldReceive(sql)), Is.Empty, sql);
        }
    }

    [Test]
    public void The_handler_queries_were_found()
    {
        Assert.That(HandlerSql().Count(), Is.GreaterThan(10), "the reflection below no longer finds the SQL constants");
    }

    private sealed record PageQuery(int? Limit, string? Cursor) : IListQuery;

    private static IEnumerable<TestCaseData> HandlerSql() =>
        typeof(Database).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(field => field.FieldType == typeof(string) && (field.IsLiteral || field.IsInitOnly) && !type.ContainsGenericParameters)
                .Select(field => (owner: $"{type.Name}.{field.Name}", sql: (string?)(field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null)) ?? "")))
            .Where(constant => StatementStart().IsMatch(constant.sql))
            .Select(constant => new TestCaseData(constant.owner, constant.sql).SetArgDisplayNames(constant.owner));

    /// <summary>Dapper expands <c>IN @ids</c> into a parameter list, and handlers fill <c>{0}</c> with a dialect piece.</summary>
    private static string AsSqlServerWouldReceive(string sql) =>
        sql.Replace("{0}", Dialect.InIds("id", "ids")).Replace("IN @ids", "IN (@ids1, @ids2)");

    [GeneratedRegex(@"^\s*(SELECT|INSERT|UPDATE|DELETE)\s", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();
}
