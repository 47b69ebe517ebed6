using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Modules;

public static class ModulesEndpoints
{
    public static RouteGroupBuilder MapModules(this RouteGroupBuilder api)
    {
        var modules = api.MapGroup("/modules").WithTags("Modules");

        modules.MapPost("/", async (RegisterModule command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/modules", await sender.Send(command, ct)))
            .WithName(nameof(RegisterModule))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Register a training module")
            .WithDescription("Adds a module to the catalogue with its English and French titles, its hours and the key factors " +
                             "of the Revised Arusha Declaration it covers. The code must be unique.")
            .ProducesCommandProblems()
            .WithIdempotency();

        modules.MapGet("/", (string? q, string? keyFactor, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListModules(q, keyFactor, limit, cursor), ct))
            .WithName(nameof(ListModules))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List training modules")
            .WithDescription("Modules ordered by code, a page at a time, each with its key factors. `q` keeps those whose code or " +
                             "English or French title contains it, `keyFactor` (e.g. RAD-07) those that cover that key factor.")
            .ProducesListProblems();

        modules.MapGetRecord("/{id:guid}", nameof(GetModule), id => new GetModule(id), module => module.Version)
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get a training module")
            .WithDescription("One module with its key factors. The ETag header carries its version, for If-Match when updating it.");

        modules.MapUpdate<UpdateModule>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Update a training module")
            .WithDescription("Replaces every field of a module, its key factors included. Needs If-Match with the ETag read from GET.");

        return api;
    }
}
