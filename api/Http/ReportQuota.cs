using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Integrity.Api.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Integrity.Api.Http;

/// <summary>
/// Reports and exports per caller and minute (<c>RateLimits:ReportsPerMinute</c>, default 60): one report can cost seconds
/// of server time, so one script cannot take the server for everyone. Each API token counts on its own, and each signed-in
/// account (donors and staff alike: a report costs the same whoever asks, and 60 a minute is far more than a person
/// clicking through screens asks for); an identity provider's token without an account here counts by its name. Built on
/// ASP.NET Core's fixed-window limiter; what it leaves unsaid, the quota left and when it renews, is told in the IETF
/// RateLimit fields (draft-ietf-httpapi-ratelimit-headers, the -10 form: <c>RateLimit-Policy: "reports";q=60;w=60</c> and
/// <c>RateLimit: "reports";r=59;t=42</c>) on every answer the policy covers, 429 included. The counts live in this process:
/// with several instances each counts its own (see the README's "Running more than one instance").
/// </summary>
public sealed class ReportQuota : IRateLimiterPolicy<string>
{
    public const string PolicyName = "reports";

    /// <summary>What the endpoints' OpenAPI descriptions say about it.</summary>
    public const string Described =
        "Rate limit: at most `RateLimits:ReportsPerMinute` (default 60) report and export requests a minute per API token or " +
        "signed-in account, 304 answers included; every answer says how many are left (`RateLimit-Policy: \"reports\";q=60;w=60`, " +
        "`RateLimit: \"reports\";r=<left>;t=<seconds until the count renews>`, the IETF draft's fields), and one more is a 429 " +
        "problem with `Retry-After` (seconds): wait that long, then try again. Each API instance counts the requests it serves: " +
        "behind a load balancer, a caller's requests spread over several instances may add up to more.\n\n";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly int perMinute;
    // The limiter each caller's requests count against, as the rate limiter made it (it makes a new one once an idle one is dropped).
    private readonly ConcurrentDictionary<string, Count> counts = new();

    public ReportQuota(int perMinute) => this.perMinute = perMinute;

    /// <summary>The 429 is written by the rate limiter's shared OnRejected, which asks <see cref="RetryAfter"/>.</summary>
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext http)
    {
        var key = KeyOf(http.User);
        http.Items[typeof(ReportQuota)] = key;
        http.Response.OnStarting(() =>
        {
            Tell(http.Response, key);
            return Task.CompletedTask;
        });
        return RateLimitPartition.Get(key, Start);
    }

    /// <summary>How long until the request's caller may ask again; null when this policy does not cover the request.</summary>
    public TimeSpan? RetryAfter(HttpContext http) =>
        http.Items[typeof(ReportQuota)] is string key && counts.TryGetValue(key, out var count) ? count.RenewsIn() : null;

    public int PerMinute => perMinute;

    private static string KeyOf(ClaimsPrincipal user) =>
        user.FindFirstValue(ApiTokenAuthentication.TokenIdClaim) is { } token ? $"token {token}"
        : user.FindFirstValue(Caller.UserIdClaim) is { } account ? $"account {account}"
        : $"name {user.Identity?.Name}";

    private FixedWindowRateLimiter Start(string key)
    {
        var limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute, Window = Window, QueueLimit = 0, AutoReplenishment = true,
        });
        counts[key] = new Count(limiter, Stopwatch.GetTimestamp());
        return limiter;
    }

    private void Tell(HttpResponse response, string key)
    {
        if (!counts.TryGetValue(key, out var count)) return;
        long left;
        TimeSpan renewsIn;
        try
        {
            left = count.Limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;
            renewsIn = count.RenewsIn();
        }
        catch (ObjectDisposedException)
        {
            // The rate limiter drops a caller's limiter idle past a renewal, which a report of over a minute outlasts: the
            // caller's next request starts a new window with the whole quota.
            (left, renewsIn) = (perMinute, Window);
        }
        response.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{PolicyName}\";q={perMinute};w={(int)Window.TotalSeconds}");
        response.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture,
            $"\"{PolicyName}\";r={Math.Max(left, 0)};t={(int)Math.Ceiling(renewsIn.TotalSeconds)}");
    }

    /// <summary>A caller's limiter and when it was made: its window renews every minute from then (it auto-replenishes on a timer started with it).</summary>
    private sealed record Count(FixedWindowRateLimiter Limiter, long StartedAt)
    {
        public TimeSpan RenewsIn()
        {
            var into = Stopwatch.GetElapsedTime(StartedAt).Ticks % Window.Ticks;
            return TimeSpan.FromTicks(Math.Max(Window.Ticks - into, TimeSpan.TicksPerSecond));
        }
    }
}
