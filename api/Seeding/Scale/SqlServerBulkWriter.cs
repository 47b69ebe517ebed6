using System.Data;
using Integrity.Api.Data;
using Microsoft.Data.SqlClient;

namespace Integrity.Api.Seeding.Scale;

/// <summary>SQL Server: SqlBulkCopy, a batch of <see cref="RowsPerBatch"/> rows at a time; dates travel as DateTime.</summary>
public sealed class SqlServerBulkWriter(SqlConnection connection, SqlDialect dialect) : BulkWriter
{

    private const int RowsPerBatch = 20_000;

    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, null) { DestinationTableName = table, BulkCopyTimeout = 0 };
        foreach (var column in columns) copy.ColumnMappings.Add(column, column);
        using var batch = new DataTable();
        foreach (var column in columns) batch.Columns.Add(column, typeof(object));
        long count = 0;
        foreach (var row in rows)
        {
            batch.Rows.Add(row.Select(dialect.Stored).ToArray());
            if (++count % RowsPerBatch != 0) continue;
            await copy.WriteToServerAsync(batch, cancellationToken);
            batch.Clear();
        }
        if (batch.Rows.Count > 0) await copy.WriteToServerAsync(batch, cancellationToken);
        return count;
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
