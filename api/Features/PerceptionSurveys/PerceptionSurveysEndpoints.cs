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

    /// <summary>How every figure of perceptions is computed, for the descriptions.</summary>
    private const string Scoring =
        "Answers are on a scale of 1 (strongly disagree) to 5 (strongly agree); a question marked `reversed` (agreeing is " +
        "unfavourable) counts as 6 − answer, so that a high figure is always a favourable perception; a blank is no answer. " +
        "Per key factor (RAD-01 to RAD-10) and group (`customs_official`, `private_sector`, scored apart): `favourablePercent`, " +
        "the answers of 4 or 5 after reversing ÷ the answers × 100; `mean`, the mean answer after reversing; both to two " +
        "decimals; `respondents`, those of the group who answered at least one of the key factor's questions. " +
        "Suppression: a cell of fewer respondents than `Reporting:MinimumCellSize` (default 5, as donor reports, stated as " +
        "`minimumCellSize`) has `suppressed` true and its figures null, so that no respondent's answers can be read from it; " +
        "with `by`, where one value of the breakdown is suppressed among others of its key factor and group, the next " +
        "smallest is too, so that it cannot be worked out by subtracting the others from the scores without `by`.";

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
            .WithName(nameof(ImportSurveyResponses))
            .WithSummary("Import a round's responses")
            .WithDescription("Adds the respondents of a file to the round, with their answers. " + file + " Importing the same file " +
                             "again adds nobody: a respondent code already in the round with the same answers is unchanged; with other " +
                             "answers it is rejected and nothing is overwritten. The whole file is one transaction. A submitted or approved " +
                             "report of the round's administration for a period ending on or after its fieldwork locks its answers (409): " +
                             "an administrator returns the report to open them again." + Who)
            .ProducesFileProblems();

        surveys.MapPost("/{id:guid}/responses/preview", ImportResponses(preview: true))
            .WithName("PreviewSurveyResponses")
            .WithSummary("Preview a round's responses import")
            .WithDescription("Answers what importing the file would do, as the import answers, and stores nothing. " + file + Who)
            .ProducesFileProblems();

        surveys.MapGet("/{id:guid}/scores", (Guid id, string? by, ISender sender, CancellationToken ct) => sender.Send(new GetPerceptionScores(id, by), ct))
            .WithName(nameof(GetPerceptionScores))
            .WithSummary("Get a perception survey round's scores by key factor")
            .WithDescription("The round's scores by key factor and group, ordered by key factor code, group and breakdown. `by` " +
                             "(`service`, `sex` or `region`) splits each cell by the respondents' answer to that column; respondents " +
                             "who left it blank form a cell of their own, its `breakdown` null. " + Scoring + Who)
            .ProducesValidationProblem()
            .ProducesGetProblems();

        api.MapGet("/administrations/{id:guid}/perception-trend", (Guid id, Guid? questionnaireId, ISender sender, CancellationToken ct) =>
                sender.Send(new GetPerceptionTrend(id, questionnaireId), ct))
            .WithName(nameof(GetPerceptionTrend))
            .WithTags("Perception surveys")
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Compare an administration's perception survey rounds")
            .WithDescription("Each key factor and group across the administration's rounds (those answering `questionnaireId` when " +
                             "given), in fieldwork order (last day, then first day): `rounds` lists them, and each item has one point " +
                             "per round in that order. `change` is the round's favourablePercent minus the previous round's, in " +
                             "points to two decimals; null in the first round, or when either is suppressed or missing (a round " +
                             "where nobody of the group answered the key factor: 0 respondents, figures null). " + Scoring + Who)
            .ProducesGetProblems();

        api.MapGet("/programmes/{id:guid}/reports/perception", (Guid id, ISender sender, CancellationToken ct) => sender.Send(new GetPerceptionSummary(id), ct))
            .WithName(nameof(GetPerceptionSummary))
            .WithTags("Reports")
            .RequireAuthorization(Policies.Readers)
            .RequireRateLimiting(ReportQuota.PolicyName)
            .WithSummary("Get a programme's perception survey summary")
            .WithDescription("What donors learn of perceptions, anonymised: per key factor, in how many of the programme's " +
                             "administrations surveyed twice perceptions improved. An administration contributes to a key factor " +
                             "when its two latest rounds under the programme that have responses and that an approved report of the " +
                             "administration covers (a period ending on or after their fieldwork: only approved figures reach donors, " +
                             "and those rounds' answers are locked while the report stays approved), in fieldwork order, both score " +
                             "it, its two groups taken together, each with at least `Reporting:MinimumCellSize` respondents (a " +
                             "round whose cell is suppressed in its scores does not count); it `improved` when the later round's " +
                             "favourablePercent (answers of 4 or 5 after reversing ÷ answers × 100, to two decimals) is higher. " +
                             "`improvedPercent` = improved ÷ administrations × 100, to two decimals. A key factor to which fewer " +
                             "than `Reporting:MinimumAdministrations` (default 3, stated as `minimumAdministrations`) administrations " +
                             "contribute is `suppressed`, its figures null and `reason` saying why in the reader's language " +
                             "(Accept-Language). Never names an administration nor gives one's score: those are the administration's " +
                             "own (GET /perception-surveys/{id}/scores, not for donors). Donors (API token or account) for the " +
                             "programmes they fund, administrators, and coordinators whose scope covers the programme; trainers " +
                             "403; out of scope 404.\n\n" + ReportQuota.Described)
            .ProducesGetProblems()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        return api;
    }

    /// <summary>The file the import and its preview take, and the problems either may answer.</summary>
    private static RouteHandlerBuilder ProducesFileProblems(this RouteHandlerBuilder endpoint) => endpoint
        .Accepts<string>(UploadedSheet.CsvMediaType, UploadedSheet.XlsxMediaType)
        .ProducesCommandProblems()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The import and its preview take the same file and give the same answer.</summary>
    private static Func<Guid, HttpRequest, IConfiguration, ISender, CancellationToken, Task<Ok<SurveyResponsesImport>>> ImportResponses(bool preview) =>
        async (Guid id, HttpRequest request, IConfiguration configuration, ISender sender, CancellationToken ct) =>
        {
            var sheet = await UploadedSheet.ReceiveAsync(request, SheetLimits.From(configuration, ResponsesFile.BytesPerRow), ct);
            return TypedResults.Ok(await ImportSurveyResponses.RunAsync(sender, id, sheet, preview, ct));
        };
}
