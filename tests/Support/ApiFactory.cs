using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Integrity.Tests;

/// <summary>The real app, in memory, on a test database of its own, with a first administrator.</summary>
public sealed class ApiFactory(TestDatabase database, IDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@integrity.test";
    public const string AdminPassword = "test-admin-password";
    /// <summary>The tests run outside Development, where the export refuses the placeholder identifier: they publish as this one.</summary>
    public const string IatiReportingOrgRef = "XI-IATI-WCO-TEST";

    public TestDatabase Database { get; } = database;

    /// <summary>A client over HTTPS (the session cookie is Secure), signed in with the given account.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = AnonymousClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email, password });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), $"sign-in as {email}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>The session cookie a sign-in set, as a Cookie header carries it, for a test that passes it on itself.</summary>
    public static string SessionCookie(HttpResponseMessage signIn) =>
        signIn.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith(Integrity.Api.Identity.AuthenticationSetup.SessionCookie + "=", StringComparison.Ordinal)).Split(';')[0];

    public HttpClient AnonymousClient() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Integrity", Database.ConnectionString);
        builder.UseSetting("Client:Path", Path.Combine(Path.GetTempPath(), "integrity-no-client"));
        builder.UseSetting("Bootstrap:AdminEmail", AdminEmail);
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:ReportsPerMinute", "100000");
        builder.UseSetting("Iati:ReportingOrgRef", IatiReportingOrgRef);
        builder.UseSetting("Audit:KeyFile", TestAuditKey.Path);
        builder.UseSetting("Audit:AnchorPath", Database.AnchorPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }
}
