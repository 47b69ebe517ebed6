namespace Integrity.Api.Features.Participants;

/// <summary>A participant's sex as recorded on the sheet; not_recorded when the sheet does not say.</summary>
public enum Sex { Female, Male, NotRecorded }

/// <summary>The branch of the customs administration a participant works in.</summary>
public enum Service { Operational, Support, Management }
