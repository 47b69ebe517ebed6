using Integrity.Api.Data;
using Integrity.Api.Identity;

namespace Integrity.Api.Features.Participants;

/// <summary>
/// Keeps the stored duplicate keys (normalised name, e-mail, staff number) computed the way <see cref="PersonKeys"/>
/// computes them now: on the first start after the folding changed, every participant's keys are recomputed once,
/// in one transaction, and the folding is listed in person_key_folds. SQL cannot apply NFKC and the look-alike
/// map itself, so a migration cannot do it.
/// </summary>
public static class PersonKeyFolds
{
    /// <summary>Name of the folding in force; give it a new name whenever <see cref="PersonKeys"/>, <see cref="PersonNames"/> or <see cref="LookAlikes"/> change what they give.</summary>
    public const string Current = "nfkc-cf-latin-lookalikes-1";

    private const string Applied = "SELECT count(*) FROM person_key_folds WHERE fold = @fold";
    private const string Stored = "SELECT id, family_name, given_names, normalised_name, email, staff_number FROM participants";
    private const string Refold = "UPDATE participants SET normalised_name = @normalisedName, email = @email, staff_number = @staffNumber WHERE id = @id";
    private const string Record = "INSERT INTO person_key_folds (fold, applied_at) VALUES (@fold, @appliedAt)";

    public static async Task ApplyAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbSession>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await db.BeginTransactionAsync(CancellationToken.None);
        if (await db.QuerySingleOrDefaultAsync<long>(Applied, new { fold = Current }, CancellationToken.None) > 0) return;
        var changed = (await db.QueryAsync<StoredKeys>(Stored, null, CancellationToken.None))
            .Select(stored => new
            {
                stored.Id,
                normalisedName = PersonNames.Normalise(stored.FamilyName, stored.GivenNames),
                email = PersonKeys.EmailOf(stored.Email),
                staffNumber = PersonKeys.StaffNumberOf(stored.StaffNumber),
                stored,
            })
            .Where(keys => keys.normalisedName != keys.stored.NormalisedName || keys.email != keys.stored.Email || keys.staffNumber != keys.stored.StaffNumber)
            .Select(keys => new { id = keys.Id, keys.normalisedName, keys.email, keys.staffNumber })
            .ToList();
        await db.ExecuteAsync(Refold, changed, CancellationToken.None);
        await db.ExecuteAsync(Record, new { fold = Current, appliedAt = AuditTrail.Stored(clock.GetUtcNow()) }, CancellationToken.None);
        await db.CommitAsync(CancellationToken.None);
    }

    private sealed record StoredKeys
    {
        public required Guid Id { get; init; }
        public required string FamilyName { get; init; }
        public required string GivenNames { get; init; }
        public required string NormalisedName { get; init; }
        public string? Email { get; init; }
        public string? StaffNumber { get; init; }
    }
}
