using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Npgsql;

namespace Integrity.Tests;

/// <summary>
/// PostgreSQL going away under a running API, through a relay that is cut and restored: callers get 503
/// problems with Retry-After and readiness fails while it is gone; the API serves again once it is back,
/// without a restart.
/// </summary>
public sealed class DatabaseOutageTests
{
    private TestDatabase database = null!;
    private TcpRelay relay = null!;
    private ApiFactory app = null!;
    private HttpClient client = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        if (Databases.PostgresServer is null) Assert.Ignore($"PostgreSQL only: set {Databases.PostgresVariable}.");
        database = await Databases.CreateAsync("postgres");
        var direct = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        relay = new TcpRelay(direct.Host!, direct.Port);
        var throughRelay = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = relay.Port, Timeout = 3 };
        app = new ApiFactory(database, new Dictionary<string, string?> { ["ConnectionStrings:Integrity"] = throughRelay.ConnectionString });
        client = await app.SignedInClientAsync();
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        if (Databases.PostgresServer is null) return;
        client.Dispose();
        await app.DisposeAsync();
        await relay.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task While_the_database_is_gone_callers_get_503_with_Retry_After_and_it_serves_again_once_back()
    {
        Assert.That((await client.GetAsync("/api/v1/donors")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        relay.Cut();
        try
        {
            // The first read draws a pooled connection that the cut broke, the next ones are refused: both are outages.
            for (var attempt = 0; attempt < 3; attempt++) await AssertUnavailableAsync(await client.GetAsync("/api/v1/donors"));
            await AssertUnavailableAsync(await client.PostAsJsonAsync("/api/v1/donors", new { code = "OUTAGE", name = "Written while down" }));
            Assert.Multiple(async () =>
            {
                Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
                Assert.That((await client.GetAsync("/health")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the process itself is alive");
            });
        }
        finally
        {
            relay.Restore();
        }

        var back = Stopwatch.StartNew();
        while ((await client.GetAsync("/api/v1/donors")).StatusCode != HttpStatusCode.OK)
        {
            Assert.That(back.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "the API did not recover once the database was back");
            await Task.Delay(100);
        }
        Assert.Multiple(async () =>
        {
            Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await client.PostAsJsonAsync("/api/v1/donors", new { code = "BACK", name = "Written once back" })).StatusCode,
                Is.EqualTo(HttpStatusCode.Created));
            Assert.That(await TestSql.ScalarAsync(database, "SELECT count(*) FROM donors WHERE code = 'OUTAGE'"), Is.Zero,
                "nothing was written while the database was gone");
        });
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
            Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)), body);
            Assert.That(body, Does.Contain("\"title\":\"Database unavailable\""));
        });
    }
}
