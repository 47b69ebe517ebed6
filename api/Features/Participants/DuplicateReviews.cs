using Integrity.Api.Data;
using Integrity.Api.Identity;

namespace Integrity.Api.Features.Participants;

/// <summary>
/// Pairs of likely duplicates across scopes, waiting for an administrator: a registration or correction that likely
/// matches someone the caller may not see is written, and the pair is raised here instead of being confirmed to her.
/// An administrator merges the pair (MergeParticipants) or dismisses it (DismissDuplicateReview).
/// </summary>
internal static class DuplicateReviews
{
    private static readonly string[] Columns = ["id", "participant_id", "candidate_id", "matched_on", "found_at", "dismissed_at"];
    private static readonly string[] Pair = ["participant_id", "candidate_id"];

    /// <summary>Raises each pair of <paramref name="participantId"/> with a hidden match; a pair already raised (or dismissed) stays as it is.</summary>
    public static async Task RaiseAsync(DbSession db, TimeProvider clock, Guid participantId,
        IReadOnlyDictionary<Guid, IReadOnlyList<DuplicateRule>> hiddenMatches, CancellationToken cancellationToken)
    {
        if (hiddenMatches.Count == 0) return;
        var insert = db.Dialect.InsertIfAbsent("duplicate_reviews", Columns, Pair);
        var foundAt = AuditTrail.Stored(clock.GetUtcNow());
        foreach (var (candidateId, rules) in hiddenMatches)
            await db.ExecuteAsync(insert, new Dapper.DynamicParameters(new Dictionary<string, object?>
            {
                ["id"] = Guid.CreateVersion7(), ["participant_id"] = participantId, ["candidate_id"] = candidateId,
                ["matched_on"] = string.Join(',', rules.Select(DbEnum.Name)), ["found_at"] = foundAt, ["dismissed_at"] = null,
            }), cancellationToken);
    }

    /// <summary>What a merge does to the pairs of the record it deletes: they are settled.</summary>
    public const string ForgetPairsOfDuplicate = "DELETE FROM duplicate_reviews WHERE participant_id = @duplicateId OR candidate_id = @duplicateId";
}
