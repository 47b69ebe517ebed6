using System.Diagnostics;
using Npgsql;

namespace Integrity.Tests;

/// <summary>
/// A real PostgreSQL streaming replica of the test server (<see cref="Databases.PostgresServer"/>), as an installation
/// would run one: <c>pg_basebackup -R</c> into a folder of its own, started with that server's binaries on a free port of
/// 127.0.0.1, as the postgres user (as .ci/postgres runs the server). Stopped and its folder removed when disposed.
/// </summary>
public sealed class StreamingReplica : IAsyncDisposable
{
    private readonly string bin;
    private readonly string folder;
    private readonly NpgsqlConnectionStringBuilder primary;

    private StreamingReplica(string bin, string folder, NpgsqlConnectionStringBuilder primary, int port)
    {
        this.bin = bin;
        this.folder = folder;
        this.primary = primary;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Whether its folder is still on disk.</summary>
    public bool Exists => Directory.Exists(folder);

    /// <summary>
    /// Why no replica can be started here, or null when one can: the server's binaries must be on this machine, and the
    /// tests must run as root (to act as the postgres user) or as the postgres user.
    /// </summary>
    public static async Task<string?> WhyNotAsync(string server)
    {
        if (Environment.UserName is not ("root" or "postgres"))
            return $"a replica is started as the postgres user: run the tests as root or postgres, not {Environment.UserName}.";
        var bin = await BinariesAsync(server);
        return File.Exists(Path.Combine(bin, "pg_basebackup")) ? null : $"the test server's binaries are not in {bin}.";
    }

    /// <summary>Copies the server, starts the copy as its hot standby and waits until it answers.</summary>
    public static async Task<StreamingReplica> StartAsync(string server)
    {
        var bin = await BinariesAsync(server);
        var folder = Directory.CreateTempSubdirectory("integrity-replica-").FullName;
        var replica = new StreamingReplica(bin, folder, new NpgsqlConnectionStringBuilder(server), ApiProcess.FreePort());
        try
        {
            if (Environment.UserName == "root") await RunAsync("chown", "postgres", folder);
            // -R writes primary_conninfo and standby.signal: the copy starts as a standby streaming from the server.
            await replica.AsPostgresAsync($"{bin}/pg_basebackup -h {replica.primary.Host} -p {replica.primary.Port} -U {replica.primary.Username} " +
                                          $"-D {folder}/data -R -X stream -c fast");
            await replica.AsPostgresAsync($"{bin}/pg_ctl -D {folder}/data -l {folder}/log -w -o \"-c listen_addresses=127.0.0.1 -p {replica.Port} -k {folder} -c fsync=off\" start");
        }
        catch
        {
            await replica.DisposeAsync();
            throw;
        }
        return replica;
    }

    /// <summary>The connection string of <paramref name="database"/> read on the replica.</summary>
    public string ConnectionString(TestDatabase database) =>
        new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    /// <summary>Waits until the replica has replayed everything the server had written when called.</summary>
    public async Task CaughtUpAsync(TestDatabase database)
    {
        string written;
        await using (var onPrimary = new NpgsqlConnection(database.ConnectionString))
        {
            await onPrimary.OpenAsync();
            written = (string)(await new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", onPrimary).ExecuteScalarAsync())!;
        }
        var waited = Stopwatch.StartNew();
        while (!await OnReplicaAsync<bool>(database, $"SELECT coalesce(pg_last_wal_replay_lsn() >= '{written}'::pg_lsn, false)"))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(20)) Assert.Fail($"the replica had not replayed up to {written} after 20 s:\n{Log()}");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops applying what the server sends (it keeps receiving it), as a replica that falls behind.</summary>
    public Task PauseReplayAsync(TestDatabase database) => OnReplicaAsync<object?>(database, "SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync(TestDatabase database) => OnReplicaAsync<object?>(database, "SELECT pg_wal_replay_resume()");

    /// <summary>Stops the replica (fast shutdown), leaving its folder.</summary>
    public Task StopAsync() => AsPostgresAsync($"{bin}/pg_ctl -D {folder}/data -m fast -w stop");

    private async Task<T> OnReplicaAsync<T>(TestDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var reader = await new NpgsqlCommand(sql, connection).ExecuteReaderAsync();
        await reader.ReadAsync();
        // The replay functions return void, which has no value to read.
        return reader.GetDataTypeName(0) == "void" ? default! : reader.GetFieldValue<T>(0);
    }

    private string Log() => File.Exists($"{folder}/log") ? File.ReadAllText($"{folder}/log") : "(no log)";

    /// <summary>The binaries of the server's major version (Debian's layout), as pg_basebackup must match the server.</summary>
    private static async Task<string> BinariesAsync(string server)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        var version = int.Parse((string)(await new NpgsqlCommand("SHOW server_version_num", connection).ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        return $"/usr/lib/postgresql/{version / 10000}/bin";
    }

    private Task AsPostgresAsync(string command) =>
        Environment.UserName == "root" ? RunAsync("su", "postgres", "-c", command) : RunAsync("sh", "-c", command);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await errors}");
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists($"{folder}/data/postmaster.pid")) await AsPostgresAsync($"{bin}/pg_ctl -D {folder}/data -m immediate -w stop");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }
}
