using System.Net;
using System.Threading.RateLimiting;
using Integrity.Api.Features.Users;

namespace Integrity.Api.Http;

/// <summary>
/// Failed sign-ins slow down the e-mail and client address that made them, not the account: a token
/// bucket per (e-mail, address) lets <c>RateLimits:SignInFailuresBeforeBackOff</c> (default 5) failures
/// through, then one more per <c>RateLimits:SignInBackOffMinutes</c> (default 1). A stranger elsewhere
/// therefore cannot lock an administrator out, and unknown e-mails are slowed exactly like known ones.
/// The buckets are the count of failures per key; idle ones are dropped, so memory stays bounded. They are this
/// instance's alone: another instance behind the same load balancer counts its own failures.
/// </summary>
public sealed class SignInBackOff : IDisposable
{
    private readonly TimeSpan period;
    private readonly PartitionedRateLimiter<string> failures;

    public SignInBackOff(IConfiguration configuration)
    {
        period = TimeSpan.FromMinutes(configuration.GetValue("RateLimits:SignInBackOffMinutes", 1.0));
        // Read once: every key's bucket is alike.
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = configuration.GetValue("RateLimits:SignInFailuresBeforeBackOff", 5),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => bucket));
    }

    // Before validation: a missing e-mail (JSON null) is refused by the validator, not here.
    public static string Key(string? email, IPAddress? address) => $"{UserAccount.Normalise(email ?? "")}\n{address}";

    /// <summary>How long the key must wait before its next attempt (at most a period), or null when it may try now.</summary>
    public TimeSpan? Wait(string key) =>
        // Whole tokens: the bucket refills continuously, so a fraction of one is not yet an attempt.
        failures.GetStatistics(key)?.CurrentAvailablePermits < 1 ? period : null;

    public void Failed(string key) => failures.AttemptAcquire(key).Dispose();

    public void Dispose() => failures.Dispose();
}
