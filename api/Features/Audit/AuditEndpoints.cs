using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Audit;

public static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit/verify", (ISender sender, CancellationToken ct) => sender.Send(new VerifyAuditTrail(), ct))
            .WithTags("Audit")
            .WithName(nameof(VerifyAuditTrail))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Verify the audit trail (administrators)")
            .WithDescription("Recomputes the hash chain of the record of who changed what. `valid` is false when an entry was " +
                             "altered or deleted in the database, and `firstBrokenPosition` says where.")
            .ProducesAccessProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        return api;
    }
}
