using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Participants;

public static class ParticipantsEndpoints
{
    public static RouteGroupBuilder MapParticipants(this RouteGroupBuilder api)
    {
        var participants = api.MapGroup("/participants").WithTags("Participants");

        participants.MapPost("/", async (RegisterParticipant command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/participants", await sender.Send(command, ct)))
            .WithName(nameof(RegisterParticipant))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Register a participant")
            .WithDescription("Adds a customs official to the registry. Administrators, and coordinators for the administrations they work " +
                             "with; trainers register people through a workshop. A likely duplicate (same staff number in the same " +
                             "administration, same e-mail, or same name in the same administration, whatever the accents, case or order " +
                             "of the names) is a 409 whose `candidates` are the people you may see; send `confirmNewPerson: true` to " +
                             "register a different person anyway.")
            .ProducesCommandProblems()
            .WithDuplicateCandidates()
            .WithIdempotency();

        participants.MapGet("/", (string? q, Guid? administrationId, Guid? workshopId, string? sex, int? limit, string? cursor,
                    ISender sender, CancellationToken ct) =>
                sender.Send(new ListParticipants(q, administrationId, workshopId, sex, limit, cursor), ct))
            .WithName(nameof(ListParticipants))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List participants")
            .WithDescription("The participants in your scope by name, a page at a time: a coordinator's administrations and workshops, a " +
                             "trainer's workshops. Filters: `q` (every word in the name, in any order and without accents, or the " +
                             "exact staff number or e-mail); `administrationId`; `workshopId` (enrolled in it); `sex`.")
            .ProducesListProblems();

        participants.MapGetRecord("/{id:guid}", nameof(GetParticipant), id => new GetParticipant(id), participant => participant.Version)
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get a participant")
            .WithDescription("One participant with the workshops in your scope they were enrolled in. The ETag carries their version.");

        participants.MapUpdate<UpdateParticipant>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Update a participant")
            .WithDescription("Replaces every field of a participant you can see. A change that makes them look like someone else is a " +
                             "409 with the candidates, unless `confirmDistinctPerson` is true. Needs If-Match.")
            .WithDuplicateCandidates();

        participants.MapPost("/{id:guid}/merge", async (Guid id, MergeParticipants command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Versioned(response, await sender.Send(command with { Id = id }, ct), merged => merged.Version))
            .WithName(nameof(MergeParticipants))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Merge two records of one person")
            .WithDescription("Moves every enrolment and attendance of `duplicateId` to this participant, then deletes the duplicate. " +
                             "Where both were enrolled in a workshop, the kept enrolment takes the duplicate's scores where it has none and " +
                             "is completed if either was; where both have attendance for a session, the better status stays (present, " +
                             "late, excused, absent). Answers the kept participant's new version. Administrators, and coordinators who " +
                             "see both.")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        participants.MapGet("/duplicate-reviews", (int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListDuplicateReviews(limit, cursor), ct))
            .WithName(nameof(ListDuplicateReviews))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("List likely duplicates across scopes (administrators)")
            .WithDescription("Pairs of records that likely hold one person, found when someone registered or corrected one of them " +
                             "without seeing the other (whoever did was not told). Oldest first. Merge a pair with " +
                             "POST /api/v1/participants/{id}/merge, or dismiss it as two people.")
            .ProducesListProblems();

        participants.MapPost("/duplicate-reviews/{id:guid}/dismiss", async (Guid id, ISender sender, CancellationToken ct) =>
            {
                await sender.Send(new DismissDuplicateReview(id), ct);
                return TypedResults.NoContent();
            })
            .WithName(nameof(DismissDuplicateReview))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Dismiss a likely duplicate (administrators)")
            .WithDescription("Records that the pair are two people: it leaves the review list and is not raised again.")
            .ProducesGetProblems();

        return api;
    }
}
