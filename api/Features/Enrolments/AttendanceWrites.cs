using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;

namespace Integrity.Api.Features.Enrolments;

/// <summary>What taking attendance and importing a sheet's marks share: when a session takes attendance, and how it is written.</summary>
internal static class AttendanceWrites
{
    private const string Forget = "DELETE FROM attendance WHERE session_id = @sessionId AND {0}";

    /// <summary>A cancelled workshop takes no attendance; a planned one from the session's day on, a held one at any time.</summary>
    public static bool TakesAttendance(string workshopStatus, DateOnly heldOn, DateOnly today) =>
        workshopStatus != DbEnum.Name(WorkshopStatus.Cancelled) && (workshopStatus != DbEnum.Name(WorkshopStatus.Planned) || today >= heldOn);

    /// <summary>Sets each participant's status at the session, replacing what was recorded for them and leaving the others'.</summary>
    public static async Task RecordAsync(DbSession db, Guid sessionId, IReadOnlyCollection<(Guid ParticipantId, AttendanceStatus Status)> entries,
        CancellationToken cancellationToken)
    {
        if (entries.Count == 0) return;
        await db.ExecuteAsync(string.Format(Forget, db.Dialect.InIds("participant_id", "ids")),
            new { sessionId, ids = db.Dialect.Ids(entries.Select(entry => entry.ParticipantId)) }, cancellationToken);
        await ManyRows.InsertAsync(db, "attendance", entries.Select(entry => new Dictionary<string, object?>
        {
            ["session_id"] = sessionId,
            ["participant_id"] = entry.ParticipantId,
            ["status"] = DbEnum.Name(entry.Status),
        }).ToList(), cancellationToken);
    }
}
