using System.Globalization;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integrity.Api.Features.Auth;

public static class AuthEndpoints
{
    public const string SignInRateLimit = "sign-in";

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in");

        auth.MapPost("/sign-in", SignInAsync)
            .WithName(nameof(SignIn))
            .AllowAnonymous()
            .RequireRateLimiting(SignInRateLimit)
            .WithSummary("Sign in with e-mail and password")
            .WithDescription("Starts a session: the answer sets an HttpOnly, SameSite=Strict session cookie that the client " +
                             "sends with every later call. After 5 failed sign-ins with one e-mail from one address, that e-mail and address may try once a minute (429 with " +
                             "Retry-After); an unknown e-mail is answered and slowed exactly like a wrong password.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        auth.MapPost("/sign-out", async (ISender sender, HttpContext context, CancellationToken ct) =>
            {
                // Only a signed-in account has sessions to end: an anonymous sign-out changes nothing, so it writes
                // no audit entry (a stranger could otherwise fill the trail).
                if (Caller.From(context.User).UserId is not null) await sender.Send(new SignOut(), ct);
                await context.SignOutAsync(AuthenticationSetup.Cookie);
                return TypedResults.NoContent();
            })
            .WithName("SignOut")
            .AllowAnonymous()
            .WithSummary("Sign out")
            .WithDescription("Ends the account's sessions (on every device) and removes the cookie. Harmless when there is no session.")
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        auth.MapGet("/me", (ISender sender, CancellationToken ct) => sender.Send(new GetMe(), ct))
            .WithName(nameof(GetMe))
            .RequireAuthorization(Policies.Readers)
            .WithSummary("Who am I")
            .WithDescription("The signed-in account, or the API token's donor: role and scope.")
            .ProducesAccessProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        return api;
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> SignInAsync(
        SignIn command, ISender sender, HttpContext context, SignInBackOff backOff, ILogger<SignIn> log, CancellationToken ct)
    {
        var address = context.Connection.RemoteIpAddress;
        var key = SignInBackOff.Key(command.Email, address);
        if (backOff.Wait(key) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: Messages.TitleTooManyFailedSignIns,
                detail: Messages.TooManyFailedSignIns.With(seconds));
        }
        SignInOutcome outcome;
        try
        {
            outcome = await sender.Send(command, ct);
        }
        catch (SignInRefusedException)
        {
            backOff.Failed(key);
            // Recorded in the log, not the audit trail: anyone can fail a sign-in, as often as the limits let them.
            log.LogWarning("Sign-in refused for {Email} from {Address}", UserAccountEmail(command), address);
            throw;
        }
        var principal = AuthenticationSetup.Principal(outcome.UserId, UserAccountEmail(command), outcome.Role, outcome.DonorId,
            AuthenticationSetup.Cookie, outcome.SessionStamp);
        await context.SignInAsync(AuthenticationSetup.Cookie, principal);
        context.User = principal;
        return TypedResults.Ok(await sender.Send(new GetMe(), ct));
    }

    private static string UserAccountEmail(SignIn command) => Users.UserAccount.Normalise(command.Email);
}
