using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Administrations;

public static class AdministrationsEndpoints
{
    public static RouteGroupBuilder MapAdministrations(this RouteGroupBuilder api)
    {
        var administrations = api.MapGroup("/administrations").WithTags("Administrations");

        administrations.MapPost("/", async (RegisterAdministration command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/administrations", await sender.Send(command, ct)))
            .WithName(nameof(RegisterAdministration))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Register a customs administration")
            .WithDescription("Adds the customs administration of a country, in its WCO region, with English and French names.")
            .ProducesCommandProblems()
            .WithIdempotency();

        administrations.MapGet("/", (string? q, string? regionCode, string? countryCode, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListAdministrations(q, regionCode, countryCode, limit, cursor), ct))
            .WithName(nameof(ListAdministrations))
            .RequireAuthorization(Policies.Readers)
            .WithSummary("List customs administrations")
            .WithDescription("Administrations ordered by English name, a page at a time. `q` keeps those whose English or French " +
                             "name contains it; `regionCode` and `countryCode` keep those of one region or country.")
            .ProducesListProblems();

        administrations.MapGetRecord("/{id:guid}", nameof(GetAdministration), id => new GetAdministration(id), administration => administration.Version)
            .RequireAuthorization(Policies.Readers)
            .WithSummary("Get a customs administration")
            .WithDescription("One administration with its country's names. The ETag header carries its version, for If-Match.");

        administrations.MapUpdate<UpdateAdministration>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Update a customs administration")
            .WithDescription("Replaces every field of an administration. Needs If-Match with the ETag read from GET.");

        return api;
    }
}
