using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Workshops;

public static class WorkshopsEndpoints
{
    public static RouteGroupBuilder MapWorkshops(this RouteGroupBuilder api)
    {
        var workshops = api.MapGroup("/workshops").WithTags("Workshops");

        workshops.MapPost("/", async (RecordWorkshop command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/workshops", await sender.Send(command, ct)))
            .WithName(nameof(RecordWorkshop))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Record a workshop or mission")
            .WithDescription("Plans or logs an event of a programme: kind, dates, host administration (and others for a regional " +
                             "event), city, language, status, key factors addressed, partners and outcome notes. Administrators, and " +
                             "coordinators of its programme or of its host administration.")
            .ProducesCommandProblems()
            .WithIdempotency();

        workshops.MapGet("/", (Guid? programmeId, Guid? administrationId, DateOnly? from, DateOnly? to, string? status, string? kind,
                    string? keyFactor, string? q, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListWorkshops(programmeId, administrationId, from, to, status, kind, keyFactor, q, limit, cursor), ct))
            .WithName(nameof(ListWorkshops))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List workshops")
            .WithDescription("Workshops in your scope, most recent first, a page at a time. Filters: `programmeId`; `administrationId` " +
                             "(host or taking part); `from`/`to` (dates the workshop overlaps); `status` (planned, held, cancelled); " +
                             "`kind`; `keyFactor` (RAD-01…RAD-10); `q` (title or city).")
            .ProducesListProblems();

        workshops.MapGetRecord("/{id:guid}", nameof(GetWorkshop), id => new GetWorkshop(id), workshop => workshop.Version)
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get a workshop")
            .WithDescription("One workshop with its administrations, key factors, partners and sessions. The ETag carries its version.");

        workshops.MapUpdate<UpdateWorkshop>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Update a workshop")
            .WithDescription("Replaces every field of a workshop, lists included. A held workshop cannot go back to planned or be " +
                             "cancelled; new dates must still hold its sessions. Needs If-Match.");

        workshops.MapPost("/{id:guid}/sessions", async (Guid id, PlanSession command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, $"/api/v1/workshops/{id}/sessions", await sender.Send(command with { WorkshopId = id }, ct)))
            .WithName(nameof(PlanSession))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Plan a session")
            .WithDescription("A module delivered on a day of the workshop by its trainers. A cancelled workshop takes no sessions (409).")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotency();

        workshops.MapGet("/{id:guid}/sessions", (Guid id, ISender sender, CancellationToken ct) => sender.Send(new ListSessions(id), ct))
            .WithName(nameof(ListSessions))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List a workshop's sessions")
            .WithDescription("Every session of the workshop by day, with module and trainers; nextCursor is always null.")
            .ProducesGetProblems();

        workshops.MapPut("/{id:guid}/sessions/{sessionId:guid}", async (Guid id, Guid sessionId, UpdateSession command, ISender sender,
                    HttpContext context, CancellationToken ct) =>
                Responses.Updated(context.Response, await sender.Send(
                    command with { WorkshopId = id, Id = sessionId, ExpectedVersion = Versions.FromIfMatch(context.Request) }, ct)))
            .WithName(nameof(UpdateSession))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Move a session")
            .WithDescription("Changes a session's day, module or trainers; its attendance stays. Needs If-Match with the session's version.")
            .ProducesUpdateProblems();

        return api;
    }
}
