using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

public static class QuestionnairesEndpoints
{
    private const string Scale = "Each question is answered on a scale of 1 (strongly disagree) to 5 (strongly agree); " +
                                 "a question marked `reversed` (agreeing is unfavourable) counts as 6 − answer.";

    public static RouteGroupBuilder MapQuestionnaires(this RouteGroupBuilder api)
    {
        var questionnaires = api.MapGroup("/questionnaires").WithTags("Perception surveys");

        questionnaires.MapPost("/", async (RegisterQuestionnaire command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/questionnaires", await sender.Send(command, ct)))
            .WithName(nameof(RegisterQuestionnaire))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Register a perception survey questionnaire")
            .WithDescription("Adds a Customs Integrity Perception Survey questionnaire (for customs officials or for the private sector) " +
                             "with its English and French titles and its questions, each tied to a key factor of the Revised Arusha " +
                             $"Declaration (RAD-01 to RAD-10). {Scale} The code must be unique, and each question code once in the questionnaire.")
            .ProducesCommandProblems()
            .WithIdempotency();

        questionnaires.MapGet("/", (string? q, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListQuestionnaires(q, limit, cursor), ct))
            .WithName(nameof(ListQuestionnaires))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("List perception survey questionnaires")
            .WithDescription("Questionnaires ordered by code, a page at a time, each with its questions. `q` keeps those whose code or " +
                             "English or French title contains it.")
            .ProducesListProblems();

        questionnaires.MapGetRecord("/{id:guid}", nameof(GetQuestionnaire), id => new GetQuestionnaire(id), questionnaire => questionnaire.Version)
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Get a perception survey questionnaire")
            .WithDescription($"One questionnaire with its questions in order. {Scale} The ETag header carries its version, for If-Match when updating it.");

        questionnaires.MapUpdate<UpdateQuestionnaire>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Update a perception survey questionnaire")
            .WithDescription("Replaces every field of a questionnaire, its questions included (in the order sent). " +
                             "Only while no survey round uses it (409 once one does: its answers name the questions). Needs If-Match with the ETag read from GET.");

        return api;
    }
}
