using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>
/// A dated report on an action. Updates are append-only: none is ever changed or deleted; a correction is a
/// new update. The action's status and percent done become this update's unless a later-dated one exists.
/// </summary>
/// <param name="ReportedOn">The day the progress was observed; not in the future, not before the action starts.</param>
/// <param name="Status">not_started, in_progress, done, delayed or cancelled; done needs 100 %, not_started 0 %.</param>
/// <param name="PercentDone">0 to 100.</param>
/// <param name="Narrative">What was done, what holds it up.</param>
/// <param name="EvidenceLinks">Where the evidence is: absolute http or https URLs (a signed decree, minutes, a published report); at most 20.</param>
public sealed record RecordProgressUpdate(
    [property: Required] DateOnly? ReportedOn, [property: Required] ActionStatus? Status, [property: Required] int? PercentDone,
    string? Narrative = null, IReadOnlyList<string>? EvidenceLinks = null)
    : ICommand<RecordCreated>, IActionCommand
{
    [JsonIgnore] public Guid ActionId { get; init; }
}

public sealed class RecordProgressUpdateValidator : AbstractValidator<RecordProgressUpdate>
{
    public const int MaxLinks = 20;

    public RecordProgressUpdateValidator(TimeProvider clock)
    {
        RuleFor(x => x.ReportedOn).NotNull()
            .Must(day => day <= Today.Of(clock)).WithMessage(_ => Messages.ProgressNotInFuture);
        RuleFor(x => x.Status).NotNull().IsChoice();
        RuleFor(x => x.PercentDone).NotNull().InclusiveBetween(0, 100);
        RuleFor(x => x.PercentDone).Equal(100).When(x => x.Status == ActionStatus.Done).WithMessage(_ => Messages.DoneIsHundred);
        RuleFor(x => x.PercentDone).Equal(0).When(x => x.Status == ActionStatus.NotStarted).WithMessage(_ => Messages.NotStartedIsZero);
        RuleFor(x => x.Narrative).MaximumLength(4000);
        RuleFor(x => x.EvidenceLinks).MaximumCount(MaxLinks)
            .WithMessage(_ => Messages.AtMostLinks.With(MaxLinks));
        RuleForEach(x => x.EvidenceLinks).MaximumLength(2000).Must(IsWebAddress)
            .WithMessage(_ => Messages.EvidenceAddress);
    }

    private static bool IsWebAddress(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && link == link.Trim();
}

public sealed class RecordProgressUpdateAccess(DbSession db) : ActionKeepers<RecordProgressUpdate>(db);

/// <summary>Progress counts within the report of its plan's administration for the period holding its reported day.</summary>
public sealed class RecordProgressUpdatePlace(DbSession db) : IReportingPeriodPlaces<RecordProgressUpdate>
{
    private const string Plan = """
        SELECT p.programme_id, p.administration_id FROM actions ac JOIN action_plans p ON p.id = ac.action_plan_id WHERE ac.id = @id
        """;

    public async Task<IReadOnlyList<ReportingPeriodPlace>> PlacesAsync(RecordProgressUpdate command, CancellationToken cancellationToken) =>
        command.ReportedOn is { } day && await db.QuerySingleOrDefaultAsync<PlanRow>(Plan, new { id = command.ActionId }, cancellationToken) is { } plan
            ? [new ReportingPeriodPlace(plan.ProgrammeId, day, day, [plan.AdministrationId], Messages.LockedActionProgress)]
            : [];

    private sealed record PlanRow
    {
        public required Guid ProgrammeId { get; init; }
        public required Guid AdministrationId { get; init; }
    }
}

public sealed class RecordProgressUpdateHandler(DbSession db, TimeProvider clock) : ICommandHandler<RecordProgressUpdate, RecordCreated>
{
    private const string Action = "SELECT action_plan_id, starts_on FROM actions WHERE id = @actionId";

    // One statement, so that it reads and writes the action's row at once: the update becomes current when no
    // later-dated one exists (a same-day one recorded before it yields), and takes the next recording order.
    private const string Advance = """
        UPDATE actions SET
            status = CASE WHEN reported_on IS NULL OR reported_on <= @reportedOn THEN @status ELSE status END,
            percent_done = CASE WHEN reported_on IS NULL OR reported_on <= @reportedOn THEN @percentDone ELSE percent_done END,
            reported_on = CASE WHEN reported_on IS NULL OR reported_on <= @reportedOn THEN @reportedOn ELSE reported_on END,
            update_count = update_count + 1,
            version = version + 1
        WHERE id = @actionId
        """;
    private const string RecordingOrder = "SELECT update_count FROM actions WHERE id = @actionId";
    private const string Insert = """
        INSERT INTO progress_updates (id, action_id, recording_order, reported_on, status, percent_done, narrative, recorded_at)
        VALUES (@id, @actionId, @recordingOrder, @reportedOn, @status, @percentDone, @narrative, @recordedAt)
        """;
    private const string AddEvidence = "INSERT INTO progress_update_evidence (progress_update_id, position, url) VALUES (@id, @position, @url)";

    public async ValueTask<RecordCreated> Handle(RecordProgressUpdate command, CancellationToken cancellationToken)
    {
        var action = await db.QuerySingleOrDefaultAsync<ReportedAction>(Action, new { actionId = command.ActionId }, cancellationToken)
                     ?? throw new NotFoundException(Messages.RecordAction, command.ActionId);
        var plan = (await PlanState.LoadAsync(db, action.ActionPlanId, cancellationToken)).RefuseIfClosed(Messages.PlanProgressUpdates);
        if (plan.Status == ActionPlanStatus.Draft)
            throw new ConflictException(Messages.ProgressOnDraft);
        if (command.ReportedOn < action.StartsOn)
            throw new ValidationException([new ValidationFailure(nameof(command.ReportedOn),
                Messages.ProgressBeforeStart.With(action.StartsOn))]);

        var update = new
        {
            id = Guid.CreateVersion7(),
            actionId = command.ActionId,
            reportedOn = command.ReportedOn,
            status = DbEnum.Name(command.Status!.Value),
            percentDone = command.PercentDone,
            narrative = string.IsNullOrWhiteSpace(command.Narrative) ? null : command.Narrative.Trim(),
            recordedAt = clock.GetUtcNow(),
        };
        await db.ExecuteAsync(Advance, update, cancellationToken);
        var recordingOrder = await db.QuerySingleOrDefaultAsync<int>(RecordingOrder, update, cancellationToken);
        var row = new Dapper.DynamicParameters(update);
        row.Add("recordingOrder", recordingOrder);
        await db.ExecuteAsync(Insert, row, cancellationToken);
        await db.ExecuteAsync(AddEvidence, (command.EvidenceLinks ?? []).Distinct()
            .Select((url, i) => new { update.id, position = i + 1, url }).ToList(), cancellationToken);
        return new RecordCreated(update.id, 1);
    }

    private sealed record ReportedAction
    {
        public required Guid ActionPlanId { get; init; }
        public required DateOnly StartsOn { get; init; }
    }
}
