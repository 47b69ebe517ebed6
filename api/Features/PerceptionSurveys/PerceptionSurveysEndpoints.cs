using Integrity.Api.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>
/// Perception survey rounds of an administration, their responses and their scores. Every operation is for
/// administrators and for coordinators whose scope covers the round's administration: the detailed results are the
/// administration's own. Donors read only the programme summary (GET /programmes/{id}/reports/perception).
/// </summary>
public static class PerceptionSurveysEndpoints
{
    private const string Who = " Administrators, and coordinators whose scope covers the administration; trainers and donors have no access (403).";

    public static RouteGroupBuilder MapPerceptionSurveys(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/perception-surveys").WithTags("Perception surveys").RequireAuthorization(Policies.Coordinators);

        surveys.MapPost("/", async (RegisterPerceptionSurvey command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/perception-surveys", await sender.Send(command, ct)))
            .WithName(nameof(RegisterPerceptionSurvey))
            .WithSummary("Register a perception survey round")
            .WithDescription("Registers a round of the Customs Integrity Perception Survey in an administration, under a programme that " +
                             "covers it, answering one questionnaire, with its fieldwork dates. Its responses are imported next " +
                             "(POST /perception-surveys/{id}/responses)." + Who)
            .ProducesCommandProblems()
            .WithIdempotency();

        surveys.MapGet("/", (Guid? administrationId, Guid? programmeId, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListPerceptionSurveys(administrationId, programmeId, limit, cursor), ct))
            .WithName(nameof(ListPerceptionSurveys))
            .WithSummary("List perception survey rounds")
            .WithDescription("Rounds in your scope, latest fieldwork first, a page at a time. Filters: `administrationId`, `programmeId`." + Who)
            .ProducesListProblems();

        surveys.MapGetRecord("/{id:guid}", nameof(GetPerceptionSurvey), id => new GetPerceptionSurvey(id), survey => survey.Version)
            .WithSummary("Get a perception survey round")
            .WithDescription("One round, with how many respondents and answers were imported. The ETag carries its version." + Who);

        const string file =
            "The file is CSV (`text/csv`: UTF-8 with or without BOM, or Windows-1252 as French Excel saves \"CSV (séparateur : " +
            "point-virgule)\"; comma, semicolon or tab, detected) or an Excel workbook (.xlsx, its first sheet), one row per respondent, " +
            "at most `Imports:MaxRows` rows (5,000 by default; 413 beyond). Headers in English or French, accents and capitals aside: " +
            "respondent|répondant (an anonymous code, unique in the round), group|groupe (customs_official or private_sector; also " +
            "\"agent des douanes\", \"douanier\", \"secteur privé\", \"opérateur privé\"), and optionally service, sex|sexe (F, M, " +
            "female, male, femme, homme, blank) and region|région; then a column per question code of the round's questionnaire, " +
            "each cell 1 to 5 or blank (no answer). Columns the questionnaire does not know are listed in `unknownColumns` and not " +
            "read. Respondents are anonymous: a file with a column of names, e-mail addresses or phone numbers (name, nom, prénom, " +
            "email, courriel, phone, téléphone …, or an e-mail address in any cell) is refused whole with 422, naming the columns " +
            "to remove. A row with an answer off the scale, an unknown group, no respondent code, or a code written twice in the " +
            "file is rejected with every reason, in `attention`, and does not stop the others. The answer counts the rows, the " +
            "respondents added, those unchanged and those rejected, and the answers added.";

        surveys.MapPost("/{id:guid}/responses", ImportResponses(preview: false))
            .Accepts<string>(UploadedSheet.CsvMediaType, UploadedSheet.XlsxMediaType)
            .WithName(nameof(ImportSurveyResponses))
            .WithSummary("Import a round's responses")
            .WithDescription("Adds the respondents of a file to the round, with their answers. " + file + " Importing the same file " +
                             "again adds nobody: a respondent code already in the round with the same answers is unchanged; with other " +
                             "answers it is rejected and nothing is overwritten. The whole file is one transaction." + Who)
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        surveys.MapPost("/{id:guid}/responses/preview", ImportResponses(preview: true))
            .Accepts<string>(UploadedSheet.CsvMediaType, UploadedSheet.XlsxMediaType)
            .WithName("PreviewSurveyResponses")
            .WithSummary("Preview a round's responses import")
            .WithDescription("Answers what importing the file would do, as the import answers, and stores nothing. " + file + Who)
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }

    /// <summary>The import and its preview take the same file and give the same answer.</summary>
    private static Func<Guid, HttpRequest, IConfiguration, ISender, CancellationToken, Task<Ok<SurveyResponsesImport>>> ImportResponses(bool preview) =>
        async (Guid id, HttpRequest request, IConfiguration configuration, ISender sender, CancellationToken ct) =>
        {
            var sheet = await UploadedSheet.ReceiveAsync(request, SheetLimits.From(configuration, ResponsesFile.BytesPerRow), ct);
            return TypedResults.Ok(await ImportSurveyResponses.RunAsync(sender, id, sheet, preview, ct));
        };
}
