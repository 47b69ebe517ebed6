using System.Security.Claims;
using System.Text.Encodings.Web;
using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Integrity.Api.Identity;

/// <summary>
/// Authenticates <c>Authorization: Bearer itg_…</c>: a donor's read-only API token that is neither
/// revoked nor expired. The caller becomes that donor, scoped to the programmes it funds.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    Database database, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>The token's id: what its requests are counted by (<see cref="ReportQuota"/>).</summary>
    public const string TokenIdClaim = "token";

    private const string Lookup = """
        SELECT t.id, t.name, t.donor_id, d.code AS donor_code
        FROM api_tokens t JOIN donors d ON d.id = t.donor_id
        WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND t.expires_at > @now
        """;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } token || !token.StartsWith(ApiTokens.Prefix, StringComparison.Ordinal))
            return AuthenticateResult.NoResult();
        await using var connection = await database.OpenAsync(Context.RequestAborted);
        var found = await connection.QuerySingleOrDefaultAsync<TokenRow>(new CommandDefinition(Lookup,
            new { hash = ApiTokens.Hash(token), now = clock.GetUtcNow() }, cancellationToken: Context.RequestAborted));
        if (found is null)
            return AuthenticateResult.Fail("This API token is unknown, revoked or expired. Ask an administrator for a new one.");
        var identity = new ClaimsIdentity([
            new Claim(ClaimTypes.Name, $"token {found.Name} ({found.DonorCode})"),
            new Claim(ClaimTypes.Role, Role.Donor.Name()),
            new Claim(Caller.DonorClaim, found.DonorId.ToString()),
            new Claim(TokenIdClaim, found.Id.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    public static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private sealed record TokenRow
    {
        public required Guid Id { get; init; }
        public required string Name { get; init; }
        public required Guid DonorId { get; init; }
        public required string DonorCode { get; init; }
    }
}
