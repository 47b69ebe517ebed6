using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integrity.Api.Features.Users;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Integrity.Tests;

/// <summary>E-mail and password sign-in: the session cookie, lockout, rate limit and the first administrator.</summary>
public sealed class SignInTests(string provider) : ApiOnEachDatabase(provider)
{
    private async Task<string> AddAccountAsync(string role = "coordinator", string password = "a-long-enough-password")
    {
        var email = $"{Guid.NewGuid():N}@integrity.test";
        await CreateAsync("/api/v1/users", new { email, displayName = "Test Person", role, password });
        return email;
    }

    private Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password });

    [Test]
    public async Task Signing_in_sets_an_HttpOnly_Secure_SameSite_Strict_cookie_and_answers_who_you_are()
    {
        var email = await AddAccountAsync();
        using var client = App.AnonymousClient();
        var response = await SignInAsync(client, email.ToUpperInvariant(), "a-long-enough-password");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("integrity.session=", StringComparison.Ordinal)).ToLowerInvariant();
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(cookie, Does.Contain("httponly").And.Contain("secure").And.Contain("samesite=strict"));
            Assert.That(me.GetProperty("name").GetString(), Is.EqualTo(email), "e-mail addresses are compared in lower case");
            Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("coordinator"));
            Assert.That(me.GetProperty("displayName").GetString(), Is.EqualTo("Test Person"));
        });
        Assert.That((await client.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie carries the session");

        Assert.That((await client.PostAsync("/api/v1/auth/sign-out", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ProblemAsync(await client.GetAsync("/api/v1/auth/me"), 401);
    }

    private async Task<string> SessionCookieAsync(string email, string password)
    {
        using var client = App.AnonymousClient();
        var response = await SignInAsync(client, email, password);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("integrity.session=", StringComparison.Ordinal)).Split(';')[0];
    }

    private async Task<HttpStatusCode> MeWithCookieAsync(string cookie)
    {
        using var client = App.Server.CreateClient();
        client.BaseAddress = new Uri("https://localhost");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", cookie);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Test]
    public async Task Signing_out_ends_the_session_even_for_a_copy_of_its_cookie()
    {
        var email = await AddAccountAsync();
        var cookie = await SessionCookieAsync(email, "a-long-enough-password");
        Assert.That(await MeWithCookieAsync(cookie), Is.EqualTo(HttpStatusCode.OK));

        using var signOut = App.Server.CreateClient();
        signOut.BaseAddress = new Uri("https://localhost");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/sign-out");
        request.Headers.Add("Cookie", cookie);
        Assert.That((await signOut.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        Assert.That(await MeWithCookieAsync(cookie), Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_administrators_change_to_an_account_ends_its_sessions()
    {
        var email = await AddAccountAsync();
        var cookie = await SessionCookieAsync(email, "a-long-enough-password");
        var account = (await GetJsonAsync("/api/v1/users?q=" + Uri.EscapeDataString(email))).GetProperty("items")[0];
        var demoted = await PutAsync($"/api/v1/users/{account.GetProperty("id").GetGuid()}",
            new { displayName = "Test Person", role = "trainer" }, $"\"{account.GetProperty("version").GetInt32()}\"");
        Assert.That(demoted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await MeWithCookieAsync(cookie), Is.EqualTo(HttpStatusCode.Unauthorized), "the coordinator cookie is gone");

        using var again = await App.SignedInClientAsync(email, "a-long-enough-password");
        Assert.That((await again.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("role").GetString(), Is.EqualTo("trainer"));
    }

    [Test]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var email = await AddAccountAsync();
        using var client = App.AnonymousClient();
        var wrongPassword = await ProblemAsync(await SignInAsync(client, email, "not-the-password"), 401);
        var unknownEmail = await ProblemAsync(await SignInAsync(client, "nobody@integrity.test", "not-the-password"), 401);
        Assert.That(wrongPassword.GetProperty("detail").GetString(), Is.EqualTo(unknownEmail.GetProperty("detail").GetString()));
        await ProblemAsync(await client.GetAsync("/api/v1/programmes"), 401);
    }

    [Test]
    public async Task Passwords_are_stored_only_as_Identity_hashes()
    {
        var email = await AddAccountAsync(password: "a-readable-password");
        var hash = (string?)await TestSql.ScalarAsync(App.Database, "SELECT password_hash FROM users WHERE email = @email", ("email", email));
        Assert.That(hash, Does.Not.Contain("a-readable-password"));
        Assert.That(Convert.FromBase64String(hash!)[0], Is.EqualTo(0x01), "ASP.NET Core Identity's v3 format (PBKDF2)");
    }

    [Test]
    public async Task Accounts_are_for_administrators_and_never_show_a_password_hash()
    {
        var email = await AddAccountAsync();
        var page = await GetJsonAsync("/api/v1/users?q=" + Uri.EscapeDataString(email));
        Assert.That(page.ToString(), Does.Not.Contain("passwordHash").And.Not.Contain("a-long-enough-password"));
        using var coordinator = await App.SignedInClientAsync(email, "a-long-enough-password");
        await ProblemAsync(await coordinator.GetAsync("/api/v1/users"), 403);
    }

    [Test]
    public async Task An_invalid_account_gets_field_errors()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/users",
            new { email = "not-an-email", displayName = "", role = "donor", password = "short" }), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.SupersetOf(new[] { "email", "displayName", "donorId", "password" }), errors.ToString());
    }
}

/// <summary>
/// Sign-in abuse, with the client's address taken from a test header and the password hasher counted:
/// failures slow an e-mail and address, not an account, and say nothing about which e-mails exist.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class SignInAbuseTests(string provider)
{
    private const string AddressHeader = "X-Test-Client-Address";
    private readonly CountingHasher hasher = new();
    private ApiFactory app = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        app = new ApiFactory(await Databases.CreateAsync(provider), services: services =>
        {
            services.AddSingleton<IPasswordHasher<UserAccount>>(hasher);
            services.AddSingleton<IStartupFilter, AddressFromHeader>();
        });
        admin = await app.SignedInClientAsync();
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        admin.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private async Task<HttpResponseMessage> SignInFromAsync(string address, string email, string password)
    {
        using var client = app.AnonymousClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password });
    }

    /// <summary>A problem's body, but for the trace id every answer has its own.</summary>
    private static async Task<string> WithoutTraceAsync(HttpResponseMessage response)
    {
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        problem.Remove("traceId");
        return problem.ToJsonString();
    }

    private async Task<long> AuditEntriesAsync() => Convert.ToInt64(await TestSql.ScalarAsync(app.Database, "SELECT count(*) FROM audit_entries"));

    [Test]
    public async Task An_unknown_email_is_checked_against_a_hash_like_a_known_one_and_answered_the_same()
    {
        var before = hasher.Verifications;
        var unknown = await SignInFromAsync("203.0.113.1", "nobody-here@integrity.test", "some-password-or-other");
        Assert.That(hasher.Verifications, Is.EqualTo(before + 1), "a password hash is checked for an unknown e-mail too, so it takes as long");
        var known = await SignInFromAsync("203.0.113.1", ApiFactory.AdminEmail, "some-password-or-other");
        Assert.That(hasher.Verifications, Is.EqualTo(before + 2));
        Assert.Multiple(async () =>
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(known.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await WithoutTraceAsync(unknown), Is.EqualTo(await WithoutTraceAsync(known)));
        });
    }

    [Test]
    public async Task A_stranger_failing_five_times_cannot_lock_an_administrator_out_from_elsewhere()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.That((await SignInFromAsync("198.51.100.7", ApiFactory.AdminEmail, "guess-" + attempt)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var slowed = await SignInFromAsync("198.51.100.7", ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        Assert.Multiple(() =>
        {
            Assert.That((int)slowed.StatusCode, Is.EqualTo(429), "the stranger's address is slowed for this e-mail");
            Assert.That(int.Parse(slowed.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1, 60));
        });
        Assert.That((await SignInFromAsync("192.0.2.10", ApiFactory.AdminEmail, ApiFactory.AdminPassword)).StatusCode, Is.EqualTo(HttpStatusCode.OK),
            "the administrator, from her own address, signs in");
    }

    [Test]
    public async Task Unknown_emails_are_slowed_exactly_like_known_ones()
    {
        async Task<string> SixthAnswerAsync(string address, string email)
        {
            for (var attempt = 1; attempt <= 5; attempt++) await SignInFromAsync(address, email, "guess-" + attempt);
            var sixth = await SignInFromAsync(address, email, "guess-6");
            return $"{(int)sixth.StatusCode} {sixth.Headers.RetryAfter} {await WithoutTraceAsync(sixth)}";
        }
        Assert.That(await SixthAnswerAsync("198.51.100.8", "no-account@integrity.test"), Is.EqualTo(await SixthAnswerAsync("198.51.100.9", ApiFactory.AdminEmail)));
    }

    [Test]
    public async Task Failed_sign_ins_write_nothing_to_the_audit_trail()
    {
        var before = await AuditEntriesAsync();
        for (var attempt = 0; attempt < 10; attempt++) await SignInFromAsync($"198.51.100.{100 + attempt}", $"flood-{attempt}@integrity.test", "whatever-it-is");
        Assert.That(await AuditEntriesAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Ten_anonymous_sign_outs_write_nothing()
    {
        var before = await AuditEntriesAsync();
        using var client = app.AnonymousClient();
        for (var attempt = 0; attempt < 10; attempt++)
            Assert.That((await client.PostAsync("/api/v1/auth/sign-out", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(await AuditEntriesAsync(), Is.EqualTo(before));
    }

    private sealed class CountingHasher : IPasswordHasher<UserAccount>
    {
        private readonly PasswordHasher<UserAccount> inner = new();
        private int verifications;

        public int Verifications => verifications;

        public string HashPassword(UserAccount user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    /// <summary>The in-memory server has no client address: the test names one.</summary>
    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader], out var address)) context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(builder);
        };
    }
}

public sealed class SignInRateLimitTests
{
    [Test]
    public async Task Too_many_sign_ins_from_one_address_get_429_with_Retry_After()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        using var client = app.AnonymousClient();
        for (var attempt = 0; attempt < 3; attempt++)
            Assert.That((await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "x@integrity.test", password = "whatever-it-is" })).StatusCode,
                Is.EqualTo(HttpStatusCode.Unauthorized));
        var refused = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
        Assert.Multiple(() =>
        {
            Assert.That((int)refused.StatusCode, Is.EqualTo(429));
            Assert.That(refused.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(refused.Headers.Contains("Retry-After"), Is.True);
        });
    }

    [Test]
    public async Task The_first_administrator_comes_from_configuration_only_while_there_are_no_accounts()
    {
        await using var database = TestDatabase.Sqlite();
        await using (var first = new ApiFactory(database)) (await first.SignedInClientAsync()).Dispose();
        var other = new Dictionary<string, string?> { ["Bootstrap:AdminEmail"] = "second@integrity.test", ["Bootstrap:AdminPassword"] = "second-admin-password" };
        await using var second = new ApiFactory(database, other);
        using var client = second.AnonymousClient();
        var refused = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "second@integrity.test", password = "second-admin-password" });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
