using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>A command about one action plan (or what lies beneath it): the plan's scope decides who may send it.</summary>
public interface IActionPlanCommand
{
    Guid ActionPlanId { get; }
}

/// <summary>A change to a plan's own row: the plan's id and the version read (If-Match) come from the request, not the body.</summary>
public abstract record ActionPlanChange : IActionPlanCommand, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
    Guid IActionPlanCommand.ActionPlanId => Id;
}

/// <summary>A command about one action: the scope of its plan decides who may send it.</summary>
public interface IActionCommand
{
    Guid ActionId { get; }
}

/// <summary>
/// Who works on action plans: administrators, and coordinators whose scope covers the plan's programme or
/// its administration, for reading and writing alike. Trainers have no access: a plan is the
/// administration's own management document, naming the people who own each action, and nothing in
/// delivering a workshop needs it. Donors get aggregates in reports, never a plan's details.
/// </summary>
public static class ActionPlanScope
{
    /// <summary>The scope condition on an <c>action_plans</c> row of the given alias (null: unrestricted).</summary>
    public static string? Of(Caller caller, string alias) => caller.Role switch
    {
        Role.Administrator => null,
        Role.Coordinator => $"({Scope.Programmes(caller, $"{alias}.programme_id")} OR {Scope.Administrations(caller, $"{alias}.administration_id")})",
        _ => "1 = 0",
    };

    private const string PlanById = "SELECT ap.id FROM action_plans ap WHERE ap.id = @id";
    private const string ActionById = "SELECT a.id FROM actions a JOIN action_plans ap ON ap.id = a.action_plan_id WHERE a.id = @id";

    /// <summary>Whether the plan exists and lies in the caller's scope.</summary>
    public static Task<bool> CoversPlanAsync(DbSession db, Caller caller, Guid actionPlanId, CancellationToken cancellationToken) =>
        FindsAsync(db, caller, PlanById, actionPlanId, cancellationToken);

    /// <summary>Whether the action exists and its plan lies in the caller's scope.</summary>
    public static Task<bool> CoversActionAsync(DbSession db, Caller caller, Guid actionId, CancellationToken cancellationToken) =>
        FindsAsync(db, caller, ActionById, actionId, cancellationToken);

    /// <summary>Allowed for administrators, and for coordinators when the record is in scope; 404 when it is not; 403 for other roles.</summary>
    public static ValueTask<Access> CheckAsync(Caller caller, Func<Task<bool>> covers) =>
        ScopedAccess.CheckAsync(caller, [Role.Coordinator], covers);

    private static async Task<bool> FindsAsync(DbSession db, Caller caller, string find, Guid id, CancellationToken cancellationToken) =>
        (await db.QueryAsync<Guid>($"{find}{Scope.And(Of(caller, "ap"))}", Scope.Parameters(caller, new { id }), cancellationToken)).Count == 1;
}

/// <summary>Keeping a plan and what lies beneath it: administrators, and coordinators whose scope covers it.</summary>
public abstract class ActionPlanKeepers<TCommand>(DbSession db) : IAccessRule<TCommand> where TCommand : IActionPlanCommand
{
    public ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken) =>
        ActionPlanScope.CheckAsync(caller, () => ActionPlanScope.CoversPlanAsync(db, caller, command.ActionPlanId, cancellationToken));
}

/// <summary>Keeping an action and its progress: administrators, and coordinators whose scope covers its plan.</summary>
public abstract class ActionKeepers<TCommand>(DbSession db) : IAccessRule<TCommand> where TCommand : IActionCommand
{
    public ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken) =>
        ActionPlanScope.CheckAsync(caller, () => ActionPlanScope.CoversActionAsync(db, caller, command.ActionId, cancellationToken));
}

/// <summary>A plan's status and period, as the commands beneath it check them.</summary>
internal sealed record PlanState
{
    public required Guid Id { get; init; }
    public required ActionPlanStatus Status { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }

    private static readonly string Select =
        $"SELECT id, {DbEnum.Column("status", "status")}, starts_on, ends_on FROM action_plans WHERE id = @id";

    public static async Task<PlanState> LoadAsync(DbSession db, Guid actionPlanId, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<PlanState>(Select, new { id = actionPlanId }, cancellationToken)
        ?? throw new NotFoundException(Messages.RecordActionPlan, actionPlanId);

    /// <summary>A closed plan is final: 409 for anything that would change what it holds.</summary>
    /// <param name="change">What it would take, from the catalogue: <c>Messages.PlanNewActions</c>.</param>
    public PlanState RefuseIfClosed(string change) => Status == ActionPlanStatus.Closed
        ? throw new ConflictException(Messages.PlanClosed.With(change))
        : this;

    public bool Holds(DateOnly? day) => day >= StartsOn && day <= EndsOn;

    public string Period => $"{StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd}";
}
