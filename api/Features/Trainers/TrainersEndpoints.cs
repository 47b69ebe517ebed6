using Integrity.Api.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integrity.Api.Features.Trainers;

public static class TrainersEndpoints
{
    public static RouteGroupBuilder MapTrainers(this RouteGroupBuilder api)
    {
        var trainers = api.MapGroup("/trainers").WithTags("Trainers");

        trainers.MapPost("/", async (RegisterTrainer command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/trainers", await sender.Send(command, ct)))
            .WithName(nameof(RegisterTrainer))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Register a trainer")
            .WithDescription("Adds a WCO expert or a national trainer of a customs administration. Administrators register anyone; " +
                             "coordinators register national trainers of the administrations they work with, without an account.")
            .ProducesCommandProblems()
            .WithIdempotency();

        trainers.MapGet("/", (string? q, string? kind, Guid? administrationId, Guid? moduleId, string? stage, int? limit, string? cursor,
                    ISender sender, CancellationToken ct) =>
                sender.Send(new ListTrainers(q, kind, administrationId, moduleId, stage, limit, cursor), ct))
            .WithName(nameof(ListTrainers))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List trainers")
            .WithDescription("Trainers in your scope ordered by name, a page at a time, each with its accreditations. `q` keeps those " +
                             "whose name contains it, `kind` (wco_expert, national_trainer) and `administrationId` those of that kind and " +
                             "administration; `moduleId` and `stage` those with an accreditation for that module, at that stage.")
            .ProducesListProblems();

        trainers.MapGet("/cascade", (Guid? programmeId, Guid? moduleId, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListCascade(programmeId, moduleId, limit, cursor), ct))
            .WithName(nameof(ListCascade))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List the training cascade")
            .WithDescription("National trainers in your scope who were trained in a module at a training-of-trainers workshop and " +
                             "have since delivered that module in held workshops, with how many sessions and workshops, by trainer name. " +
                             "`programmeId` keeps those trained at a training of trainers of that programme; `moduleId` one module.")
            .ProducesListProblems();

        trainers.MapGetRecord("/{id:guid}", nameof(GetTrainer), id => new GetTrainer(id), trainer => trainer.Version)
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get a trainer")
            .WithDescription("One trainer in your scope with its accreditations. The ETag header carries its version, for If-Match.");

        trainers.MapUpdate<UpdateTrainer>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Update a trainer")
            .WithDescription("Replaces every field of a trainer (not its accreditations). Needs If-Match with the ETag read from GET. " +
                             "Coordinators update national trainers of the administrations they work with, and keep their account link.");

        trainers.MapGet("/{id:guid}/accreditations/{moduleId:guid}", async (Guid id, Guid moduleId, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Versioned(response, await sender.Send(new GetAccreditation(id, moduleId), ct), accreditation => accreditation.Version))
            .WithName(nameof(GetAccreditation))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get a trainer's accreditation for a module")
            .WithDescription("The stage and days of one accreditation. The ETag header carries its version, for If-Match when recording its next stage.")
            .ProducesGetProblems();

        trainers.MapPut("/{id:guid}/accreditations/{moduleId:guid}", RecordAccreditationAsync)
            .WithName(nameof(RecordAccreditation))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Record a trainer's accreditation for a module")
            .WithDescription("Sets where a trainer stands with a module. Without If-Match it records a new accreditation (201, version 1); " +
                             "an existing one needs If-Match with its ETag (204). Stages only move forward, candidate → trained → " +
                             "supervised_delivery → accredited; each stage reached has its day, on or after the previous one. " +
                             "`trainedAtWorkshopId` names a training-of-trainers workshop. Administrators, and coordinators for their national trainers.")
            .ProducesUpdateProblems();

        return api;
    }

    private static async Task<Results<Created<RecordCreated>, NoContent>> RecordAccreditationAsync(
        Guid id, Guid moduleId, RecordAccreditation command, ISender sender, HttpContext context, CancellationToken ct)
    {
        int? expectedVersion = context.Request.Headers.IfMatch.Count == 0 ? null : Versions.FromIfMatch(context.Request);
        var recorded = await sender.Send(command with { TrainerId = id, ModuleId = moduleId, ExpectedVersion = expectedVersion }, ct);
        if (!recorded.IsNew) return Responses.Updated(context.Response, recorded.Version);
        Versions.SetETag(context.Response, recorded.Version);
        return TypedResults.Created($"/api/v1/trainers/{id}/accreditations/{moduleId}", new RecordCreated(recorded.Id, recorded.Version));
    }
}
