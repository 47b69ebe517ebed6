namespace Integrity.Api.Data;

/// <summary>
/// The session a report reads through. Approval snapshots never change once written, so donors' reports, and the version
/// that tells their ETag, may read them from a streaming replica (<see cref="Database.Reports"/>): a replica a moment behind
/// answers as the primary did a moment ago, the version it has replayed with that version's ETag (replay only moves forward,
/// so the body is never older than the ETag told before it, as on the primary). A preview reads the live records on the
/// primary, as does everything interactive.
/// </summary>
public sealed class ReportSessions(DbSession primary, Database database) : IAsyncDisposable
{
    private DbSession? replica;

    /// <summary>The primary's session for a preview; otherwise the replica's, when one is configured.</summary>
    public DbSession For(bool preview) =>
        preview || database.Reports is not { } reports ? primary : replica ??= new DbSession(reports);

    public async ValueTask DisposeAsync()
    {
        if (replica is not null) await replica.DisposeAsync();
    }
}
