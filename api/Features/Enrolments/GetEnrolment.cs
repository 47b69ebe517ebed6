using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Enrolments;

/// <summary>One participant of a workshop.</summary>
public sealed record GetEnrolment(Guid WorkshopId, Guid ParticipantId) : IQuery<Enrolment>;

public sealed class GetEnrolmentHandler(DbSession db, Caller caller) : IQueryHandler<GetEnrolment, Enrolment>
{
    public async ValueTask<Enrolment> Handle(GetEnrolment query, CancellationToken cancellationToken)
    {
        if (!await WorkshopScope.CoversAsync(db, caller, query.WorkshopId, cancellationToken))
            throw new NotFoundException(Messages.RecordWorkshop, query.WorkshopId);
        var enrolment = await db.QuerySingleOrDefaultAsync<Enrolment>($"{Enrolment.Select} WHERE e.workshop_id = @workshopId AND e.participant_id = @participantId",
            new { workshopId = query.WorkshopId, participantId = query.ParticipantId }, cancellationToken)
            ?? throw new NotFoundException(Messages.RecordParticipantOfWorkshop, query.ParticipantId);
        return (await Enrolment.WithAttendanceAsync(db, query.WorkshopId, [enrolment], cancellationToken))[0];
    }
}
