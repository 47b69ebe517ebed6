using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>
/// A plan's new title and period. Its programme and administration stay; its status moves through
/// AdoptActionPlan and ChangeActionPlanStatus. The new period must still hold every action's dates.
/// </summary>
public sealed record UpdateActionPlan(string Title, [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn)
    : ActionPlanChange, ICommand<int>, IActionPlanFields;

public sealed class UpdateActionPlanValidator : ActionPlanFieldsValidator<UpdateActionPlan>;

public sealed class UpdateActionPlanAccess(DbSession db) : ActionPlanKeepers<UpdateActionPlan>(db);

public sealed class UpdateActionPlanHandler(DbSession db) : ICommandHandler<UpdateActionPlan, int>
{
    private const string ActionsOutside = "SELECT count(*) FROM actions WHERE action_plan_id = @id AND (starts_on < @startsOn OR due_on > @endsOn)";
    private const string Update = """
        UPDATE action_plans SET title = @title, starts_on = @startsOn, ends_on = @endsOn, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateActionPlan command, CancellationToken cancellationToken)
    {
        (await PlanState.LoadAsync(db, command.Id, cancellationToken)).RefuseIfClosed(Messages.PlanChanges);
        var row = new { id = command.Id, title = command.Title.Trim(), startsOn = command.StartsOn, endsOn = command.EndsOn, expectedVersion = command.ExpectedVersion };
        if (await db.QuerySingleOrDefaultAsync<long>(ActionsOutside, row, cancellationToken) > 0)
            throw new ConflictException(Messages.ActionsOutsidePeriod);
        var changed = await db.ExecuteAsync(Update, row, cancellationToken);
        return await db.NextVersionAsync(changed, "action_plans", Messages.RecordActionPlan, command.Id, command.ExpectedVersion, cancellationToken);
    }
}
