using Integrity.Api.Features.Participants;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

        const string sheetDescription =
            "The sheet is CSV (`text/csv`: UTF-8 with or without BOM, or Windows-1252 as French Excel saves \"CSV (séparateur : " +
            "point-virgule)\"; comma, semicolon or tab, detected) or an Excel workbook (.xlsx, its first sheet), at most `Imports:MaxRows` " +
            "rows, 5,000 by default, and 1 KB a row in whole MB, 5 MB for 5,000; a larger sheet is refused whole with 413. The header row " +
            "may sit below title or blank rows. Headers in English or French, accents and capitals aside: family_name|nom, " +
            "given_names|prénom(s), sex|sexe (F, M, female, male, féminin, masculin, femme, homme, blank), administration|structure, " +
            "service (operational, support, management; opérationnel, soutien, direction), position|fonction, email|courriel, " +
            "staff_number|matricule. An administration is its country code, id, English or French name, one of its other names, or a " +
            "value naming its country when that country has one administration (\"Douanes du Burkina Faso\"); blank is the workshop's " +
            "host. A column headed by a session's day (29/11/2023, 2023-11-29 or a date cell) holds that session's attendance: P or X " +
            "present, R late, E excused, A absent, blank not recorded. `administrationMap=<value>=<administration id>` (repeatable) says " +
            "which administration a value means; `ignoredColumns` (repeatable) names headers to leave alone. The answer gives the " +
            "format, the CSV's encoding, totals (rows read, registered, matched, enrolled, already enrolled, rejected, attendance " +
            "recorded), the columns it did not read, and the rows that need attention by line, each with every problem naming the person.";

        workshops.MapPost("/{id:guid}/participants/import", ImportSheet(preview: false))
            .Accepts<string>(AttendanceSheet.CsvMediaType, AttendanceSheet.XlsxMediaType)
            .WithName(nameof(ImportAttendanceSheet))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Import an attendance sheet")
            .WithDescription("Enrols everyone on a sheet and records its marks as the sessions' attendance. " + sheetDescription + " A row " +
                             "that is confidently someone registered (same staff number or e-mail, or same name in the same administration) " +
                             "is matched; anyone else is registered; a bad row is rejected. The sheet is committed a few hundred rows at a " +
                             "time, so other writes wait a moment at most. Uploading a sheet again registers nobody twice. An administrator's " +
                             "`administrationMap` values are kept as other names of their administrations, so the next sheet matches them.")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        workshops.MapPost("/{id:guid}/participants/import/preview", ImportSheet(preview: true))
            .Accepts<string>(AttendanceSheet.CsvMediaType, AttendanceSheet.XlsxMediaType)
            .WithName("PreviewAttendanceSheet")
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Preview an attendance sheet's import")
            .WithDescription("Answers what importing the sheet would do, as the import answers, and stores nothing. " + sheetDescription)
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        workshops.MapGet("/{id:guid}/attendance-sheet/template", async (Guid id, string? format, string? lang, ISender sender, CancellationToken ct) =>
                {
                    var template = await sender.Send(new GetAttendanceSheetTemplate(id, format, lang), ct);
                    return TypedResults.File(template.Content, template.ContentType, template.FileName);
                })
            .WithName(nameof(GetAttendanceSheetTemplate))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Download an attendance sheet template")
            .WithDescription("An empty sheet to fill and import: `format` xlsx (default) or csv, `lang` en (default) or fr for the headers " +
                             "(a French CSV is separated by semicolons, as French Excel writes it), then a column per session day.")
            .Produces<string>(StatusCodes.Status200OK, AttendanceSheet.XlsxMediaType, AttendanceSheet.CsvMediaType)
            .ProducesGetProblems();

        return api;
    }

    /// <summary>The import and its preview take the same sheet and choices and give the same answer.</summary>
    private static Func<Guid, HttpRequest, string[]?, string[]?, IConfiguration, Caller, ISender, CancellationToken, Task<Ok<SheetReport>>>
        ImportSheet(bool preview) =>
        async (Guid id, HttpRequest request, [FromQuery] string[]? administrationMap, [FromQuery] string[]? ignoredColumns, IConfiguration configuration,
            Caller caller, ISender sender, CancellationToken ct) =>
        {
            var choices = SheetChoices.From(administrationMap, ignoredColumns);
            var sheet = await AttendanceSheet.ReceiveAsync(request, SheetLimits.From(configuration), choices.IgnoredColumns, ct);
            return TypedResults.Ok(await ImportAttendanceSheet.RunAsync(sender, caller, id, sheet, choices, preview, ct));
        };
}
