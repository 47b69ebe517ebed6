using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Integrity.Tests;

/// <summary>What every answer tells the browser: run only our own scripts, never in a frame, keep no personal data.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class SecurityHeadersTests(string provider)
{
    private DirectoryInfo client = null!;
    private ApiFactory app = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        client = Directory.CreateTempSubdirectory("integrity-client-");
        await File.WriteAllTextAsync(Path.Combine(client.FullName, "index.html"), "<!doctype html><title>Integrity client</title>");
        Directory.CreateDirectory(Path.Combine(client.FullName, "assets"));
        await File.WriteAllTextAsync(Path.Combine(client.FullName, "assets", "app-3f2a.js"), "console.log('integrity');");
        await File.WriteAllTextAsync(Path.Combine(client.FullName, "sw.js"), "self.addEventListener('fetch', () => {});");
        await File.WriteAllTextAsync(Path.Combine(client.FullName, "manifest.webmanifest"), "{\"name\":\"Integrity\",\"short_name\":\"Integrity\"}");
        app = new ApiFactory(await Databases.CreateAsync(provider), new Dictionary<string, string?> { ["Client:Path"] = client.FullName });
        admin = await app.SignedInClientAsync();
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        admin.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
        client.Delete(recursive: true);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : "";

    [TestCase("/")]
    [TestCase("/workshops/a-screen")]
    [TestCase("/assets/app-3f2a.js")]
    [TestCase("/api/v1/participants")]
    [TestCase("/api/v1/not-an-operation")]
    [TestCase("/swagger/index.html")]
    public async Task Every_answer_forbids_framing_sniffing_and_referrers_and_allows_no_inline_script(string path)
    {
        var response = await admin.GetAsync(path);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Multiple(() =>
        {
            Assert.That(policy, Does.Contain("frame-ancestors 'none'"));
            Assert.That(policy, Does.Contain("default-src"));
            Assert.That(policy, Does.Not.Contain("unsafe-eval"));
            Assert.That(policy.Split(';').Where(d => d.Contains("script-src", StringComparison.Ordinal)), Has.None.Contain("unsafe-inline"));
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("no-referrer"));
            Assert.That(response.Headers.Server, Is.Empty);
        });
    }

    [Test]
    public async Task The_clients_policy_allows_only_its_own_scripts_and_styles()
    {
        var policy = Header(await admin.GetAsync("/"), "Content-Security-Policy");
        Assert.That(policy, Does.Contain("script-src 'self'").And.Contain("style-src 'self';").And.Not.Contain("unsafe-inline"));
    }

    [Test]
    public async Task The_clients_service_worker_and_manifest_come_from_its_own_origin_and_are_asked_for_afresh()
    {
        var policy = Header(await admin.GetAsync("/"), "Content-Security-Policy");
        var worker = await admin.GetAsync("/sw.js");
        var manifest = await admin.GetAsync("/manifest.webmanifest");
        Assert.Multiple(() =>
        {
            Assert.That(policy, Does.Contain("worker-src 'self'").And.Contain("manifest-src 'self'"));
            Assert.That(worker.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(worker.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            // A new release's worker is found at the next visit, not a year later.
            Assert.That(worker.Headers.CacheControl?.NoCache, Is.True);
            Assert.That(manifest.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(manifest.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/manifest+json"), "the manifest itself, not index.html");
        });
    }

    [TestCase("/api/v1/participants")]
    [TestCase("/api/v1/trainers")]
    [TestCase("/api/v1/users")]
    [TestCase("/api/v1/auth/me")]
    public async Task Personal_data_is_never_stored_by_a_proxy_or_the_browsers_HTTP_cache(string path)
    {
        var response = await admin.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, path);
    }

    [Test]
    public async Task The_one_time_token_is_never_stored()
    {
        var donor = await admin.PostAsJsonAsync("/api/v1/donors", new { code = $"NS-{Guid.NewGuid():N}"[..12], name = "No-store donor" });
        var donorId = (await donor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var issued = await admin.PostAsJsonAsync("/api/v1/api-tokens", new
        {
            donorId, name = "script", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd"),
        });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        Assert.That(issued.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task Browsers_are_told_to_use_HTTPS_only_outside_Development_and_Kestrel_names_no_server()
    {
        using var elsewhere = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://integrity.example") });
        var response = await elsewhere.GetAsync("/");
        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "Strict-Transport-Security"), Does.StartWith("max-age="));
            Assert.That(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader, Is.False);
        });
    }
}

/// <summary>The demo's accounts have published passwords: they never reach a production database.</summary>
public sealed class DemoSeedInProductionTests
{
    [Test]
    public async Task Demo_seed_in_Production_refuses_to_start_and_says_why()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["environment"] = "Production", ["Demo:Seed"] = "true" });
        var refusal = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.That(refusal!.Message, Does.Contain("Demo:Seed is refused in Production").And.Contain("README"));
        Assert.That(Convert.ToInt64(await TestSql.ScalarAsync(database, "SELECT count(*) FROM sqlite_master WHERE name = 'users'")), Is.Zero,
            "nothing was created");
    }
}
