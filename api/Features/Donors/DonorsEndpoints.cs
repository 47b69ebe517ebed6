using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Donors;

public static class DonorsEndpoints
{
    public static RouteGroupBuilder MapDonors(this RouteGroupBuilder api)
    {
        var donors = api.MapGroup("/donors").WithTags("Donors");

        donors.MapPost("/", async (RegisterDonor command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/donors", await sender.Send(command, ct)))
            .WithName(nameof(RegisterDonor))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Register a donor")
            .WithDescription("Adds a donor that funds programmes. The code must be unique.")
            .ProducesCommandProblems()
            .WithIdempotency();

        donors.MapGet("/", (string? q, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListDonors(q, limit, cursor), ct))
            .WithName(nameof(ListDonors))
            .RequireAuthorization(Policies.Readers)
            .WithSummary("List donors")
            .WithDescription("Donors ordered by name, a page at a time. `q` keeps those whose code or name contains it.")
            .ProducesListProblems();

        donors.MapGetRecord("/{id:guid}", nameof(GetDonor), id => new GetDonor(id), donor => donor.Version)
            .RequireAuthorization(Policies.Readers)
            .WithSummary("Get a donor")
            .WithDescription("One donor. The ETag header carries its version, to send back in If-Match when updating it.");

        donors.MapUpdate<UpdateDonor>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Update a donor")
            .WithDescription("Replaces every field of a donor. Needs the If-Match header with the ETag read from GET.");

        return api;
    }
}
