using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>
/// Action plans with their objectives and actions, and the progress updates on each action. Actions are
/// planned under their plan (POST /action-plans/{id}/actions, naming the objective they serve) and then
/// addressed on their own (/actions/{id}), where their updates live. Every operation is for administrators
/// and for coordinators whose scope covers the plan's programme or administration.
/// </summary>
public static class ActionPlansEndpoints
{
    private const string Who = " Administrators, and coordinators of the plan's programme or administration.";

    public static RouteGroupBuilder MapActionPlans(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/action-plans").WithTags("Action plans").RequireAuthorization(Policies.Coordinators);

        plans.MapPost("/", async (RecordActionPlan command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/action-plans", await sender.Send(command, ct)))
            .WithName(nameof(RecordActionPlan))
            .WithSummary("Record an action plan")
            .WithDescription("Records an administration's integrity action plan under a programme that covers it, as a draft: title " +
                             "and the period it covers." + Who)
            .ProducesCommandProblems()
            .WithIdempotency();

        plans.MapGet("/", (Guid? programmeId, Guid? administrationId, string? status, string? q, int? limit, string? cursor,
                    ISender sender, CancellationToken ct) =>
                sender.Send(new ListActionPlans(programmeId, administrationId, status, q, limit, cursor), ct))
            .WithName(nameof(ListActionPlans))
            .WithSummary("List action plans")
            .WithDescription("Action plans in your scope, most recent period first, a page at a time. Filters: `programmeId`; " +
                             "`administrationId`; `status` (draft, adopted, in_implementation, closed); `q` (title). Trainers and " +
                             "donors have no access to plans (403); donors get their figures in reports.")
            .ProducesListProblems();

        plans.MapGetRecord("/{id:guid}", nameof(GetActionPlan), id => new GetActionPlan(id), plan => plan.Version)
            .WithSummary("Get an action plan")
            .WithDescription("One plan with its objectives. The ETag carries its version.");

        plans.MapUpdate<UpdateActionPlan>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .WithSummary("Update an action plan")
            .WithDescription("Replaces a plan's title and period; the new period must still hold every action's dates (409 if not). " +
                             "A closed plan is final (409). Needs If-Match.");

        plans.MapPost("/{id:guid}/adopt", async (Guid id, AdoptActionPlan command, ISender sender, HttpContext context, CancellationToken ct) =>
                Responses.Updated(context.Response, await sender.Send(
                    command with { Id = id, ExpectedVersion = Versions.FromIfMatch(context.Request) }, ct)))
            .WithName(nameof(AdoptActionPlan))
            .WithSummary("Adopt an action plan")
            .WithDescription("Records that a draft plan was adopted, on `adoptedOn` (not in the future). Only a draft is adopted (409). " +
                             "Needs If-Match.")
            .ProducesUpdateProblems();

        plans.MapUpdate<ChangeActionPlanStatus>("/{id:guid}/status", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .WithSummary("Move an action plan on")
            .WithDescription("draft → adopted (POST …/adopt) → in_implementation → closed: an adopted plan moves forward only, and a " +
                             "closed one is final (409). The one way back: an adopted plan with no progress reported yet returns to " +
                             "draft, its adoption day cleared. Needs If-Match.");

        plans.MapGet("/{id:guid}/dashboard", (Guid id, ISender sender, CancellationToken ct) => sender.Send(new GetActionPlanDashboard(id), ct))
            .WithName(nameof(GetActionPlanDashboard))
            .WithSummary("Get an action plan's dashboard")
            .WithDescription("Where the plan stands today (UTC): actions by current status; actions due (due today or earlier, not " +
                             "cancelled) and the rate of implementation (done ÷ due, in percent, null while none is due); actions done " +
                             "on time (reported done on or before their due day); the overdue actions (due before today, neither done " +
                             "nor cancelled); and the ten key factors, each covered or not by the plan's objectives.")
            .ProducesGetProblems();

        plans.MapPost("/{id:guid}/objectives", async (Guid id, AddObjective command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, $"/api/v1/action-plans/{id}/objectives", await sender.Send(command with { ActionPlanId = id }, ct)))
            .WithName(nameof(AddObjective))
            .WithSummary("Add an objective to an action plan")
            .WithDescription("An objective with the key factors it serves (one or more), its outcome indicator, baseline and target; " +
                             "numbered after the plan's others. A closed plan takes none (409).")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotency();

        plans.MapGet("/{id:guid}/objectives", (Guid id, ISender sender, CancellationToken ct) => sender.Send(new ListObjectives(id), ct))
            .WithName(nameof(ListObjectives))
            .WithSummary("List an action plan's objectives")
            .WithDescription("Every objective of the plan by number, with key factors and action counts; nextCursor is always null.")
            .ProducesGetProblems();

        plans.MapPut("/{id:guid}/objectives/{objectiveId:guid}", async (Guid id, Guid objectiveId, UpdateObjective command, ISender sender,
                    HttpContext context, CancellationToken ct) =>
                Responses.Updated(context.Response, await sender.Send(
                    command with { ActionPlanId = id, Id = objectiveId, ExpectedVersion = Versions.FromIfMatch(context.Request) }, ct)))
            .WithName(nameof(UpdateObjective))
            .WithSummary("Update an objective")
            .WithDescription("Replaces every field of an objective, key factors included. Needs If-Match with the objective's version.")
            .ProducesUpdateProblems();

        plans.MapPost("/{id:guid}/actions", async (Guid id, PlanAction command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/actions", await sender.Send(command with { ActionPlanId = id }, ct)))
            .WithName(nameof(PlanAction))
            .WithSummary("Plan an action")
            .WithDescription("An action serving one of the plan's objectives: lead unit, owner (a name or a role), start and due days " +
                             "within the plan's period. It starts not_started at 0 %. A closed plan takes no new actions (409). The " +
                             "action is then at /api/v1/actions/{id}.")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotency();

        plans.MapGet("/{id:guid}/actions", (Guid id, Guid? objectiveId, string? status, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListActions(id, objectiveId, status, limit, cursor), ct))
            .WithName(nameof(ListActions))
            .WithSummary("List an action plan's actions")
            .WithDescription("The plan's actions by due day, a page at a time, each with its current status and percent done. Filters: " +
                             "`objectiveId`; `status` (not_started, in_progress, done, delayed, cancelled).")
            .ProducesListProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api.MapActions();
    }

    /// <summary>An action on its own, and its progress updates.</summary>
    private static RouteGroupBuilder MapActions(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/actions").WithTags("Action plans").RequireAuthorization(Policies.Coordinators);

        actions.MapGetRecord("/{id:guid}", nameof(GetAction), id => new GetAction(id), action => action.Version)
            .WithSummary("Get an action")
            .WithDescription("One action with its current status and percent done (those of its latest update). The ETag carries its " +
                             "version, which each progress update also moves on.");

        actions.MapUpdate<UpdateAction>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .WithSummary("Update an action")
            .WithDescription("Replaces what an action plans: objective, title, lead unit, owner, start and due days (within the plan's " +
                             "period, and it cannot start after progress was reported on it). Status and percent come from progress " +
                             "updates only. A closed plan is final (409). Needs If-Match.");

        actions.MapPost("/{id:guid}/updates", async (Guid id, RecordProgressUpdate command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, $"/api/v1/actions/{id}/updates", await sender.Send(command with { ActionId = id }, ct)))
            .WithName(nameof(RecordProgressUpdate))
            .WithSummary("Report progress on an action")
            .WithDescription("Appends a dated update: status, percent done (done is 100, not_started 0), narrative and evidence links " +
                             "(http or https URLs). `reportedOn` is not in the future nor before the action starts. The action takes " +
                             "this status and percent unless an update with a later `reportedOn` exists (same day: the last recorded " +
                             "wins). Updates are never changed or deleted: a correction is a new update. The plan must be adopted, and " +
                             "a closed plan takes none (409)." + Who)
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotency();

        actions.MapGet("/{id:guid}/updates", (Guid id, ISender sender, CancellationToken ct) => sender.Send(new ListProgressUpdates(id), ct))
            .WithName(nameof(ListProgressUpdates))
            .WithSummary("List an action's progress updates")
            .WithDescription("The action's whole history, latest first (by reportedOn, then the order recorded); nextCursor is always null.")
            .ProducesGetProblems();

        return api;
    }
}
