using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Integrity.Api.Data;

namespace Integrity.Api.Identity;

/// <summary>
/// The record of who changed what: one entry per command, in the command's transaction. Entries are
/// numbered without gaps and chained: each holds a keyed hash (HMAC-SHA256, see <see cref="AuditKeys"/>)
/// of its own content and of the entry before it, so whoever can write the database but does not hold
/// the key cannot alter, delete or renumber entries without breaking the chain. Once the command has
/// committed, its entry is anchored outside the database (<see cref="AuditAnchor"/>), which catches a
/// deleted tail. Entries written before keys existed (no key id) hold a plain SHA-256; they verify as
/// they are, and the first keyed entry seals them.
/// </summary>
public sealed class AuditTrail(DbSession db, AuditKeys keys, AuditAnchor anchor, ILogger<AuditTrail> log)
{
    public const string Origin = "0000000000000000000000000000000000000000000000000000000000000000";

    private const string Last = "SELECT position, hash FROM audit_entries ORDER BY position DESC";

    private const string Insert = """
        INSERT INTO audit_entries (position, occurred_at, actor_id, actor, use_case, record_id, changes, previous_hash, hash, key_id)
        VALUES (@position, @occurredAt, @actorId, @actor, @useCase, @recordId, @changes, @previousHash, @hash, @keyId)
        """;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        // Entries are numbered one after another, so concurrent commands must take turns here.
        await db.TakeTurnsWritingAsync("audit_entries", cancellationToken);
        var last = await db.QuerySingleOrDefaultAsync<ChainLink>($"{Last}\n{db.Dialect.FirstRowOnly}", null, cancellationToken);
        var chained = entry with
        {
            Position = (last?.Position ?? 0) + 1,
            PreviousHash = last?.Hash ?? Origin,
            KeyId = keys.Current.Id,
        };
        var hash = keys.Current.Hash(Content(chained));
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
            hash,
            keyId = chained.KeyId,
        }, cancellationToken);
        // Anchored only once committed: an anchor ahead of the database would report a rolled-back entry as deleted.
        db.AfterCommit(() => Anchor(chained.Position, hash));
    }

    /// <summary>
    /// The command has committed by now: failing it here would answer 500 for a change that was made (and a retry
    /// would make it twice). An entry left unanchored is covered by the next one anchored, which chains to it.
    /// </summary>
    private void Anchor(long position, string hash)
    {
        try
        {
            anchor.Record(position, hash);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogError(e, "Audit entry {Position} was committed but could not be anchored in {AnchorPath}", position, anchor.Path);
        }
    }

    /// <summary>The hash an entry must hold: keyed with the key it names, or plain SHA-256 for an entry from before keys.</summary>
    public static string? ExpectedHash(AuditEntry entry, AuditKeys keys) => entry.KeyId is null
        ? PlainHash(entry)
        : keys.Find(entry.KeyId)?.Hash(Content(entry));

    /// <summary>The unkeyed SHA-256 of entries written before keys; anyone can compute it, which is why it is no longer written.</summary>
    public static string PlainHash(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Content(entry))));

    /// <summary>An entry's content and the link before it; instants at microseconds, as every database keeps them.</summary>
    private static string Content(AuditEntry entry) => string.Join('\n',
        entry.Position.ToString(CultureInfo.InvariantCulture),
        AuditKey.Instant(entry.OccurredAt),
        entry.ActorId?.ToString() ?? "",
        entry.Actor,
        entry.UseCase,
        entry.RecordId?.ToString() ?? "",
        entry.Changes,
        entry.PreviousHash);

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
    /// <summary>The audit key that keyed <see cref="Hash"/>; none for an entry written before keys (plain SHA-256).</summary>
    public string? KeyId { get; init; }
}
