using Integrity.Api.Data;
using Microsoft.Data.Sqlite;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// SQLite: prepared multi-row INSERTs (<see cref="SqlDialect.CopyRowsAsync"/>), committed every
/// <see cref="RowsPerTransaction"/> rows.
/// </summary>
public sealed class SqliteBulkWriter(SqliteConnection connection, SqlDialect dialect) : BulkWriter
{
    private const int RowsPerTransaction = 50_000;

    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // A load that fails halfway is started again on a new database: durability of each commit buys nothing here.
        await using (var pragma = new SqliteCommand("PRAGMA synchronous = OFF", connection))
            await pragma.ExecuteNonQueryAsync(cancellationToken);

        long count = 0;
        foreach (var chunk in rows.Chunk(RowsPerTransaction))
        {
            await using var transaction = connection.BeginTransaction();
            count += await dialect.CopyRowsAsync(connection, transaction, table, columns, chunk, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return count;
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
