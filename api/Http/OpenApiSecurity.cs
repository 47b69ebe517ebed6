using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integrity.Api.Http;

/// <summary>
/// The three ways in (<see cref="Identity.AuthenticationSetup"/>) as OpenAPI security schemes, and on every operation the
/// ones that can carry a caller it lets in, read from the endpoint's own authorization metadata: a donor's API token only
/// where donors are let in, the session cookie and an identity provider's JWT wherever anyone signed in is; a public
/// endpoint says <c>security: []</c>. Swagger UI's Authorize button offers the schemes, so a donor can try the API with a token.
/// </summary>
public static class OpenApiSecurity
{
    public const string ApiToken = "apiToken";
    public const string IdentityProvider = "identityProvider";
    public const string Session = "session";

    public static void AddIntegritySecurity(this SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(ApiToken, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "itg_…",
            Description = "A donor's read-only API token, `itg_…`, which an administrator issues (`POST /api/v1/api-tokens`) and " +
                          "which is shown once. Paste the token alone: Swagger UI adds `Bearer `. It reads what the donor's " +
                          "programmes report, aggregates only.",
        });
        options.AddSecurityDefinition(IdentityProvider, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the organisation's identity provider, accepted only where `Authentication:Jwt:Authority` " +
                          "is set; its role claim (administrator, coordinator, trainer or donor) decides what it may call.",
        });
        options.AddSecurityDefinition(Session, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = Identity.AuthenticationSetup.SessionCookie,
            Description = "The session the client holds after `POST /api/v1/auth/sign-in`: an HttpOnly cookie the browser sends by " +
                          "itself, so in Swagger UI sign in with that operation first rather than pasting it here.",
        });
        options.OperationFilter<OperationSecurity>();
    }

    /// <summary>The schemes that can carry a caller the endpoint lets in; none for a public endpoint.</summary>
    private sealed class OperationSecurity(IOptions<AuthorizationOptions> authorization) : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [];
                operation.Description += " Public: needs no credentials.";
                return;
            }
            string[] schemes = LetsDonorsIn(metadata.OfType<IAuthorizeData>().ToList()) ? [ApiToken, IdentityProvider, Session] : [IdentityProvider, Session];
            operation.Security = schemes
                .Select(scheme => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] })
                .ToList();
        }

        /// <summary>
        /// An API token always speaks for a donor: it can call an endpoint whose policies and roles all accept donors
        /// (an endpoint naming none falls back to any signed-in caller).
        /// </summary>
        private bool LetsDonorsIn(IReadOnlyList<IAuthorizeData> rules)
        {
            var donor = Role.Donor.Name();
            var policies = rules.Where(rule => !string.IsNullOrWhiteSpace(rule.Policy))
                .Select(rule => authorization.Value.GetPolicy(rule.Policy!)
                                ?? throw new InvalidOperationException($"An endpoint names the unknown policy '{rule.Policy}'."));
            var roleLists = policies.SelectMany(policy => policy.Requirements.OfType<RolesAuthorizationRequirement>())
                .Select(requirement => requirement.AllowedRoles)
                .Concat(rules.Where(rule => !string.IsNullOrWhiteSpace(rule.Roles))
                    .Select(rule => rule.Roles!.Split(',', StringSplitOptions.TrimEntries)));
            return roleLists.All(roles => roles.Contains(donor));
        }
    }
}
