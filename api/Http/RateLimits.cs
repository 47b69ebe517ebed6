using System.Globalization;
using System.Threading.RateLimiting;
using Integrity.Api.Features.Auth;
using Integrity.Api.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Integrity.Api.Http;

/// <summary>
/// Sign-in attempts per client address and minute (<c>RateLimits:SignInPerMinute</c>, default 10), on top of
/// the back-off of failed sign-ins per e-mail and address (<see cref="SignInBackOff"/>); reports and exports per API token
/// or account (<see cref="ReportQuota"/>). A refusal is a 429 problem with Retry-After, not the limiter's default 503.
/// Every limit is counted in memory, by each instance on its own: nothing is shared through the database, which the limits
/// exist to spare. Behind a load balancer that spreads a caller over N instances, up to N times a limit gets through.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddIntegrityRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInsPerMinute = configuration.GetValue("RateLimits:SignInPerMinute", 10);
        var reports = new ReportQuota(configuration.GetValue("RateLimits:ReportsPerMinute", 60));
        services.AddSingleton<SignInBackOff>();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var reportsWait = reports.RetryAfter(context.HttpContext);
                var retryAfter = reportsWait ?? (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1));
                var seconds = Math.Ceiling(retryAfter.TotalSeconds);
                context.HttpContext.Response.Headers.RetryAfter = ((int)seconds).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = Messages.TitleTooManyRequests,
                        Detail = reportsWait is null ? Messages.TooManyRequests.With(seconds) : Messages.TooManyReports.With(reports.PerMinute, seconds),
                    },
                });
            };
            options.AddPolicy(AuthEndpoints.SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(ReportQuota.PolicyName, reports);
        });
    }
}
