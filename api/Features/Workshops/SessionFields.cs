using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Workshops;

/// <summary>What planning and moving a session both send.</summary>
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
        RuleFor(x => x.TrainerIds).NotEmpty().WithMessage(_ => Messages.AtLeastOneTrainer)
            .Must(ids => ids.Distinct().Count() == ids.Count).WithMessage(_ => Messages.TrainerTwice);
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
                       ?? throw new NotFoundException(Messages.RecordWorkshop, session.WorkshopId);
        if (workshop.Status == DbEnum.Name(WorkshopStatus.Cancelled))
            throw new ConflictException(Messages.WorkshopCancelledNoSessions);
        var failures = new List<ValidationFailure>();
        if (session.HeldOn < workshop.StartsOn || session.HeldOn > workshop.EndsOn)
            failures.Add(new ValidationFailure(nameof(ISessionFields.HeldOn),
                Messages.SessionWithinWorkshop.With(workshop.StartsOn, workshop.EndsOn)));
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
