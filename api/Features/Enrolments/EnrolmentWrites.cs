using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Features.Participants;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Enrolments;

/// <summary>What enrolling one person and importing a sheet share: the workshop must take participants, and the row.</summary>
internal static class EnrolmentWrites
{
    private const string Workshop = "SELECT status, host_administration_id FROM workshops WHERE id = @workshopId";

    /// <summary>The workshop, unless it is missing (404) or cancelled (409).</summary>
    public static async Task<OpenWorkshop> RequireOpenAsync(DbSession db, Guid workshopId, CancellationToken cancellationToken)
    {
        var workshop = await db.QuerySingleOrDefaultAsync<OpenWorkshop>(Workshop, new { workshopId }, cancellationToken)
                       ?? throw new NotFoundException(Messages.RecordWorkshop, workshopId);
        if (workshop.Status == DbEnum.Name(WorkshopStatus.Cancelled))
            throw new ConflictException(Messages.WorkshopCancelledNoParticipants);
        return workshop;
    }

    /// <summary>The enrolments row of a new participant of a workshop: no scores yet, not completed.</summary>
    public static Dictionary<string, object?> Row(Guid workshopId, Guid participantId) => new()
    {
        ["workshop_id"] = workshopId,
        ["participant_id"] = participantId,
        ["completed"] = false,
        ["version"] = 1,
    };

    public sealed record OpenWorkshop
    {
        public required string Status { get; init; }
        public required Guid HostAdministrationId { get; init; }
    }
}
