using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Integrity.Tests;

/// <summary>
/// An organisation's own identity provider (Entra ID, Keycloak): JWT bearer tokens with a role claim.
/// The provider here is a signing key this test makes; the API is told its issuer and keys directly
/// instead of fetching them from the authority's metadata.
/// </summary>
public sealed class IdentityProviderTests
{
    private const string Issuer = "https://idp.integrity.test/realms/customs";
    private const string Audience = "integrity-api";
    private readonly RsaSecurityKey providerKey = new(RSA.Create(2048)) { KeyId = "test-key" };

    private TestDatabase database = null!;
    private ApiFactory app = null!;
    private Guid programme;

    [OneTimeSetUp]
    public async Task Start()
    {
        database = TestDatabase.Sqlite();
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Jwt:Authority"] = Issuer,
            ["Authentication:Jwt:Audience"] = Audience,
            ["Authentication:Jwt:RoleClaim"] = "roles",
        };
        app = new ApiFactory(database, settings, services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(providerKey);
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        }));
        using var admin = await app.SignedInClientAsync();
        var donor = await admin.PostAsJsonAsync("/api/v1/donors", new { code = "IDP-DONOR", name = "Donor" });
        var donorId = (await donor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/v1/programmes", new { code = "IDP-P", name = "Programme", startsOn = "2024-01-01", endsOn = "2025-12-31", donorIds = new[] { donorId } });
        programme = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync("/api/v1/programmes", new { code = "IDP-Q", name = "Someone else's", startsOn = "2024-01-01", endsOn = "2025-12-31", donorIds = new[] { donorId } });
        await admin.PostAsJsonAsync("/api/v1/users", new { email = "focal.point@customs.test", displayName = "Focal Point", role = "coordinator", programmeIds = new[] { programme } });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    private string Token(string email, string? role, SecurityKey? key = null, DateTime? expires = null, string audience = Audience)
    {
        var claims = new Dictionary<string, object> { ["email"] = email };
        if (role is not null) claims["roles"] = role;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddHours(-1),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(key ?? providerKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private HttpClient With(string token)
    {
        var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Test]
    public async Task A_provider_token_for_a_known_account_gets_that_accounts_scope()
    {
        using var client = With(Token("Focal.Point@customs.test", "coordinator"));
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var programmes = await client.GetFromJsonAsync<JsonElement>("/api/v1/programmes");
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("coordinator"));
            Assert.That(me.GetProperty("programmeIds").EnumerateArray().Select(p => p.GetGuid()), Is.EqualTo(new[] { programme }));
            Assert.That(programmes.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()), Is.EqualTo(new[] { "IDP-P" }));
        });
    }

    [Test]
    public async Task The_role_comes_from_the_configured_claim()
    {
        using var administrator = With(Token("it.admin@customs.test", "administrator"));
        Assert.That((await administrator.GetFromJsonAsync<JsonElement>("/api/v1/programmes")).GetProperty("items").GetArrayLength(), Is.EqualTo(2));
        using var trainer = With(Token("focal.point@customs.test", "trainer"));
        Assert.That((await trainer.GetAsync("/api/v1/users")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Tokens_the_provider_did_not_sign_or_that_expired_or_name_no_role_are_refused()
    {
        using var forged = With(Token("it.admin@customs.test", "administrator", key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key" }));
        using var expired = With(Token("it.admin@customs.test", "administrator", expires: DateTime.UtcNow.AddMinutes(-10)));
        using var otherAudience = With(Token("it.admin@customs.test", "administrator", audience: "another-api"));
        using var noRole = With(Token("stranger@customs.test", role: null));
        Assert.Multiple(async () =>
        {
            Assert.That((await forged.GetAsync("/api/v1/programmes")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await expired.GetAsync("/api/v1/programmes")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await otherAudience.GetAsync("/api/v1/programmes")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That((await noRole.GetAsync("/api/v1/programmes")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Session_cookies_and_donor_tokens_still_work_beside_the_provider()
    {
        using var admin = await app.SignedInClientAsync();
        Assert.That((await admin.GetAsync("/api/v1/programmes")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
