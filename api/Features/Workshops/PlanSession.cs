using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Workshops;

/// <summary>A session of a workshop: a module delivered on one of its days by one or more trainers.</summary>
/// <param name="ModuleId">The module delivered (GET /api/v1/modules).</param>
/// <param name="HeldOn">The day, within the workshop's dates.</param>
/// <param name="TrainerIds">Who delivers it (GET /api/v1/trainers); at least one.</param>
public sealed record PlanSession([property: Required] Guid? ModuleId, [property: Required] DateOnly? HeldOn, IReadOnlyList<Guid> TrainerIds)
    : ICommand<RecordCreated>, ISessionFields, IWorkshopCommand
{
    [JsonIgnore] public Guid WorkshopId { get; init; }
}

public interface ISessionFields
{
    Guid WorkshopId { get; }
    Guid? ModuleId { get; }
    DateOnly? HeldOn { get; }
    IReadOnlyList<Guid> TrainerIds { get; }
}

public class SessionFieldsValidator<T> : AbstractValidator<T> where T : ISessionFields
{
    public SessionFieldsValidator()
    {
        RuleFor(x => x.ModuleId).NotNull();
        RuleFor(x => x.HeldOn).NotNull();
        RuleFor(x => x.TrainerIds).NotEmpty().WithMessage("Name at least one trainer who delivers the session.")
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage("A trainer is listed twice.");
    }
}

public sealed class PlanSessionValidator : SessionFieldsValidator<PlanSession>;

public sealed class PlanSessionAccess(DbSession db) : WorkshopCoordinators<PlanSession>(db);

public sealed class PlanSessionPlaces(DbSession db) : WorkshopPlaces<PlanSession>(db);

public sealed class PlanSessionHandler(DbSession db, Caller caller) : ICommandHandler<PlanSession, RecordCreated>
{
    private const string Insert = "INSERT INTO sessions (id, workshop_id, module_id, held_on, version) VALUES (@id, @workshopId, @moduleId, @heldOn, 1)";

    public async ValueTask<RecordCreated> Handle(PlanSession command, CancellationToken cancellationToken)
    {
        await SessionWrites.CheckAsync(db, caller, command, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, workshopId = command.WorkshopId, moduleId = command.ModuleId, heldOn = command.HeldOn }, cancellationToken);
        await SessionWrites.AssignAsync(db, id, command.TrainerIds, cancellationToken);
        return new RecordCreated(id, 1);
    }
}

/// <summary>What planning and moving a session both check and record.</summary>
internal static class SessionWrites
{
    private const string Workshop = "SELECT starts_on, ends_on, status FROM workshops WHERE id = @workshopId";
    private const string Assign = "INSERT INTO session_trainers (session_id, trainer_id) VALUES (@sessionId, @trainerId)";
    private const string Unassign = "DELETE FROM session_trainers WHERE session_id = @sessionId";

    public static async Task CheckAsync(DbSession db, Caller caller, ISessionFields session, CancellationToken cancellationToken)
    {
        var workshop = await db.QuerySingleOrDefaultAsync<WorkshopDays>(Workshop, new { workshopId = session.WorkshopId }, cancellationToken)
                       ?? throw new NotFoundException("workshop", session.WorkshopId);
        if (workshop.Status == DbEnum.Name(WorkshopStatus.Cancelled))
            throw new ConflictException("This workshop is cancelled: it takes no sessions. Set it back to planned first if it will take place.");
        var failures = new List<ValidationFailure>();
        if (session.HeldOn < workshop.StartsOn || session.HeldOn > workshop.EndsOn)
            failures.Add(new ValidationFailure(nameof(ISessionFields.HeldOn),
                $"A session falls within its workshop, {workshop.StartsOn:yyyy-MM-dd} to {workshop.EndsOn:yyyy-MM-dd}."));
        await db.RequireUsableAsync(caller, RecordKind.Module, session.ModuleId, nameof(ISessionFields.ModuleId), failures, cancellationToken);
        // Only trainers the caller already sees: assigning one would otherwise open the trainer's record to her.
        await db.RequireUsableAsync(caller, RecordKind.Trainer, session.TrainerIds, nameof(ISessionFields.TrainerIds), failures, cancellationToken);
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    public static Task AssignAsync(DbSession db, Guid sessionId, IEnumerable<Guid> trainerIds, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Assign, trainerIds.Select(trainerId => new { sessionId, trainerId }).ToList(), cancellationToken);

    public static Task UnassignAsync(DbSession db, Guid sessionId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Unassign, new { sessionId }, cancellationToken);

    private sealed record WorkshopDays
    {
        public required DateOnly StartsOn { get; init; }
        public required DateOnly EndsOn { get; init; }
        public required string Status { get; init; }
    }
}
