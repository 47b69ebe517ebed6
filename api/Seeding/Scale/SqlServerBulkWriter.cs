using Integrity.Api.Data;
using Microsoft.Data.SqlClient;

namespace Integrity.Api.Seeding.Scale;

/// <summary>SQL Server: SqlBulkCopy (<see cref="SqlServerDialect.CopyRowsAsync"/>).</summary>
public sealed class SqlServerBulkWriter(SqlConnection connection, SqlDialect dialect) : BulkWriter
{
    public override Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken) =>
        dialect.CopyRowsAsync(connection, null, table, columns, rows, cancellationToken);

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
