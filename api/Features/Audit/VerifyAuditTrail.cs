using Integrity.Api.Data;
using Integrity.Api.Identity;
using Mediator;

namespace Integrity.Api.Features.Audit;

public sealed record VerifyAuditTrail : IQuery<AuditVerification>;

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
}

/// <summary>
/// Recomputes every entry's hash in order. An altered entry no longer matches its hash; a deleted
/// entry leaves a gap in the positions and a previous hash that points at nothing.
/// </summary>
public sealed class VerifyAuditTrailHandler(DbSession db) : IQueryHandler<VerifyAuditTrail, AuditVerification>
{
    private const string All = """
        SELECT position, occurred_at, actor_id, actor, use_case, record_id, changes, previous_hash, hash
        FROM audit_entries ORDER BY position
        """;

    public async ValueTask<AuditVerification> Handle(VerifyAuditTrail query, CancellationToken cancellationToken)
    {
        long expected = 1;
        var previousHash = AuditTrail.Origin;
        await foreach (var entry in db.StreamAsync<AuditEntry>(All, null, cancellationToken))
        {
            var problem = entry.Position != expected ? $"entry {expected} is missing: the next one is {entry.Position}"
                : entry.PreviousHash != previousHash ? "it does not point at the entry before it"
                : AuditTrail.HashOf(entry) != entry.Hash ? "its content was changed after it was written"
                : null;
            if (problem is not null)
                return new AuditVerification { Valid = false, Entries = expected - 1, FirstBrokenPosition = expected, Problem = problem };
            previousHash = entry.Hash;
            expected++;
        }
        return new AuditVerification { Valid = true, Entries = expected - 1 };
    }
}
