using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Integrity.Api.Data;

namespace Integrity.Api.Identity;

/// <summary>
/// The record of who changed what: one entry per command, in the command's transaction. Entries are
/// numbered without gaps and hash-chained: each holds the SHA-256 of its own content and of the entry
/// before it, so altering or deleting a stored entry breaks the chain at that point.
/// </summary>
public static class AuditTrail
{
    public const string Origin = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string Last = "SELECT position, hash FROM audit_entries ORDER BY position DESC";

    private const string Insert = """
        INSERT INTO audit_entries (position, occurred_at, actor_id, actor, use_case, record_id, changes, previous_hash, hash)
        VALUES (@position, @occurredAt, @actorId, @actor, @useCase, @recordId, @changes, @previousHash, @hash)
        """;

    public static async Task AppendAsync(DbSession db, AuditEntry entry, CancellationToken cancellationToken)
    {
        // Entries are numbered one after another, so concurrent commands must take turns here.
        await db.TakeTurnsWritingAsync("audit_entries", cancellationToken);
        var last = await db.QuerySingleOrDefaultAsync<ChainLink>($"{Last}\n{db.Dialect.FirstRowOnly}", null, cancellationToken);
        var chained = entry with
        {
            Position = (last?.Position ?? 0) + 1,
            PreviousHash = last?.Hash ?? Origin,
        };
        await db.ExecuteAsync(Insert, new
        {
            position = chained.Position,
            occurredAt = chained.OccurredAt,
            actorId = chained.ActorId,
            actor = chained.Actor,
            useCase = chained.UseCase,
            recordId = chained.RecordId,
            changes = chained.Changes,
            previousHash = chained.PreviousHash,
            hash = HashOf(chained),
        }, cancellationToken);
    }

    /// <summary>The hash of an entry's content and of the link before it; instants at microseconds, as every database keeps them.</summary>
    public static string HashOf(AuditEntry entry)
    {
        var content = string.Join('\n',
            entry.Position.ToString(CultureInfo.InvariantCulture),
            entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            entry.ActorId?.ToString() ?? "",
            entry.Actor,
            entry.UseCase,
            entry.RecordId?.ToString() ?? "",
            entry.Changes,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>An instant as stored: UTC, to the microsecond (PostgreSQL keeps no more).</summary>
    public static DateTimeOffset Stored(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % 10, TimeSpan.Zero);
    }

    private sealed record ChainLink
    {
        public required long Position { get; init; }
        public required string Hash { get; init; }
    }
}

/// <summary>One entry of the audit trail.</summary>
public sealed record AuditEntry
{
    public long Position { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public Guid? ActorId { get; init; }
    public required string Actor { get; init; }
    public required string UseCase { get; init; }
    public Guid? RecordId { get; init; }
    /// <summary>The command as sent, in JSON, without secrets.</summary>
    public required string Changes { get; init; }
    public string PreviousHash { get; init; } = AuditTrail.Origin;
    public string Hash { get; init; } = "";
}
