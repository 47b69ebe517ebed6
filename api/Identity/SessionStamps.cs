using System.Security.Claims;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Integrity.Api.Identity;

/// <summary>
/// A session cookie carries the account's session stamp. Signing out, or any change an administrator
/// makes to the account (role, scope, password), gives the account a new stamp, so every cookie issued
/// before stops working at its next request instead of living on for hours with an old role.
/// </summary>
public static class SessionStamps
{
    public const string Claim = "stamp";

    private const string Current = "SELECT session_stamp FROM users WHERE id = @id";

    public static string New() => Guid.NewGuid().ToString("N");

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(Claim);
        if (principal is not null && Guid.TryParse(principal.FindFirstValue(Caller.UserIdClaim), out var id) && stamp is not null)
        {
            // The request's own session: the endpoint then reuses this connection instead of opening a second.
            var db = context.HttpContext.RequestServices.GetRequiredService<DbSession>();
            var current = await db.QuerySingleOrDefaultAsync<string>(Current, new { id }, context.HttpContext.RequestAborted);
            if (current == stamp) return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AuthenticationSetup.Cookie);
    }
}
