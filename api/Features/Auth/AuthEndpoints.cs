using System.Globalization;
using Integrity.Api.Http;
using Integrity.Api.Identity;
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
                             "sends with every later call. After 5 wrong passwords in a row the account is locked for 15 minutes (429).")
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
        SignIn command, ISender sender, HttpContext context, TimeProvider clock, CancellationToken ct)
    {
        var outcome = await sender.Send(command, ct);
        switch (outcome.Result)
        {
            case SignInResult.SignedIn:
                var principal = AuthenticationSetup.Principal(outcome.UserId, UserAccountEmail(command), outcome.Role!.Value, outcome.DonorId,
                    AuthenticationSetup.Cookie, outcome.SessionStamp);
                await context.SignInAsync(AuthenticationSetup.Cookie, principal);
                context.User = principal;
                return TypedResults.Ok(await sender.Send(new GetMe(), ct));
            case SignInResult.LockedOut:
                var wait = outcome.LockedUntil!.Value - clock.GetUtcNow();
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Account locked",
                    detail: $"Too many wrong passwords: this account is locked until {outcome.LockedUntil:HH:mm} UTC. " +
                            "Try again then, or ask an administrator to reset your password.");
            default:
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                    detail: "The e-mail or the password is wrong. Check both and try again.");
        }
    }

    private static string UserAccountEmail(SignIn command) => Users.UserAccount.Normalise(command.Email);
}
