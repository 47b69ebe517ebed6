using Integrity.Api.Data;
using Microsoft.Data.Sqlite;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// SQLite: one prepared INSERT reused for every row, committed every <see cref="RowsPerTransaction"/> rows. Values
/// are stored as the type handlers store them (<see cref="SqliteDialect.Stored(object?)"/>).
/// </summary>
public sealed class SqliteBulkWriter(SqliteConnection connection, SqlDialect dialect) : BulkWriter
{

    private const int RowsPerTransaction = 50_000;

    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // A load that fails halfway is started again on a new database: durability of each commit buys nothing here.
        await using (var pragma = new SqliteCommand("PRAGMA synchronous = OFF", connection))
            await pragma.ExecuteNonQueryAsync(cancellationToken);

        await using var insert = new SqliteCommand(
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})", connection);
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        long count = 0;
        var transaction = connection.BeginTransaction();
        try
        {
            insert.Transaction = transaction;
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++) parameters[i].Value = dialect.Stored(row[i]);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                if (++count % RowsPerTransaction != 0) continue;
                await transaction.CommitAsync(cancellationToken);
                await transaction.DisposeAsync();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await transaction.DisposeAsync();
        }
        return count;
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
