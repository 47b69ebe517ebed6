using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Programmes;

public static class ProgrammesEndpoints
{
    public static RouteGroupBuilder MapProgrammes(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("Programmes");

        programmes.MapPost("/", async (RegisterProgramme command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/programmes", await sender.Send(command, ct)))
            .WithName(nameof(RegisterProgramme))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Register a programme")
            .WithDescription("Adds a programme with its period and the donors that fund it. The code must be unique.")
            .ProducesCommandProblems()
            .WithIdempotency();

        programmes.MapGet("/", (string? q, Guid? donorId, DateOnly? activeOn, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListProgrammes(q, donorId, activeOn, limit, cursor), ct))
            .WithName(nameof(ListProgrammes))
            .RequireAuthorization(Policies.Readers)
            .WithSummary("List programmes")
            .WithDescription("Programmes ordered by code, a page at a time, each with its donors. `q` keeps those whose code or " +
                             "name contains it, `donorId` those that donor funds, `activeOn` (a date) those running that day.")
            .ProducesListProblems();

        programmes.MapGetRecord("/{id:guid}", nameof(GetProgramme), id => new GetProgramme(id), programme => programme.Version)
            .RequireAuthorization(Policies.Readers)
            .WithSummary("Get a programme")
            .WithDescription("One programme with its donors. The ETag header carries its version, for If-Match when updating it.");

        programmes.MapUpdate<UpdateProgramme>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Update a programme")
            .WithDescription("Replaces every field of a programme, its donors included. Needs If-Match with the ETag read from GET.");

        return api;
    }
}
