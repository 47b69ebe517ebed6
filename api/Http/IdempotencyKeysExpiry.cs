using Dapper;
using Integrity.Api.Data;

namespace Integrity.Api.Http;

/// <summary>
/// Forgets Idempotency-Keys older than <c>Idempotency:KeepHours</c> (default 24), once an hour: a retry comes within
/// minutes, and a kept answer may hold a secret (an API token, encrypted) that should not stay replayable for ever.
/// After that, the same key is a new request. Every instance wakes hourly; the one holding the job's lease does the work.
/// </summary>
public sealed class IdempotencyKeysExpiry(Database database, JobLeases leases, TimeProvider clock, IConfiguration configuration,
    ILogger<IdempotencyKeysExpiry> logger) : BackgroundService
{
    public const string Job = "forget-idempotency-keys";
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    private const string Forget = "DELETE FROM idempotent_requests WHERE created_at < @cutoff";

    private TimeSpan KeepFor => TimeSpan.FromHours(configuration.GetValue("Idempotency:KeepHours", 24.0));

    /// <summary>Deletes the keys older than the keeping time; answers how many.</summary>
    public async Task<int> ForgetOldKeysAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Forget, new { cutoff = clock.GetUtcNow() - KeepFor }, cancellationToken: cancellationToken));
    }

    /// <summary>This hour's turn: forgets the old keys if this instance holds the lease; null when another instance does.</summary>
    public async Task<int?> TakeTurnAsync(CancellationToken cancellationToken) =>
        await leases.TryTakeAsync(Job, Period, cancellationToken) ? await ForgetOldKeysAsync(cancellationToken) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var hourly = new PeriodicTimer(Period, clock);
        do
        {
            try
            {
                var forgotten = await TakeTurnAsync(stoppingToken);
                if (forgotten > 0) logger.LogInformation("Forgot {Count} Idempotency-Keys older than {Hours} hours.", forgotten, KeepFor.TotalHours);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be down for a while; the next hour tries again.
                logger.LogWarning(exception, "Could not forget old Idempotency-Keys; trying again in an hour.");
            }
        } while (await hourly.WaitForNextTickAsync(stoppingToken));
    }
}
