using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

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

    /// <summary>Limits a query that already ends with ORDER BY to <c>@limit</c> rows.</summary>
    public abstract string LimitRows { get; }

    /// <summary>Ends a query that has ORDER BY, keeping its first row.</summary>
    public virtual string FirstRowOnly => "LIMIT 1";

    /// <summary>A statement that makes concurrent writers of the audit trail take turns, if the database needs one.</summary>
    public virtual string? LockAuditTrail => null;

    /// <summary>
    /// <c>INSERT INTO table (columns) VALUES (@columns)</c> unless a row with the same key exists; one
    /// row affected means it was inserted. Parameters are named like the columns.
    /// </summary>
    public virtual string InsertIfAbsent(string table, string[] columns, string[] key) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "@" + c))}) ON CONFLICT DO NOTHING";

    /// <summary>Text comparison that ignores case, for filters typed by people.</summary>
    public virtual string ContainsText(string column, string parameter) =>
        $"lower({column}) LIKE '%' || lower(@{parameter}) || '%'";

    /// <summary>"<paramref name="column"/> is one of the ids in @<paramref name="parameter"/>"; pass the ids through <see cref="Ids"/>.</summary>
    public virtual string InIds(string column, string parameter) => $"{column} IN @{parameter}";

    /// <summary>The value of a parameter used with <see cref="InIds"/>.</summary>
    public virtual System.Collections.IEnumerable Ids(IEnumerable<Guid> ids) => ids.ToList();

    /// <summary>
    /// A value as this database's provider takes it in a parameter of plain ADO.NET (no Dapper type handlers): what the
    /// type handlers would send. Most providers take .NET values as they are.
    /// </summary>
    public virtual object Stored(object? value) => value ?? DBNull.Value;

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

    public override void Prepare(DbConnection connection) =>
        ((SqliteConnection)connection).CreateFunction("fold_case", (string? text) => text?.ToLowerInvariant(), isDeterministic: true);
}

public sealed class PostgresDialect : SqlDialect
{
    public override string Provider => "postgres";
    public override string LimitRows => "LIMIT @limit";
    public override string LockAuditTrail => "LOCK TABLE audit_entries IN SHARE ROW EXCLUSIVE MODE";

    // Npgsql takes an array parameter, which Dapper passes whole instead of expanding IN @ids.
    public override string InIds(string column, string parameter) => $"{column} = ANY(@{parameter})";
    public override System.Collections.IEnumerable Ids(IEnumerable<Guid> ids) => ids.ToArray();

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);
}

public sealed class SqlServerDialect : SqlDialect
{
    public override string Provider => "sqlserver";
    public override string LimitRows => "OFFSET 0 ROWS FETCH NEXT @limit ROWS ONLY";
    public override string FirstRowOnly => "OFFSET 0 ROWS FETCH NEXT 1 ROWS ONLY";

    // UPDLOCK, HOLDLOCK keeps two concurrent inserts of the same key from both finding it absent.
    public override string InsertIfAbsent(string table, string[] columns, string[] key) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(c => "@" + c))} " +
        $"WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {string.Join(" AND ", key.Select(c => $"{c} = @{c}"))})";
    public override string LockAuditTrail => "SELECT count(*) FROM audit_entries WITH (TABLOCKX, HOLDLOCK)";

    public override string ContainsText(string column, string parameter) =>
        $"lower({column}) LIKE '%' + lower(@{parameter}) + '%'";

    // SqlClient's bulk copy knows DateTime, not DateOnly.
    public override object Stored(object? value) => value is DateOnly day ? day.ToDateTime(TimeOnly.MinValue) : base.Stored(value);

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);
}
