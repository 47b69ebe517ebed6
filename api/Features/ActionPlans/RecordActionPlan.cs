using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>An administration's integrity action plan under a programme, recorded as a draft.</summary>
/// <param name="ProgrammeId">The programme it belongs to; the programme must cover the administration.</param>
/// <param name="AdministrationId">The customs administration whose plan it is.</param>
/// <param name="Title">E.g. <c>Integrity action plan 2024–2026</c>.</param>
/// <param name="StartsOn">First day of the period it covers.</param>
/// <param name="EndsOn">Last day of its period; not before <c>startsOn</c>.</param>
public sealed record RecordActionPlan(
    [property: Required] Guid? ProgrammeId, [property: Required] Guid? AdministrationId, string Title,
    [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn)
    : ICommand<RecordCreated>, IActionPlanFields;

public sealed class RecordActionPlanValidator : ActionPlanFieldsValidator<RecordActionPlan>
{
    public RecordActionPlanValidator()
    {
        RuleFor(x => x.ProgrammeId).NotNull();
        RuleFor(x => x.AdministrationId).NotNull();
    }
}

/// <summary>
/// Administrators, and coordinators who would keep the plan once recorded: its programme must cover its administration,
/// and their scope one of the two (see <see cref="ActionPlanScope.Of"/>). For a coordinator, anything else is 404. Missing
/// ids pass here: they are the validator's to report, as a 400 that says which.
/// </summary>
public sealed class RecordActionPlanAccess(DbSession db) : IAccessRule<RecordActionPlan>
{
    private const string Placement = "SELECT pa.programme_id FROM programme_administrations pa WHERE pa.programme_id = @programmeId AND pa.administration_id = @administrationId";

    public ValueTask<Access> CheckAsync(RecordActionPlan command, Caller caller, CancellationToken cancellationToken) =>
        ActionPlanScope.CheckAsync(caller, () => KeepsAsync(command, caller, cancellationToken));

    private async Task<bool> KeepsAsync(RecordActionPlan command, Caller caller, CancellationToken cancellationToken)
    {
        if (command.ProgrammeId is null || command.AdministrationId is null) return true;
        var placed = await db.QueryAsync<Guid>($"{Placement}{Scope.And(ActionPlanScope.Of(caller, "pa"))}",
            Scope.Parameters(caller, new { programmeId = command.ProgrammeId, administrationId = command.AdministrationId }), cancellationToken);
        return placed.Count == 1;
    }
}

public sealed class RecordActionPlanHandler(DbSession db, Caller caller) : ICommandHandler<RecordActionPlan, RecordCreated>
{
    private const string Insert = """
        INSERT INTO action_plans (id, programme_id, administration_id, title, starts_on, ends_on, status, adopted_on, objective_count, version)
        VALUES (@id, @programmeId, @administrationId, @title, @startsOn, @endsOn, @status, NULL, 0, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RecordActionPlan command, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        // Both in the caller's scope, not one of them: a programme covering her administration does not open its other administrations' plans.
        await db.RequireUsableAsync(caller, RecordKind.Programme, command.ProgrammeId, nameof(command.ProgrammeId), failures, cancellationToken);
        await db.RequireUsableAsync(caller, RecordKind.Administration, command.AdministrationId, nameof(command.AdministrationId), failures, cancellationToken);
        if (failures.Count == 0)
            await db.RequireCoveredAsync(command.ProgrammeId!.Value, [command.AdministrationId!.Value], nameof(command.AdministrationId), failures, cancellationToken);
        if (failures.Count > 0) throw new ValidationException(failures);

        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new
        {
            id,
            programmeId = command.ProgrammeId,
            administrationId = command.AdministrationId,
            title = command.Title.Trim(),
            startsOn = command.StartsOn,
            endsOn = command.EndsOn,
            status = DbEnum.Name(ActionPlanStatus.Draft),
        }, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
