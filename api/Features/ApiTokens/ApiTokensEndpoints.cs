using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.ApiTokens;

public static class ApiTokensEndpoints
{
    public static RouteGroupBuilder MapApiTokens(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/api-tokens").WithTags("API tokens").RequireAuthorization(Policies.Administrators);

        tokens.MapPost("/", async (IssueApiToken command, ISender sender, CancellationToken ct) =>
            {
                var issued = await sender.Send(command, ct);
                return TypedResults.Created($"/api/v1/api-tokens/{issued.Id}", issued);
            })
            .WithName(nameof(IssueApiToken))
            .WithSummary("Issue a donor's API token (administrators)")
            .WithDescription("Answers the token once: hand it to the donor's analyst, who sends it as `Authorization: Bearer <token>`. " +
                             "It is read-only, sees only the programmes that donor funds, and stops working on expiry or revocation. " +
                             "A retry with the same Idempotency-Key, by the same administrator, answers the same token again instead of " +
                             "issuing a second one; the server keeps that answer encrypted, for the replay only.")
            .ProducesCommandProblems()
            .WithIdempotency(secretAnswer: true);

        tokens.MapGet("/", (Guid? donorId, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListApiTokens(donorId, limit, cursor), ct))
            .WithName(nameof(ListApiTokens))
            .WithSummary("List API tokens (administrators)")
            .WithDescription("Tokens by name, with their donor, expiry and revocation; never the tokens themselves. `donorId` keeps one donor's.")
            .ProducesListProblems();

        tokens.MapPost("/{id:guid}/revoke", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new RevokeApiToken(id), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(RevokeApiToken))
            .WithSummary("Revoke an API token (administrators)")
            .WithDescription("The token stops working at once. Revoking it again changes nothing.")
            .ProducesGetProblems();

        return api;
    }
}
