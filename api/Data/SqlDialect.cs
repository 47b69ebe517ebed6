using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Integrity.Api.Data;

/// <summary>
/// The few pieces of SQL that differ between the databases we support. Handlers share every other
/// line of SQL; they ask the dialect only for these pieces.
/// </summary>
public abstract class SqlDialect
{
    public abstract string Provider { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Prepares a newly opened connection; most databases need nothing.</summary>
    public virtual void Prepare(DbConnection connection) { }

    /// <summary>The database cannot be reached, or is shutting down or busy: the same request may succeed a little later.</summary>
    public abstract bool IsUnavailable(DbException error);

    /// <summary>A concurrent request won a race for the same rows (a unique key just taken, a deadlock): nothing was written.</summary>
    public abstract bool IsWriteConflict(DbException error);

    /// <summary>
    /// The database refused a value as sent (text it cannot store, a number or date out of its range) that
    /// validation let through: the caller's input, not our failure.
    /// </summary>
    public abstract bool IsUnstorableValue(DbException error);

    /// <summary>Drops idle pooled connections, which a database restart leaves broken, so the next request opens a fresh one.</summary>
    public abstract void ClearPools();

    /// <summary>Limits a query that already ends with ORDER BY to <c>@limit</c> rows.</summary>
    public abstract string LimitRows { get; }

    /// <summary>
    /// The statement that refreshes the planner's statistics of every table, as a database in service has them (PostgreSQL's
    /// autovacuum, SQL Server's auto-statistics); a bulk load leaves them missing or stale.
    /// </summary>
    public virtual string GatherStatistics => "ANALYZE";

    /// <summary>Ends a query that has ORDER BY, keeping its first row.</summary>
    public virtual string FirstRowOnly => "LIMIT 1";

    /// <summary>
    /// A statement that makes concurrent writers of <paramref name="table"/> wait for each other until commit (readers
    /// do not wait), if the database needs one: SQLite already lets one writer at a time begin.
    /// </summary>
    public virtual string? TakeTurnsWriting(string table) => null;

    /// <summary>
    /// <c>INSERT INTO table (columns) VALUES (@columns)</c> unless a row with the same key exists; one
    /// row affected means it was inserted. Parameters are named like the columns.
    /// </summary>
    public virtual string InsertIfAbsent(string table, string[] columns, string[] key) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) ON CONFLICT DO NOTHING";

    /// <summary>Text comparison that ignores case, for filters typed by people.</summary>
    public virtual string ContainsText(string column, string parameter) =>
        $"lower({column}) LIKE '%' || lower(@{parameter}) || '%'";

    /// <summary>
    /// A query of the ids of the <paramref name="person"/>s (participant, trainer) whose name may hold every text in the
    /// <paramref name="parameters"/> (each one <see cref="NameSearch.CanLookUp"/>), from the name search's trigram index: more
    /// than match, never fewer, so the caller keeps its <see cref="ContainsText"/>. Null where that comparison already
    /// reads the index (PostgreSQL's pg_trgm indexes the very expression).
    /// </summary>
    public virtual string? NameCandidates(string person, IReadOnlyList<string> parameters) => null;

    /// <summary>"<paramref name="column"/> is one of the ids in @<paramref name="parameter"/>"; pass the ids through <see cref="Ids"/>.</summary>
    public virtual string InIds(string column, string parameter) => $"{column} IN @{parameter}";

    /// <summary>Whether the provider's async calls block their thread to the end (Microsoft.Data.Sqlite's do).</summary>
    public virtual bool RunsSynchronously => false;

    /// <summary>
    /// Stops the connection's running statement when <paramref name="cancellationToken"/> is cancelled (a caller gone, a
    /// request timed out), for a provider that does not do it itself; disposed when the statement ends. Npgsql and SqlClient
    /// cancel on the server from the token they are given: nothing to add.
    /// </summary>
    public virtual IDisposable? InterruptOnCancel(DbConnection connection, CancellationToken cancellationToken) => null;

    /// <summary>The value of a parameter used with <see cref="InIds"/>.</summary>
    public virtual System.Collections.IEnumerable Ids(IEnumerable<Guid> ids) => ids.ToList();

    /// <summary>
    /// A value as this database's provider takes it in a parameter of plain ADO.NET (no Dapper type handlers): what the
    /// type handlers would send. Most providers take .NET values as they are.
    /// </summary>
    public virtual object Stored(object? value) => value ?? DBNull.Value;

    /// <summary>
    /// How many parameters one statement of <see cref="CopyRowsAsync"/> binds. Few: binding by name looks each name up
    /// among the statement's, so a statement of many costs more than linearly (SQLite took 10 s for 180,000 answers at
    /// 960 a statement).
    /// </summary>
    private const int CopyParameters = 100;

    /// <summary>
    /// Writes many rows into one table the fastest way the database offers, in <paramref name="transaction"/> when given:
    /// the import of a survey round's answers and the scale data's load both come here. Values are plain .NET values
    /// (Guid, string, DateOnly, DateTimeOffset, int, decimal, bool or null), stored as <see cref="Stored"/> gives them.
    /// Here: one multi-row INSERT prepared once and bound again for each chunk of rows. Answers how many rows it wrote.
    /// </summary>
    /// <param name="rows">Values in the order of <paramref name="columns"/>; read once, in order.</param>
    public virtual async Task<long> CopyRowsAsync(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var perStatement = Math.Max(1, CopyParameters / columns.Count);
        long count = 0;
        DbCommand? command = null;
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                if (command is null || command.Parameters.Count != chunk.Length * columns.Count)
                {
                    if (command is not null) await command.DisposeAsync();
                    command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES " + string.Join(", ",
                        Enumerable.Range(0, chunk.Length).Select(row => "(" + string.Join(", ", columns.Select((_, column) => $"@p{row * columns.Count + column}")) + ")"));
                    for (var i = 0; i < chunk.Length * columns.Count; i++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = $"@p{i}";
                        command.Parameters.Add(parameter);
                    }
                    await command.PrepareAsync(cancellationToken);
                }
                for (var row = 0; row < chunk.Length; row++)
                    for (var column = 0; column < columns.Count; column++)
                        command.Parameters[row * columns.Count + column].Value = Stored(chunk[row][column]);
                await command.ExecuteNonQueryAsync(cancellationToken);
                count += chunk.Length;
            }
        }
        finally
        {
            if (command is not null) await command.DisposeAsync();
        }
        return count;
    }

    public static SqlDialect For(string provider) => provider.ToLowerInvariant() switch
    {
        "sqlite" => new SqliteDialect(),
        "postgres" or "postgresql" => new PostgresDialect(),
        "sqlserver" => new SqlServerDialect(),
        _ => throw new InvalidOperationException(
            $"Database:Provider '{provider}' is not supported. Use sqlite, postgres or sqlserver."),
    };
}

public sealed class SqliteDialect : SqlDialect
{
    public override string Provider => "sqlite";
    public override string LimitRows => "LIMIT @limit";

    // Dapper expands a list into one parameter per item without the type handler: pass the stored text.
    public override System.Collections.IEnumerable Ids(IEnumerable<Guid> ids) => ids.Select(id => id.ToString("D")).ToList();

    // Microsoft.Data.Sqlite runs a statement to its end whatever the token says (its Cancel does nothing): sqlite3_interrupt
    // stops it at its next step, and it fails with SQLITE_INTERRUPT, which the session tells as the cancellation it is.
    public override bool RunsSynchronously => true;

    public override IDisposable? InterruptOnCancel(DbConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled && connection is SqliteConnection { Handle: { } handle }
            ? cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle))
            : null;

    public override DbConnection CreateConnection(string connectionString)
    {
        TypeHandlers.RegisterForSqlite();
        return new SqliteConnection(connectionString);
    }

    /// <summary>As <see cref="TypeHandlers"/> store them: ids lowercase text, dates and instants ISO 8601 text, booleans 0 or 1.</summary>
    public override object Stored(object? value) => value switch
    {
        Guid id => id.ToString("D"),
        DateOnly day => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? 1 : 0,
        _ => base.Stored(value),
    };

    // SQLite's lower() folds ASCII only; people type "BURKINABÈ" too, and the other databases fold it.
    public override string ContainsText(string column, string parameter) =>
        $"fold_case({column}) LIKE '%' || fold_case(@{parameter}) || '%'";

    // The FTS5 table indexes <person>_search by its search_id; each text is a phrase, its quotes doubled, and all must be found.
    public override string? NameCandidates(string person, IReadOnlyList<string> parameters) =>
        $"SELECT s.{person}_id FROM {person}_search s WHERE s.search_id IN (SELECT rowid FROM {person}_search_trigrams WHERE {person}_search_trigrams MATCH " +
        string.Join(" || ' AND ' || ", parameters.Select(parameter => $"'\"' || replace(@{parameter}, '\"', '\"\"') || '\"'")) + ")";

    public override void Prepare(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction("fold_case", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);

    // BUSY and LOCKED come after the busy timeout: another writer held the file all that time.
    public override bool IsUnavailable(DbException error) => error is SqliteException
    {
        SqliteErrorCode: raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_CANTOPEN or raw.SQLITE_IOERR or raw.SQLITE_PERM or raw.SQLITE_READONLY,
    };

    public override bool IsWriteConflict(DbException error) =>
        error is SqliteException { SqliteExtendedErrorCode: raw.SQLITE_CONSTRAINT_UNIQUE or raw.SQLITE_CONSTRAINT_PRIMARYKEY };

    public override bool IsUnstorableValue(DbException error) => error is SqliteException { SqliteErrorCode: raw.SQLITE_TOOBIG };

    public override void ClearPools() => SqliteConnection.ClearAllPools();
}

public sealed class PostgresDialect : SqlDialect
{
    public override string Provider => "postgres";
    public override string LimitRows => "LIMIT @limit";
    public override string TakeTurnsWriting(string table) => $"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE";

    // Npgsql takes an array parameter, which Dapper passes whole instead of expanding IN @ids.
    public override string InIds(string column, string parameter) => $"{column} = ANY(@{parameter})";
    public override System.Collections.IEnumerable Ids(IEnumerable<Guid> ids) => ids.ToArray();

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    /// <summary>Binary COPY: the rows stream to the server in one command, with no parameters to bind.</summary>
    public override async Task<long> CopyRowsAsync(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        long count = 0;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var value in row) await CopyAsync(importer, value, cancellationToken);
            count++;
        }
        await importer.CompleteAsync(cancellationToken);
        return count;
    }

    private static Task CopyAsync(NpgsqlBinaryImporter importer, object? value, CancellationToken cancellationToken) => value switch
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

    // Refused or broken connections and timeouts carry no SQLSTATE; the server says 08… (connection),
    // 57P… (shutting down) or 53… (out of connections or memory).
    public override bool IsUnavailable(DbException error) => error switch
    {
        PostgresException server => server.SqlState.StartsWith("08") || server.SqlState.StartsWith("57P") || server.SqlState.StartsWith("53"),
        NpgsqlException client => client.IsTransient,
        _ => false,
    };

    public override bool IsWriteConflict(DbException error) => error is PostgresException
    {
        SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
    };

    // Class 22 is "data exception": NUL in text, out-of-range numbers and dates; 54000 an index entry too long.
    public override bool IsUnstorableValue(DbException error) =>
        error is PostgresException server && (server.SqlState.StartsWith("22") || server.SqlState == PostgresErrorCodes.ProgramLimitExceeded);

    public override void ClearPools() => NpgsqlConnection.ClearAllPools();
}

public sealed class SqlServerDialect : SqlDialect
{
    public override string Provider => "sqlserver";

    private const int RowsPerBulkCopy = 20_000;

    /// <summary>
    /// SqlBulkCopy, <see cref="RowsPerBulkCopy"/> rows at a time, with the table's constraints checked and its triggers fired (they
    /// keep the name search's trigrams in step); dates travel as DateTime.
    /// </summary>
    public override async Task<long> CopyRowsAsync(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns,
        IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        using var copy = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.FireTriggers, (SqlTransaction?)transaction)
        {
            DestinationTableName = table, BulkCopyTimeout = 0,
        };
        foreach (var column in columns) copy.ColumnMappings.Add(column, column);
        using var batch = new System.Data.DataTable();
        foreach (var column in columns) batch.Columns.Add(column, typeof(object));
        long count = 0;
        foreach (var row in rows)
        {
            batch.Rows.Add(row.Select(Stored).ToArray());
            if (++count % RowsPerBulkCopy != 0) continue;
            await copy.WriteToServerAsync(batch, cancellationToken);
            batch.Clear();
        }
        if (batch.Rows.Count > 0) await copy.WriteToServerAsync(batch, cancellationToken);
        return count;
    }

    public override string LimitRows => "OFFSET 0 ROWS FETCH NEXT @limit ROWS ONLY";
    public override string FirstRowOnly => "OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY";
    public override string GatherStatistics => "EXEC sp_updatestats";

    // UPDLOCK, HOLDLOCK keeps two concurrent inserts of the same key from both finding it absent.
    public override string InsertIfAbsent(string table, string[] columns, string[] key) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(c => "@" + c))} " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {string.Join(" AND ", key.Select(c => $"{c} = @{c}"))})";
    public override string TakeTurnsWriting(string table) => $"SELECT count(*) FROM {table} WITH (TABLOCKX, HOLDLOCK)";

    public override string ContainsText(string column, string parameter) =>
        $"lower({column}) LIKE '%' + lower(@{parameter}) + '%'";

    // The rows holding each text's first and last three characters (DATALENGTH, as LEN ignores trailing spaces).
    public override string? NameCandidates(string person, IReadOnlyList<string> parameters) =>
        string.Join(" INTERSECT ", parameters.Select(parameter =>
            $"SELECT f.{person}_id FROM {person}_trigrams f JOIN {person}_trigrams l ON l.{person}_id = f.{person}_id " +
            $"AND l.trigram = SUBSTRING(lower(@{parameter}), DATALENGTH(@{parameter}) / 2 - 2, 3) WHERE f.trigram = SUBSTRING(lower(@{parameter}), 1, 3)"));

    // SqlClient's bulk copy knows DateTime, not DateOnly.
    public override object Stored(object? value) => value is DateOnly day ? day.ToDateTime(TimeOnly.MinValue) : base.Stored(value);

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    // -2 timeout, 53 and 40 no server, 4060 no database, 233 and 10054 connection closed.
    public override bool IsUnavailable(DbException error) => error is SqlException { Number: -2 or 53 or 40 or 4060 or 233 or 10054 };

    // 2601 and 2627 unique index and key, 1205 deadlock victim.
    public override bool IsWriteConflict(DbException error) => error is SqlException { Number: 2601 or 2627 or 1205 };

    // 8152 and 2628 text too long, 8115 arithmetic overflow, 242 and 517 dates out of range.
    public override bool IsUnstorableValue(DbException error) => error is SqlException { Number: 8152 or 2628 or 8115 or 242 or 517 };

    public override void ClearPools() => SqlConnection.ClearAllPools();
}
