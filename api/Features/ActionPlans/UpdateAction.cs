using System.Text.Json.Serialization;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>
/// New values for what an action plans: objective, title, lead unit, owner and dates. Its status and percent
/// done are not among them: they come from progress updates. It cannot start after progress was reported on it.
/// </summary>
public sealed record UpdateAction(
    [property: Required] Guid? ObjectiveId, string Title, string LeadUnit, string Owner,
    [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? DueOn)
    : ICommand<int>, IActionFields, IActionCommand, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
    Guid IActionCommand.ActionId => Id;
}

public sealed class UpdateActionValidator : ActionFieldsValidator<UpdateAction>;

public sealed class UpdateActionAccess(DbSession db) : ActionKeepers<UpdateAction>(db);

public sealed class UpdateActionHandler(DbSession db) : ICommandHandler<UpdateAction, int>
{
    private const string PlanOf = "SELECT action_plan_id FROM actions WHERE id = @id";
    private const string FirstReport = "SELECT min(reported_on) FROM progress_updates WHERE action_id = @id";
    private const string Update = """
        UPDATE actions SET objective_id = @objectiveId, title = @title, lead_unit = @leadUnit, owner = @owner, starts_on = @startsOn,
               due_on = @dueOn, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateAction command, CancellationToken cancellationToken)
    {
        var planId = await db.QuerySingleOrDefaultAsync<Guid?>(PlanOf, new { id = command.Id }, cancellationToken)
                     ?? throw new NotFoundException(Messages.RecordAction, command.Id);
        var plan = (await PlanState.LoadAsync(db, planId, cancellationToken)).RefuseIfClosed(Messages.PlanChanges);
        var failures = new List<ValidationFailure>();
        if (await db.QuerySingleOrDefaultAsync<DateOnly?>(FirstReport, new { id = command.Id }, cancellationToken) is { } firstReport
            && command.StartsOn > firstReport)
            failures.Add(new ValidationFailure(nameof(command.StartsOn),
                Messages.ActionStartsAfterProgress.With(firstReport)));
        await ActionWrites.CheckAsync(db, plan, command, failures, cancellationToken);

        var row = ActionWrites.Row(command.Id, command);
        row.Add("expectedVersion", command.ExpectedVersion);
        var changed = await db.ExecuteAsync(Update, row, cancellationToken);
        return await db.NextVersionAsync(changed, "actions", Messages.RecordAction, command.Id, command.ExpectedVersion, cancellationToken);
    }
}
