using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>New values for every field of an objective; its key factors are replaced. Its number stays.</summary>
public sealed record UpdateObjective(string Title, IReadOnlyList<string> KeyFactorCodes, string OutcomeIndicator, string Target, string? Baseline = null)
    : ICommand<int>, IObjectiveFields, IActionPlanCommand, IChangesRecord
{
    [JsonIgnore] public Guid ActionPlanId { get; init; }
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateObjectiveValidator : ObjectiveFieldsValidator<UpdateObjective>;

public sealed class UpdateObjectiveAccess(DbSession db) : ActionPlanKeepers<UpdateObjective>(db);

public sealed class UpdateObjectiveHandler(DbSession db) : ICommandHandler<UpdateObjective, int>
{
    private const string OfPlan = "SELECT id FROM objectives WHERE id = @id AND action_plan_id = @actionPlanId";
    private const string Update = """
        UPDATE objectives SET title = @title, outcome_indicator = @outcomeIndicator, baseline = @baseline, target = @target, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateObjective command, CancellationToken cancellationToken)
    {
        (await PlanState.LoadAsync(db, command.ActionPlanId, cancellationToken)).RefuseIfClosed(Messages.PlanChanges);
        if (await db.QuerySingleOrDefaultAsync<Guid?>(OfPlan, new { id = command.Id, actionPlanId = command.ActionPlanId }, cancellationToken) is null)
            throw new NotFoundException(Messages.RecordObjectiveOfPlan, command.Id);
        var changed = await db.ExecuteAsync(Update, ObjectiveWrites.Row(command.Id, command, new { expectedVersion = command.ExpectedVersion }), cancellationToken);
        var version = await db.NextVersionAsync(changed, "objectives", Messages.RecordObjective, command.Id, command.ExpectedVersion, cancellationToken);
        await ObjectiveWrites.UnlinkAsync(db, command.Id, cancellationToken);
        await ObjectiveWrites.LinkAsync(db, command.Id, command, cancellationToken);
        return version;
    }
}
