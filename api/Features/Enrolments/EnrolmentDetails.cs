using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Enrolments;

/// <summary>A participant of a workshop, with their scores, completion and attendance per session; <c>version</c> is also its ETag.</summary>
public sealed record Enrolment : Person
{
    public required Guid ParticipantId { get; init; }
    /// <summary>Score of the test before the workshop, 0 to 100.</summary>
    public decimal? PreTestScore { get; init; }
    /// <summary>Score of the test after the workshop, 0 to 100.</summary>
    public decimal? PostTestScore { get; init; }
    public required bool Completed { get; init; }
    /// <summary>One entry per session whose attendance was taken for this participant.</summary>
    public required IReadOnlyList<SessionAttendance> Attendance { get; init; } = [];
    public required int Version { get; init; }

    public static readonly string Select = $"""
        SELECT e.participant_id, {Columns}, e.pre_test_score, e.post_test_score, e.completed, e.version
        FROM enrolments e
        JOIN participants p ON p.id = e.participant_id
        JOIN administrations a ON a.id = p.administration_id
        """;

    private const string AttendanceOf = """
        SELECT at.participant_id, at.session_id, s.held_on, at.status
        FROM attendance at JOIN sessions s ON s.id = at.session_id
        WHERE s.workshop_id = @workshopId AND {0}
        ORDER BY s.held_on, s.id
        """;

    /// <summary>Adds their attendance to a page of enrolments: one query.</summary>
    public static async Task<IReadOnlyList<Enrolment>> WithAttendanceAsync(DbSession db, Guid workshopId, IReadOnlyList<Enrolment> enrolments, CancellationToken cancellationToken)
    {
        if (enrolments.Count == 0) return enrolments;
        var attendance = (await db.QueryAsync<SessionAttendance>(string.Format(AttendanceOf, db.Dialect.InIds("at.participant_id", "ids")),
            new { workshopId, ids = db.Dialect.Ids(enrolments.Select(e => e.ParticipantId)) }, cancellationToken)).ToLookup(a => a.ParticipantId);
        return enrolments.Select(enrolment => enrolment with { Attendance = attendance[enrolment.ParticipantId].ToList() }).ToList();
    }
}

/// <summary>How a participant attended one session.</summary>
public sealed record SessionAttendance
{
    [JsonIgnore] public Guid ParticipantId { get; init; }
    public required Guid SessionId { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required AttendanceStatus Status { get; init; }
}
