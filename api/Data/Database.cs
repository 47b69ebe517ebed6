using System.Data.Common;
using Integrity.Api.Resources;
using Microsoft.Data.Sqlite;

namespace Integrity.Api.Data;

/// <summary>The database this process talks to: its dialect and connection string, from configuration.</summary>
public sealed class Database(SqlDialect dialect, string connectionString)
{
    static Database()
    {
        // SQL names are lower_snake_case; records are PascalCase.
        Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        TypeHandlers.RegisterForAllDatabases();
    }

    public SqlDialect Dialect { get; } = dialect;
    public string ConnectionString { get; } = connectionString;

    /// <summary>
    /// SQLite lets one writer in at a time and its busy handler retries in no order, so a run of short write
    /// transactions (an attendance sheet's batches) could keep another writer waiting to the end. Writers of this
    /// process queue here instead, first come first served. The servers queue lock requests themselves.
    /// </summary>
    public SemaphoreSlim? WriterQueue { get; } = dialect is SqliteDialect ? new SemaphoreSlim(1, 1) : null;

    /// <summary>
    /// Where donors' reports read the approval snapshots when not here: <c>ConnectionStrings:IntegrityReports</c>, a
    /// streaming replica of this database (see <see cref="ReportSessions"/>). Null when unset: they read here.
    /// </summary>
    public Database? Reports { get; private init; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        Dialect.Prepare(connection);
        return connection;
    }

    /// <summary>For the few callers the framework calls synchronously (the data-protection key ring).</summary>
    public DbConnection Open()
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        connection.Open();
        Dialect.Prepare(connection);
        return connection;
    }

    /// <summary>
    /// Reads <c>Database:Provider</c>, <c>ConnectionStrings:Integrity</c> and <c>ConnectionStrings:IntegrityReports</c>. With
    /// neither of the first two set, the embedded default is a SQLite file in the data folder beside the app, created on first start.
    /// </summary>
    public static Database FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var dialect = SqlDialect.For(configuration["Database:Provider"] ?? "sqlite");
        var connectionString = configuration.GetConnectionString("Integrity");
        var reports = configuration.GetConnectionString("IntegrityReports");
        if (dialect is SqliteDialect)
        {
            var builder = new SqliteConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.DataSource))
                builder.DataSource = Path.Combine(contentRoot, "data", "integrity.db");
            builder.ForeignKeys = true;
            builder.DefaultTimeout = 30;
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (folder is not null) Directory.CreateDirectory(folder);
            // A file has no streaming replica: a reports connection string here is a mistake, not something to ignore.
            if (!string.IsNullOrWhiteSpace(reports)) throw new InvalidOperationException(Messages.ReportsReplicaOnSqlite);
            return new Database(dialect, builder.ConnectionString);
        }
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"Database:Provider is '{dialect.Provider}' but ConnectionStrings:Integrity is empty. " +
                "Set ConnectionStrings__Integrity to the server's connection string.");
        return new Database(dialect, connectionString) { Reports = string.IsNullOrWhiteSpace(reports) ? null : Replica(dialect, reports) };
    }

    /// <summary>
    /// The reports replica, refused unless its connection string is one the primary's provider reads: a replica is a copy
    /// of the primary, so a string written for another provider means the setting points at the wrong database.
    /// </summary>
    private static Database Replica(SqlDialect dialect, string connectionString)
    {
        try
        {
            using var _ = dialect.CreateConnection(connectionString);
        }
        catch (ArgumentException notRead)
        {
            throw new InvalidOperationException(Messages.ReportsReplicaOtherProvider.With(dialect.Provider, notRead.Message), notRead);
        }
        return new Database(dialect, connectionString);
    }
}
