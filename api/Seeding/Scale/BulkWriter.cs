using Integrity.Api.Data;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// Loads many rows into one table the fastest way its database offers. Values are plain .NET values (Guid,
/// string, DateOnly, DateTimeOffset, int, decimal, bool or null); each writer stores them as its database does.
/// </summary>
public abstract class BulkWriter : IAsyncDisposable
{
    /// <summary>Writes every row of <paramref name="rows"/>, in order, each with one value per column; answers the count.</summary>
    public abstract Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken);

    /// <summary>Anything the database needs once everything is in (statistics for its planner, say).</summary>
    public virtual Task FinishAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();

    public static async Task<BulkWriter> OpenAsync(Database database, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        return database.Dialect switch
        {
            SqliteDialect => new SqliteBulkWriter((Microsoft.Data.Sqlite.SqliteConnection)connection, database.Dialect),
            PostgresDialect => new PostgresBulkWriter((Npgsql.NpgsqlConnection)connection, database.Dialect),
            SqlServerDialect => new SqlServerBulkWriter((Microsoft.Data.SqlClient.SqlConnection)connection, database.Dialect),
            _ => throw new InvalidOperationException($"No bulk load for {database.Dialect.Provider}."),
        };
    }
}
