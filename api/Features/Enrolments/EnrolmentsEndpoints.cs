using Integrity.Api.Features.Participants;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Enrolments;

public static class EnrolmentsEndpoints
{
    /// <summary>The participants of a workshop: enrolment, results, attendance and the attendance sheet.</summary>
    public static RouteGroupBuilder MapEnrolments(this RouteGroupBuilder api)
    {
        var workshops = api.MapGroup("/workshops").WithTags("Enrolments");

        workshops.MapPost("/{id:guid}/participants", async (Guid id, EnrolParticipant command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, $"/api/v1/workshops/{id}/participants", await sender.Send(command with { WorkshopId = id }, ct)))
            .WithName(nameof(EnrolParticipant))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Enrol a participant in a workshop")
            .WithDescription("Enrols someone in the registry (`participantId`), or a new person given by their fields, registered under " +
                             "the duplicate rules of RegisterParticipant (409 with `candidates` unless `confirmNewPerson`). The answer's " +
                             "id is the participant's; its version, the enrolment's. Administrators, the workshop's coordinators and " +
                             "its trainers. A cancelled workshop takes no participants (409).")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithDuplicateCandidates()
            .WithIdempotency();

        workshops.MapGet("/{id:guid}/participants", (Guid id, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListEnrolments(id, limit, cursor), ct))
            .WithName(nameof(ListEnrolments))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List a workshop's participants")
            .WithDescription("The workshop's participants by name, a page at a time, each with their test scores, completion and " +
                             "attendance per session; `version` is the enrolment's, for If-Match when recording results.")
            .ProducesListProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        workshops.MapGet("/{id:guid}/participants/{participantId:guid}", async (Guid id, Guid participantId, ISender sender, HttpResponse response,
                    CancellationToken ct) =>
                Responses.Versioned(response, await sender.Send(new GetEnrolment(id, participantId), ct), enrolment => enrolment.Version))
            .WithName(nameof(GetEnrolment))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get a participant of a workshop")
            .WithDescription("One participant's enrolment: scores, completion and attendance per session. The ETag carries the enrolment's version.")
            .ProducesGetProblems();

        workshops.MapPut("/{id:guid}/participants/{participantId:guid}", async (Guid id, Guid participantId, RecordTestScores command, ISender sender,
                    HttpContext context, CancellationToken ct) =>
                Responses.Updated(context.Response, await sender.Send(
                    command with { WorkshopId = id, ParticipantId = participantId, ExpectedVersion = Versions.FromIfMatch(context.Request) }, ct)))
            .WithName(nameof(RecordTestScores))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Record a participant's test scores")
            .WithDescription("Sets the pre- and post-test scores (0 to 100, two decimals at most; left out clears one) and completion. " +
                             "Needs If-Match with the enrolment's version.")
            .ProducesUpdateProblems();

        workshops.MapPut("/{id:guid}/sessions/{sessionId:guid}/attendance", async (Guid id, Guid sessionId, TakeAttendance command, ISender sender,
                    CancellationToken ct) =>
                {
                    await sender.Send(command with { WorkshopId = id, SessionId = sessionId }, ct);
                    return TypedResults.NoContent();
                })
            .WithName(nameof(TakeAttendance))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Take attendance at a session")
            .WithDescription("Sets present, late, excused or absent for many participants of the workshop in one call. It replaces the " +
                             "status of each participant sent and leaves the others' as they were, so it is not versioned and needs no " +
                             "If-Match. A participant not enrolled is a field error on that entry (`entries[3].participantId`). A " +
                             "cancelled workshop takes no attendance, and a planned one not before the session's day (409).")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        workshops.MapPost("/{id:guid}/participants/import", async (Guid id, HttpRequest request, IConfiguration configuration, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await ImportAttendanceSheet.RunAsync(sender, id, await AttendanceSheet.ReceiveAsync(request, SheetLimits.From(configuration), ct), ct)))
            .Accepts<string>(AttendanceSheet.MediaType)
            .WithName(nameof(ImportAttendanceSheet))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Import an attendance sheet")
            .WithDescription("Enrols everyone on a CSV sheet (`text/csv`, UTF-8 with or without BOM, comma or semicolon, at most " +
                             "`Imports:MaxRows` rows, 5,000 by default, and 1 KB a row in whole MB, 5 MB for 5,000; a larger sheet is refused whole with 413). " +
                             "Header names in English or French: family_name|nom, given_names|prénoms, sex|sexe (F, M, female, male, femme, " +
                             "homme, blank), administration (country code or id; blank: the workshop's host), service, position|fonction, " +
                             "email, staff_number|matricule. A row that is confidently someone registered (same staff number or e-mail, " +
                             "or same name in the same administration) is matched; anyone else is registered; a bad row is rejected with " +
                             "its reason. The sheet is committed a few hundred rows at a time, so other writes wait a moment at most. The answer is a " +
                             "summary (rows read, registered, matched, enrolled, already enrolled, rejected) with only the rows that need " +
                             "attention, by line number: rejected ones and repeats of an earlier row. Uploading a sheet again registers nobody twice.")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return api;
    }
}
