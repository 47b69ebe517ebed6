using System.Security.Claims;
using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Integrity.Api.Identity;

/// <summary>
/// Three ways in: the client's session cookie (e-mail and password), a donor's API token, or — when an
/// organisation runs its own identity provider — an OpenID Connect / JWT bearer token.
/// </summary>
public static class AuthenticationSetup
{
    public const string Default = "Integrity";
    public const string Cookie = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string Jwt = JwtBearerDefaults.AuthenticationScheme;
    public const string SessionCookie = "integrity.session";

    public static IServiceCollection AddIntegrityAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var jwt = configuration.GetSection("Authentication:Jwt");
        var jwtEnabled = !string.IsNullOrWhiteSpace(jwt["Authority"]);

        var authentication = services.AddAuthentication(Default)
            .AddPolicyScheme(Default, "Session cookie, API token or JWT", options => options.ForwardDefaultSelector = context =>
                ApiTokenAuthentication.BearerToken(context.Request) switch
                {
                    null => Cookie,
                    var token when token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal) || !jwtEnabled => ApiTokenAuthentication.SchemeName,
                    _ => Jwt,
                })
            .AddCookie(Cookie, options =>
            {
                options.Cookie.Name = SessionCookie;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // An API answers 401/403 problems; it never redirects to a login page.
                options.Events.OnRedirectToLogin = context => SetStatus(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => SetStatus(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = SessionStamps.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);

        if (jwtEnabled)
            authentication.AddJwtBearer(Jwt, options =>
            {
                options.Authority = jwt["Authority"];
                options.Audience = jwt["Audience"];
                options.MapInboundClaims = false;
                options.Events = new JwtBearerEvents { OnTokenValidated = context => AsLocalCallerAsync(context, jwt) };
            });

        services.AddAuthorizationBuilder().AddIntegrityPolicies();
        return services;
    }

    private static Task SetStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    /// <summary>The claims a signed-in account carries; <see cref="Caller.From"/> reads them back.</summary>
    public static ClaimsPrincipal Principal(Guid? userId, string email, Role role, Guid? donorId, string scheme, string? sessionStamp = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, email), new(ClaimTypes.Role, role.Name()) };
        if (sessionStamp is not null) claims.Add(new Claim(SessionStamps.Claim, sessionStamp));
        if (userId is not null) claims.Add(new Claim(Caller.UserIdClaim, userId.Value.ToString()));
        if (donorId is not null) claims.Add(new Claim(Caller.DonorClaim, donorId.Value.ToString()));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private const string AccountByEmail = "SELECT id, role, donor_id FROM users WHERE email = @email";

    /// <summary>
    /// A JWT names a person by e-mail and, in the configured claim, a role. When an account with that
    /// e-mail exists here, its scope (programmes, administrations) applies, and its role if the token has none.
    /// </summary>
    private static async Task AsLocalCallerAsync(TokenValidatedContext context, IConfigurationSection jwt)
    {
        var token = context.Principal!;
        var email = token.FindFirstValue(jwt["EmailClaim"] ?? "email")?.Trim().ToLowerInvariant();
        if (email is null)
        {
            context.Fail("The token has no e-mail claim.");
            return;
        }
        var database = context.HttpContext.RequestServices.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(context.HttpContext.RequestAborted);
        var account = await connection.QuerySingleOrDefaultAsync<LocalAccount>(
            new CommandDefinition(AccountByEmail, new { email }, cancellationToken: context.HttpContext.RequestAborted));
        var roleName = token.FindFirstValue(jwt["RoleClaim"] ?? "roles") ?? account?.Role;
        if (!Roles.TryParse(roleName, out var role))
        {
            context.Fail("The token gives no role this API knows (administrator, coordinator, trainer, donor).");
            return;
        }
        context.Principal = Principal(account?.Id, email, role, account?.DonorId, Jwt);
    }

    private sealed record LocalAccount
    {
        public required Guid Id { get; init; }
        public required string Role { get; init; }
        public Guid? DonorId { get; init; }
    }
}
