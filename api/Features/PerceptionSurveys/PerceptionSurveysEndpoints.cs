using Integrity.Api.Http;
using Mediator;

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
        "`minimumCellSize`) has `suppressed` true and its figures null, so that no respondent's answers can be read from it.";

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
                             "when its two latest rounds under the programme that have responses (in fieldwork order) both score " +
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
}
