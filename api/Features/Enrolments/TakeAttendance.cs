using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Enrolments;

/// <summary>
/// The attendance of many participants at one session, in one call. It sets the status of each participant
/// sent and leaves the others as they were, so two trainers may take it for different people at once.
/// </summary>
/// <param name="Entries">A status per participant enrolled in the workshop; each participant once.</param>
public sealed record TakeAttendance(IReadOnlyList<AttendanceEntry> Entries) : ICommand<Unit>, IWorkshopCommand, IChangesRecord
{
    [JsonIgnore] public Guid WorkshopId { get; init; }
    [JsonIgnore] public Guid SessionId { get; init; }
    Guid IChangesRecord.Id => SessionId;
}

/// <param name="ParticipantId">A participant enrolled in the workshop.</param>
/// <param name="Status">present, late, excused or absent.</param>
public sealed record AttendanceEntry([property: Required] Guid? ParticipantId, [property: Required] AttendanceStatus? Status);

public sealed class TakeAttendanceValidator : AbstractValidator<TakeAttendance>
{
    public const int MaxEntries = 1000;

    public TakeAttendanceValidator()
    {
        RuleFor(x => x.Entries).NotEmpty().WithMessage(_ => Messages.AtLeastOneEntry)
            .MaximumCount(MaxEntries).WithMessage(_ => Messages.AtMostEntries.With(MaxEntries));
        RuleForEach(x => x.Entries).ChildRules(entry =>
        {
            entry.RuleFor(x => x.ParticipantId).NotNull();
            entry.RuleFor(x => x.Status).NotNull().IsChoice();
        });
    }
}

public sealed class TakeAttendanceAccess(DbSession db) : WorkshopStaff<TakeAttendance>(db);

public sealed class TakeAttendancePlaces(DbSession db) : WorkshopPlaces<TakeAttendance>(db);

/// <summary>
/// A cancelled workshop takes no attendance; a planned one from the session's day on (a held one at any time).
/// Each entry must name a participant of the workshop, once.
/// </summary>
public sealed class TakeAttendanceHandler(DbSession db, TimeProvider clock) : ICommandHandler<TakeAttendance, Unit>
{
    private const string Session = """
        SELECT s.held_on, w.status FROM sessions s JOIN workshops w ON w.id = s.workshop_id
        WHERE s.id = @sessionId AND s.workshop_id = @workshopId
        """;

    private const string EnrolledAmong = "SELECT participant_id FROM enrolments WHERE workshop_id = @workshopId AND {0}";

    public async ValueTask<Unit> Handle(TakeAttendance command, CancellationToken cancellationToken)
    {
        var session = await db.QuerySingleOrDefaultAsync<SessionDay>(Session, new { sessionId = command.SessionId, workshopId = command.WorkshopId }, cancellationToken)
                      ?? throw new NotFoundException(Messages.RecordSessionOfWorkshop, command.SessionId);
        if (session.Status == DbEnum.Name(WorkshopStatus.Cancelled))
            throw new ConflictException(Messages.WorkshopCancelledNoAttendance);
        if (!AttendanceWrites.TakesAttendance(session.Status, session.HeldOn, Today.Of(clock)))
            throw new ConflictException(Messages.AttendanceBeforeSession.With(session.HeldOn));

        var ids = command.Entries.Select(entry => entry.ParticipantId!.Value).ToList();
        var enrolled = (await db.QueryAsync<Guid>(string.Format(EnrolledAmong, db.Dialect.InIds("participant_id", "ids")),
            new { workshopId = command.WorkshopId, ids = db.Dialect.Ids(ids.Distinct()) }, cancellationToken)).ToHashSet();
        var failures = new List<ValidationFailure>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            var field = $"{nameof(TakeAttendance.Entries)}[{i}].{nameof(AttendanceEntry.ParticipantId)}";
            if (!enrolled.Contains(ids[i]))
                failures.Add(new ValidationFailure(field, Messages.NotEnrolled.With(ids[i])));
            else if (!seen.Add(ids[i]))
                failures.Add(new ValidationFailure(field, Messages.ParticipantTwice.With(ids[i])));
        }
        if (failures.Count > 0) throw new ValidationException(failures);

        await AttendanceWrites.RecordAsync(db, command.SessionId,
            command.Entries.Select(entry => (entry.ParticipantId!.Value, entry.Status!.Value)).ToList(), cancellationToken);
        return Unit.Value;
    }

    private sealed record SessionDay
    {
        public required DateOnly HeldOn { get; init; }
        public required string Status { get; init; }
    }
}
