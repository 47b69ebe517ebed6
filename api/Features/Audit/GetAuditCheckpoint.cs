using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Audit;

/// <summary>A signed statement of the trail's head, for an auditor to keep and verify against later.</summary>
public sealed record GetAuditCheckpoint : IQuery<AuditCheckpoint>;

/// <summary>
/// The trail's head at a moment, signed (ECDSA P-256, SHA-256, base64) over the text
/// <c>integrity-audit-checkpoint\n{position}\n{headHash}\n{issuedAt as yyyy-MM-ddTHH:mm:ss.ffffffZ}</c>
/// with the audit key, which the database does not hold: the auditor checks it with the public key alone.
/// </summary>
public sealed record AuditCheckpoint
{
    /// <summary>The last entry's position (0 for an empty trail).</summary>
    public required long Position { get; init; }
    /// <summary>The last entry's keyed hash.</summary>
    public required string HeadHash { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    /// <summary>The audit key that signed it.</summary>
    public required string KeyId { get; init; }
    public required string Signature { get; init; }
    /// <summary>The audit key's public key (PEM), for the auditor to keep once and check signatures with; not read on verification.</summary>
    public string? PublicKey { get; init; }
}

public static class AuditCheckpoints
{
    public static string SignedText(long position, string headHash, DateTimeOffset issuedAt) =>
        $"integrity-audit-checkpoint\n{position}\n{headHash}\n{AuditKey.Instant(issuedAt)}";

    /// <summary>The checkpoint as a point to verify against, once its signature is found to be the audit key's.</summary>
    public static AnchorPoint Verified(AuditCheckpoint checkpoint, AuditKeys keys) =>
        checkpoint is { HeadHash: not null, Signature: not null } && keys.Find(checkpoint.KeyId) is { } key && key.Signed(SignedText(checkpoint.Position, checkpoint.HeadHash, checkpoint.IssuedAt), checkpoint.Signature)
            ? new AnchorPoint(checkpoint.Position, checkpoint.HeadHash, Messages.AuditCheckpointSource.With(AuditKey.Instant(checkpoint.IssuedAt)))
            : throw new CheckpointNotSignedException();
}

public sealed class CheckpointNotSignedException() : ProblemException(StatusCodes.Status422UnprocessableEntity, Messages.TitleCheckpointNotSigned, Messages.CheckpointNotSigned);

public sealed class TrailBrokenException(AuditVerification verification) : ProblemException(StatusCodes.Status409Conflict, Messages.TitleTrailBroken,
    Messages.TrailBroken.With(verification.FirstBrokenPosition, verification.Problem));

/// <summary>Signs only a trail that verifies, so a checkpoint never vouches for tampering that came before it.</summary>
public sealed class GetAuditCheckpointHandler(ISender sender, DbSession db, AuditKeys keys, TimeProvider clock)
    : IQueryHandler<GetAuditCheckpoint, AuditCheckpoint>
{
    private const string HashAt = "SELECT hash FROM audit_entries WHERE position = @position";

    public async ValueTask<AuditCheckpoint> Handle(GetAuditCheckpoint query, CancellationToken cancellationToken)
    {
        var verification = await sender.Send(new VerifyAuditTrail(), cancellationToken);
        if (!verification.Valid) throw new TrailBrokenException(verification);
        var position = verification.Entries;
        var headHash = position == 0
            ? AuditTrail.Origin
            : (await db.QuerySingleOrDefaultAsync<string>(HashAt, new { position }, cancellationToken))!;
        var issuedAt = AuditTrail.Stored(clock.GetUtcNow());
        var key = keys.Current;
        return new AuditCheckpoint
        {
            Position = position,
            HeadHash = headHash,
            IssuedAt = issuedAt,
            KeyId = key.Id,
            Signature = key.Sign(AuditCheckpoints.SignedText(position, headHash, issuedAt)),
            PublicKey = key.PublicKeyPem,
        };
    }
}
