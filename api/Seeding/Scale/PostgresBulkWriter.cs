using Npgsql;
using NpgsqlTypes;

namespace Integrity.Api.Seeding.Scale;

/// <summary>PostgreSQL: binary COPY, then ANALYZE so the planner knows the new sizes before the first query.</summary>
public sealed class PostgresBulkWriter(NpgsqlConnection connection) : BulkWriter
{
    public override async Task<long> WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row) await WriteAsync(importer, value, cancellationToken);
            count++;
        }
        await importer.CompleteAsync(cancellationToken);
        return count;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => importer.WriteNullAsync(cancellationToken),
        Guid id => importer.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken),
        string text => importer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
        DateOnly day => importer.WriteAsync(day, NpgsqlDbType.Date, cancellationToken),
        DateTimeOffset instant => importer.WriteAsync(instant.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken),
        int number => importer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
        decimal number => importer.WriteAsync(number, NpgsqlDbType.Numeric, cancellationToken),
        bool flag => importer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
        _ => throw new ArgumentException($"No COPY type for {value.GetType().Name}.", nameof(value)),
    };

    public override async Task FinishAsync(CancellationToken cancellationToken)
    {
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => connection.DisposeAsync();
}
