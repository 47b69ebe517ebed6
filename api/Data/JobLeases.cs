using Dapper;

namespace Integrity.Api.Data;

/// <summary>
/// A background job runs once across instances: where its lease is held. The lease is a row per job (holder, expiry)
/// taken with a conditional UPDATE, which every database applies to one writer of the row at a time, so of instances
/// racing for it exactly one wins. The holder keeps it by taking it again each period; once it lapses (its instance
/// stopped), the next instance to ask takes it over.
/// </summary>
public sealed class JobLeases(Database database, TimeProvider clock)
{
    private static readonly string[] Columns = ["job", "holder", "expires_at"];
    private static readonly string[] Key = ["job"];

    private const string Take = """
        UPDATE job_leases SET holder = @holder, expires_at = @expiresAt
        WHERE job = @job AND (holder = @holder OR expires_at <= @now)
        """;

    /// <summary>This process, as the leases it holds name it: the machine and process, for whoever reads the table.</summary>
    public string Holder { get; } = $"{Environment.MachineName} {Environment.ProcessId} {Guid.NewGuid():N}";

    /// <summary>Takes (or keeps) the job's lease for <paramref name="period"/>; false when another instance holds it.</summary>
    public async Task<bool> TryTakeAsync(string job, TimeSpan period, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        // The job's first lease starts as a row that has already lapsed; the UPDATE alone decides who holds it.
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.InsertIfAbsent("job_leases", Columns, Key),
            new { job, holder = Holder, expires_at = now }, cancellationToken: cancellationToken));
        var taken = await connection.ExecuteAsync(new CommandDefinition(Take,
            new { job, holder = Holder, expiresAt = now + period, now }, cancellationToken: cancellationToken));
        return taken == 1;
    }
}
