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

        return api;
    }
}
