using System.Reflection;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using DbUp.Engine.Output;

namespace Integrity.Api.Data;

/// <summary>
/// Applies the plain-SQL scripts of <c>db-migrations/&lt;provider&gt;/</c> (embedded in this assembly)
/// with DbUp. Each script runs once, in its own transaction; a second run is a no-op.
/// </summary>
public sealed class Migrator(Database database, ILogger<Migrator> logger)
{
    public IReadOnlyList<string> Migrate()
    {
        var provider = database.Dialect.Provider;
        var builder = provider switch
        {
            "sqlite" => SqliteBuilder(),
            "postgres" => PostgresBuilder(),
            "sqlserver" => SqlServerBuilder(),
            _ => throw new InvalidOperationException($"No migrations for provider '{provider}'."),
        };
        var result = builder
            .WithScripts(Scripts(provider))
            .WithTransactionPerScript()
            .LogTo(new DbUpLog(logger))
            .Build()
            .PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name} failed on {provider}: {result.Error.Message}", result.Error);
        return result.Scripts.Select(script => script.Name).ToList();
    }

    /// <summary>
    /// Write-ahead logging, which the file keeps: readers then never wait for the writer nor it for them, so
    /// reads under a burst of writes do not queue behind the busy timeout.
    /// </summary>
    private UpgradeEngineBuilder SqliteBuilder()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString))
        {
            connection.Open();
            using var journal = connection.CreateCommand();
            journal.CommandText = "PRAGMA journal_mode = WAL";
            journal.ExecuteScalar();
        }
        return DeployChanges.To.SqliteDatabase(database.ConnectionString);
    }

    private UpgradeEngineBuilder PostgresBuilder()
    {
        EnsureDatabase.For.PostgresqlDatabase(database.ConnectionString, new DbUpLog(logger));
        return DeployChanges.To.PostgresqlDatabase(database.ConnectionString);
    }

    private UpgradeEngineBuilder SqlServerBuilder()
    {
        EnsureDatabase.For.SqlDatabase(database.ConnectionString, new DbUpLog(logger));
        return DeployChanges.To.SqlDatabase(database.ConnectionString);
    }

    /// <summary>The scripts for one provider, named by file name so every database journals the same names.</summary>
    public static IReadOnlyList<SqlScript> Scripts(string provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"db-migrations/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new SqlScript(name[prefix.Length..], reader.ReadToEnd());
            })
            .ToList();
    }

    private sealed class DbUpLog(ILogger logger) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace(format, args);
        public void LogDebug(string format, params object[] args) => logger.LogDebug(format, args);
        public void LogInformation(string format, params object[] args) => logger.LogInformation(format, args);
        public void LogWarning(string format, params object[] args) => logger.LogWarning(format, args);
        public void LogError(string format, params object[] args) => logger.LogError(format, args);
        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, format, args);
    }
}
