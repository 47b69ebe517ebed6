using Npgsql;

namespace Integrity.Tests;

/// <summary>A new, empty database (a SQLite file or a PostgreSQL database), dropped with its audit anchor when disposed.</summary>
public sealed class TestDatabase(string provider, string connectionString, Func<Task> drop) : IAsyncDisposable
{
    public string Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    /// <summary>Where the app anchors this database's audit trail: outside it, one per database as in an installation.</summary>
    public string AnchorPath { get; } = Path.Combine(Path.GetTempPath(), $"integrity-test-anchor-{Guid.NewGuid():N}.log");

    public static TestDatabase Sqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"integrity-test-{Guid.NewGuid():N}.db");
        return new TestDatabase("sqlite", $"Data Source={file}", () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }) File.Delete(path);
            return Task.CompletedTask;
        });
    }

    public static async Task<TestDatabase> PostgresAsync(string server)
    {
        var name = $"integrity_test_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase("postgres", connectionString, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await drop();
        File.Delete(AnchorPath);
    }
}
