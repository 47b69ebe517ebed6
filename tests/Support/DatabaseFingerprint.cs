using System.Data.Common;
using System.Security.Cryptography;
using System.Text;

namespace Integrity.Tests;

/// <summary>
/// The row count and a checksum of the contents of every table of a test database, read in one query, so
/// that a test can tell that a request changed nothing at all, and which table it changed if it did.
/// </summary>
public sealed class DatabaseFingerprint
{
    private readonly TestDatabase database;
    private readonly string query;

    private DatabaseFingerprint(TestDatabase database, string query)
    {
        this.database = database;
        this.query = query;
    }

    public static async Task<DatabaseFingerprint> ForAsync(TestDatabase database)
    {
        await using var connection = await TestSql.OpenAsync(database);
        var tables = await ReadAsync(connection, database.Provider == "sqlite"
            ? "SELECT name, '' FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name, '' FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
        var selects = new List<string>();
        foreach (var table in tables.Keys)
        {
            // PostgreSQL hashes each row printed as text and adds the hashes up on the server (no sorting); SQLite quotes column by column.
            var contents = database.Provider == "sqlite"
                ? $"(SELECT group_concat(r, '|') FROM (SELECT {string.Join(" || ',' || ", (await ReadAsync(connection, $"SELECT name, '' FROM pragma_table_info('{table}')")).Keys.Select(column => $"quote({column})"))} AS r FROM {table} ORDER BY r))"
                : $"(SELECT sum(hashtextextended(t::text, 0))::text FROM {table} t)";
            selects.Add($"SELECT '{table}', (SELECT count(*) FROM {table}) || ':' || coalesce({contents}, '')");
        }
        return new DatabaseFingerprint(database, string.Join("\nUNION ALL\n", selects));
    }

    /// <summary>Each table's "rows:checksum".</summary>
    public async Task<IReadOnlyDictionary<string, string>> TakeAsync()
    {
        await using var connection = await TestSql.OpenAsync(database);
        return (await ReadAsync(connection, query)).ToDictionary(table => table.Key,
            table => $"{table.Value[..table.Value.IndexOf(':')]} rows:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(table.Value)))[..16]}");
    }

    /// <summary>The tables whose rows or contents differ, with both fingerprints.</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys)
            .Where(table => before.GetValueOrDefault(table) != after.GetValueOrDefault(table))
            .Select(table => $"{table}: {before.GetValueOrDefault(table)} -> {after.GetValueOrDefault(table)}")
            .ToList();

    private static async Task<Dictionary<string, string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, string>();
        while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetString(1);
        return rows;
    }
}
