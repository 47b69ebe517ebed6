using System.Data;
using Integrity.Api.Data;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Audit;

/// <summary>Verifies the trail; with a checkpoint, also that the entry it signed is still there as it was.</summary>
public sealed record VerifyAuditTrail(AuditCheckpoint? Checkpoint = null) : IQuery<AuditVerification>;

/// <summary>Whether the audit trail is as it was written; if not, where it first breaks and how.</summary>
public sealed record AuditVerification
{
    public required bool Valid { get; init; }
    /// <summary>How many entries were checked.</summary>
    public required long Entries { get; init; }
    /// <summary>The position of the first entry that does not follow from the one before it.</summary>
    public long? FirstBrokenPosition { get; init; }
    /// <summary>What is wrong there, in words.</summary>
    public string? Problem { get; init; }
    /// <summary>The last position recorded outside the database (the anchor file, or the checkpoint sent).</summary>
    public long? AnchoredPosition { get; init; }
}

/// <summary>
/// Recomputes every entry's keyed hash in order and compares each position recorded outside the
/// database (the anchor, a checkpoint) with the entry now there. An altered entry no longer matches its
/// hash, a deleted one leaves a gap, renumbered or rewritten entries cannot be keyed without the key,
/// and a deleted tail falls short of the anchor. A row that cannot even be read is a broken link too.
/// </summary>
public sealed class VerifyAuditTrailHandler(DbSession db, AuditKeys keys, AuditAnchor anchor)
    : IQueryHandler<VerifyAuditTrail, AuditVerification>
{
    private const string All = """
        SELECT position, occurred_at, actor_id, actor, use_case, record_id, changes, previous_hash, hash, key_id
        FROM audit_entries ORDER BY position
        """;

    public async ValueTask<AuditVerification> Handle(VerifyAuditTrail query, CancellationToken cancellationToken)
    {
        var checkpoint = query.Checkpoint is { } sent ? AuditCheckpoints.Verified(sent, keys) : null;
        using var anchors = Ordered(anchor.Points(), checkpoint).GetEnumerator();
        var pending = anchors.MoveNext() ? anchors.Current : null;
        long? anchored = null;

        long expected = 1;
        var previousHash = AuditTrail.Origin;
        var keyed = false;
        await using var entries = db.StreamAsync<AuditEntry>(All, null, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            AuditEntry entry;
            try
            {
                if (!await entries.MoveNextAsync()) break;
                entry = entries.Current;
            }
            catch (Exception e) when (e is DataException or FormatException or InvalidCastException or OverflowException or ArgumentException)
            {
                return Broken(expected, Messages.AuditUnreadable.With(e.GetBaseException().Message), anchored);
            }
            var problem = entry.Position != expected ? Messages.AuditMissing.With(expected, entry.Position)
                : entry.PreviousHash != previousHash ? Messages.AuditNotChained
                : entry.KeyId is null && keyed ? Messages.AuditNoKey
                : entry.KeyId is not null && keys.Find(entry.KeyId) is null ? Messages.AuditUnknownKey.With(entry.KeyId)
                : AuditTrail.ExpectedHash(entry, keys) != entry.Hash ? Messages.AuditChanged
                : null;
            if (problem is not null) return Broken(expected, problem, anchored);
            while (pending is not null && pending.Position <= expected)
            {
                if (pending.Position == expected && pending.Hash != entry.Hash)
                    return Broken(expected, Messages.AuditNotRecorded.With(pending.Source), anchored);
                anchored = pending.Position;
                pending = anchors.MoveNext() ? anchors.Current : null;
            }
            keyed |= entry.KeyId is not null;
            previousHash = entry.Hash;
            expected++;
        }
        if (pending is not null)
        {
            var last = pending;
            while (anchors.MoveNext()) last = anchors.Current;
            return Broken(expected, Messages.AuditTailMissing.With(expected, last.Source, last.Position), last.Position);
        }
        return new AuditVerification { Valid = true, Entries = expected - 1, AnchoredPosition = anchored };

        AuditVerification Broken(long position, string problem, long? anchoredPosition) => new()
        {
            Valid = false, Entries = position - 1, FirstBrokenPosition = position, Problem = problem, AnchoredPosition = anchoredPosition,
        };
    }

    /// <summary>The anchor's points with the checkpoint's among them, in increasing position.</summary>
    private static IEnumerable<AnchorPoint> Ordered(IEnumerable<AnchorPoint> anchored, AnchorPoint? checkpoint)
    {
        foreach (var point in anchored)
        {
            if (checkpoint is not null && checkpoint.Position <= point.Position)
            {
                yield return checkpoint;
                checkpoint = null;
            }
            yield return point;
        }
        if (checkpoint is not null) yield return checkpoint;
    }
}
