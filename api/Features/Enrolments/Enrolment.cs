namespace Integrity.Api.Features.Enrolments;

/// <summary>How a participant attended one session, best first: a merge keeps the better of two.</summary>
public enum AttendanceStatus { Present, Late, Excused, Absent }
