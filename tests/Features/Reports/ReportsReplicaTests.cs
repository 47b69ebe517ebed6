using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Donors' reports read from a real streaming replica of the PostgreSQL test server (<c>ConnectionStrings:IntegrityReports</c>),
/// while staff's preview and every write stay on the primary. The world, built through the API: a programme of Norad's covering
/// Burkina Faso, a period 2024 with an entered indicator whose Burkina Faso actual is 7, approved.
/// </summary>
public sealed class ReportsReplicaTests
{
    private TestDatabase database = null!;
    private StreamingReplica replica = null!;
    private ApiFactory app = null!;
    private HttpClient staff = null!;

    [OneTimeSetUp]
    public async Task StartReplicaAndApp()
    {
        var server = Databases.PostgresServer;
        if (server is null) Assert.Ignore($"PostgreSQL only (a streaming replica): set {Databases.PostgresVariable}.");
        if (await StreamingReplica.WhyNotAsync(server!) is { } why) Assert.Ignore($"No streaming replica here: {why}");
        database = await Databases.CreateAsync("postgres");
        replica = await StreamingReplica.StartAsync(server!);
        app = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:IntegrityReports"] = replica.ConnectionString(database),
            ["Reporting:MinimumCellSize"] = "1",
        });
        staff = await app.SignedInClientAsync();
    }

    [OneTimeTearDown]
    public async Task StopAll()
    {
        if (Databases.PostgresServer is null || app is null) return;
        staff.Dispose();
        await app.DisposeAsync();
        await replica.DisposeAsync();
        await database.DisposeAsync();
    }

    [Test]
    public async Task A_donor_reads_the_replica_as_far_as_it_has_replayed_while_the_preview_and_writes_go_to_the_primary()
    {
        var norad = await CreateAsync("/api/v1/donors", new { code = "NORAD", name = "Norad" });
        var burkina = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = "Burkina Faso Customs", nameFr = "Douane burkinabè" });
        var programme = await CreateAsync("/api/v1/programmes", new
        {
            code = "A-CIP", name = "Anti-Corruption and Integrity Promotion", startsOn = "2020-01-01", endsOn = "2030-12-31",
            donorIds = new[] { norad }, administrationIds = new[] { burkina },
        });
        var period = await CreateAsync(ResultsApi.Periods(programme), new { label = "2024", startsOn = "2024-01-01", endsOn = "2024-12-31" });
        var indicator = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("1.1", disaggregations: ["administration"]));
        var values = await PutValuesAsync(programme, indicator, period, burkina, actual: 7, ifMatch: null);
        var report = $"/api/v1/programmes/{programme}/periods/{period}/administrations/{burkina}";
        await PostAsync($"{report}/submit");
        await PostAsync($"{report}/approve");
        using var donor = await DonorTokens.ClientAsync(app, staff, norad, "Daily pull");
        var progress = $"/api/v1/programmes/{programme}/reports/progress?groupBy=administration";
        var iati = $"/api/v1/programmes/{programme}/iati";

        await replica.CaughtUpAsync(database);
        var approved = await donor.GetAsync(progress);
        Assert.That(await ActualAsync(approved, burkina), Is.EqualTo(7m), "the approval, once replayed");
        var approvedETag = approved.Headers.ETag!.ToString();
        var iatiETag = (await OkAsync(await donor.GetAsync(iati))).Headers.ETag!.ToString();

        // The replica falls behind: what the primary writes from now on reaches it only once replay resumes.
        await replica.PauseReplayAsync(database);
        await PostAsync($"{report}/return", new { comment = "The actual was counted again: approve the corrected figure." });
        await PutValuesAsync(programme, indicator, period, burkina, actual: 9, values.Headers.ETag!.Tag);
        await PostAsync($"{report}/submit");
        await PostAsync($"{report}/approve");

        var preview = await staff.GetAsync($"{progress}&includeUnapproved=true");
        var behind = await donor.GetAsync(progress);
        Assert.Multiple(async () =>
        {
            Assert.That(await ActualAsync(preview, burkina), Is.EqualTo(9m), "the preview reads the live records on the primary");
            Assert.That(await ActualAsync(behind, burkina), Is.EqualTo(7m), "the donor reads the replica, which has not replayed the new approval");
            Assert.That(behind.Headers.ETag?.ToString(), Is.EqualTo(approvedETag), "the ETag is told where the body is read");
            Assert.That((await GetAsync(donor, progress, approvedETag)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That((await GetAsync(donor, iati, iatiETag)).StatusCode, Is.EqualTo(HttpStatusCode.NotModified), "the IATI file too");
        });

        await replica.ResumeReplayAsync(database);
        await replica.CaughtUpAsync(database);
        var replayed = await GetAsync(donor, progress, approvedETag);
        Assert.Multiple(async () =>
        {
            Assert.That(await ActualAsync(replayed, burkina), Is.EqualTo(9m), "the new approval, once replayed");
            Assert.That(replayed.Headers.ETag?.ToString(), Is.Not.EqualTo(approvedETag));
            Assert.That((await GetAsync(donor, iati, iatiETag)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });

        // Without the replica the donor's report cannot be read; the preview and writes go on, on the primary.
        await replica.StopAsync();
        var gone = await donor.GetAsync(progress);
        Assert.Multiple(async () =>
        {
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await gone.Content.ReadAsStringAsync());
            Assert.That(await ActualAsync(await staff.GetAsync($"{progress}&includeUnapproved=true"), burkina), Is.EqualTo(9m));
            Assert.That((await staff.PostAsJsonAsync("/api/v1/donors", new { code = "SIDA", name = "Sida" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        });
        await replica.DisposeAsync();
        Assert.That(replica.Exists, Is.False, "the replica's folder is removed");
    }

    private async Task<Guid> CreateAsync(string path, object body)
    {
        var response = await staff.PostAsJsonAsync(path, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task PostAsync(string path, object? body = null)
    {
        var response = await staff.PostAsync(path, body is null ? null : JsonContent.Create(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> PutValuesAsync(Guid programme, Guid indicator, Guid period, Guid administration, int actual, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, ResultsApi.Values(programme, indicator, period))
        {
            Content = JsonContent.Create(new { disaggregations = new[] { new { administrationId = administration, target = 10, actual } } }),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await staff.SendAsync(request);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> OkAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return response;
    }

    /// <summary>The administration's actual of the indicator, in a report grouped by administration.</summary>
    private static async Task<decimal?> ActualAsync(HttpResponseMessage response, Guid administration)
    {
        var report = await (await OkAsync(response)).Content.ReadFromJsonAsync<JsonElement>();
        var actual = report.GetProperty("values").EnumerateArray().Single(value =>
            value.GetProperty("figure").GetString() == "indicator_actual"
            && value.TryGetProperty("administrationId", out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == administration
            && value.GetProperty("sex").ValueKind is JsonValueKind.Null or JsonValueKind.Undefined);
        return actual.GetProperty("value").ValueKind == JsonValueKind.Null ? null : actual.GetProperty("value").GetDecimal();
    }
}
