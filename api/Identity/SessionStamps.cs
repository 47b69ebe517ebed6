using System.Security.Claims;
using Dapper;
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
            var database = context.HttpContext.RequestServices.GetRequiredService<Database>();
            await using var connection = await database.OpenAsync(context.HttpContext.RequestAborted);
            var current = await connection.QuerySingleOrDefaultAsync<string>(
                new CommandDefinition(Current, new { id }, cancellationToken: context.HttpContext.RequestAborted));
            if (current == stamp) return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(AuthenticationSetup.Cookie);
    }
}
