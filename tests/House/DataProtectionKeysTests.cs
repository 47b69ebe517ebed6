using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Integrity.Tests;

/// <summary>The data-protection key ring in the database: plain without a certificate, and a certificate's rotation.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class DataProtectionKeysTests(string provider)
{
    [Test]
    public async Task Without_a_certificate_the_key_ring_is_kept_in_the_database_unencrypted()
    {
        await using var database = await Databases.CreateAsync(provider);
        await using (var app = new ApiFactory(database))
            (await app.SignedInClientAsync()).Dispose();

        Assert.Multiple(async () =>
        {
            Assert.That(Convert.ToInt64(await TestSql.ScalarAsync(database, "SELECT count(*) FROM data_protection_keys")), Is.EqualTo(1), "one key, made at start");
            Assert.That(Convert.ToInt64(await TestSql.ScalarAsync(database, "SELECT count(*) FROM data_protection_keys WHERE xml LIKE '%<masterKey%'")), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_session_outlives_a_certificate_rotation_while_the_replaced_certificate_is_listed_as_retired()
    {
        await using var database = await Databases.CreateAsync(provider);
        using var replaced = new DataProtectionCertificate();
        using var current = new DataProtectionCertificate();
        var before = replaced.Settings();
        var after = current.Settings();
        var afterWithRetired = after.Concat(replaced.Settings("DataProtection:RetiredCertificates:0")).ToDictionary();

        string cookie;
        await using (var app = new ApiFactory(database, before))
        {
            using var client = CookielessClient(app);
            var signIn = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
            Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            cookie = ApiFactory.SessionCookie(signIn);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(await MeAsync(afterWithRetired, cookie), Is.EqualTo(HttpStatusCode.OK), "the old certificate, retired, still decrypts the key");
            Assert.That(await MeAsync(after, cookie), Is.EqualTo(HttpStatusCode.Unauthorized), "without it the key is unreadable, and so the session");
        });

        async Task<HttpStatusCode> MeAsync(Dictionary<string, string?> settings, string session)
        {
            await using var app = new ApiFactory(database, settings);
            using var client = CookielessClient(app);
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            request.Headers.Add("Cookie", session);
            return (await client.SendAsync(request)).StatusCode;
        }
    }

    [Test]
    public async Task A_certificate_file_that_is_not_there_stops_the_start_saying_how_to_make_one()
    {
        await using var database = await Databases.CreateAsync(provider);
        var missing = Path.Combine(Path.GetTempPath(), $"integrity-test-missing-{Guid.NewGuid():N}.pem");
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["DataProtection:CertificateFile"] = missing });
        var refusal = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.That(refusal!.Message, Does.Contain(missing).And.Contain("openssl req").And.Contain("DataProtection__CertificateFile"));
    }

    /// <summary>The test carries the session cookie itself, from one start of the app to the next.</summary>
    private static HttpClient CookielessClient(ApiFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
}
