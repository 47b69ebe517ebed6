namespace Integrity.Api.Features;

/// <summary>What a create command answers: the new record's id and its first version (its ETag).</summary>
public sealed record RecordCreated(Guid Id, int Version) : Pipeline.ICreatesRecord;
