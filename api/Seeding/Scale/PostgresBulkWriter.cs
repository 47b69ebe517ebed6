using Integrity.Api.Data;
using Npgsql;

namespace Integrity.Api.Seeding.Scale;

/// <summary>PostgreSQL: binary COPY (<see cref="PostgresDialect.CopyRowsAsync"/>), then ANALYZE so the planner knows the new sizes before the first query.</summary>
public sealed class PostgresBulkWriter(NpgsqlConnection connection, SqlDialect dialect) : BulkWriter
{
    public override Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        dialect.CopyRowsAsync(connection, null, table, columns, rows, cancellationToken);

    public override async Task FinishAsync(CancellationToken cancellationToken)
    {
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
