using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.Administrators);

        audit.MapGet("/verify", (ISender sender, CancellationToken ct) => sender.Send(new VerifyAuditTrail(), ct))
            .WithName(nameof(VerifyAuditTrail))
            .WithSummary("Verify the audit trail (administrators)")
            .WithDescription("Recomputes the keyed hash chain of the record of who changed what and compares it with the head " +
                             "anchored outside the database after every command. `valid` is false when an entry was altered, " +
                             "deleted, renumbered or the last entries removed in the database, and `firstBrokenPosition` says where.")
            .ProducesAccessProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        audit.MapPost("/verify", (AuditCheckpoint checkpoint, ISender sender, CancellationToken ct) => sender.Send(new VerifyAuditTrail(checkpoint), ct))
            .WithName("VerifyAuditTrailAgainstCheckpoint")
            .WithSummary("Verify the audit trail against a checkpoint kept by an auditor (administrators)")
            .WithDescription("As GET, and also checks that the entry the checkpoint signed is still there, unchanged. " +
                             "A checkpoint whose signature is not the audit key's is refused (422).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesAccessProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        audit.MapGet("/checkpoint", (ISender sender, CancellationToken ct) => sender.Send(new GetAuditCheckpoint(), ct))
            .WithName(nameof(GetAuditCheckpoint))
            .WithSummary("A signed checkpoint of the audit trail's head (administrators)")
            .WithDescription("Position and keyed hash of the last entry, the time, and an ECDSA P-256 signature with the audit key " +
                             "(which the database does not hold). Keep it, with the public key, outside this system; send it back " +
                             "to POST /audit/verify later to prove nothing up to it was rewritten. 409 when the trail is already broken.")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesAccessProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return api;
    }
}
