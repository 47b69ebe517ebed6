using Integrity.Api.Http;

namespace Integrity.Api.Data;

/// <summary>The checks every command makes before and after it writes: unique values and versions.</summary>
public static class RecordGuards
{
    /// <summary>
    /// Answers 409 when <paramref name="holderSql"/> finds a record other than <paramref name="except"/>
    /// that already holds a unique value. The database's unique index stays the last word on races.
    /// </summary>
    public static async Task RefuseDuplicateAsync(this DbSession db,
        string holderSql, object parameters, Guid? except, string conflict, CancellationToken cancellationToken)
    {
        var holders = await db.QueryAsync<Guid>(holderSql, parameters, cancellationToken);
        if (holders.Any(holder => holder != except)) throw new ConflictException(conflict);
    }

    /// <summary>Waits for any other command writing <paramref name="table"/> to commit: for checks that read before they write.</summary>
    public static async Task TakeTurnsWritingAsync(this DbSession db, string table, CancellationToken cancellationToken)
    {
        if (db.Dialect.TakeTurnsWriting(table) is { } sql) await db.ExecuteAsync(sql, null, cancellationToken);
    }

    /// <summary>
    /// After an <c>UPDATE … WHERE id = @id AND version = @expectedVersion</c>: the new version when it
    /// changed one row, otherwise 404 for a missing record or 412 for a stale version.
    /// </summary>
    /// <param name="what">The record, from the catalogue: <c>Messages.RecordProgramme</c>.</param>
    public static async Task<int> NextVersionAsync(this DbSession db,
        int rowsChanged, string table, string what, Guid id, int expectedVersion, CancellationToken cancellationToken)
    {
        if (rowsChanged == 1) return expectedVersion + 1;
        var current = await db.QuerySingleOrDefaultAsync<int?>(
            $"SELECT version FROM {table} WHERE id = @id", new { id }, cancellationToken);
        throw current is null
            ? new NotFoundException(what, id)
            : new PreconditionFailedException(what, current.Value);
    }
}
