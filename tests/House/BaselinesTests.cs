using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Integrity.Api.Seeding.Scale;

namespace Integrity.Tests;

/// <summary>
/// The benchmarks' baselines answer byte for byte what the real endpoints answer for the same request, so that a
/// ratio between them measures the pipeline and nothing else; and they exist only in benchmark mode.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class BaselinesTests(string provider)
{
    private ApiFactory app = null!;
    private HttpClient administrator = null!;
    private HttpClient donor = null!;
    private string workshop = null!;
    private string programme = null!;

    [OneTimeSetUp]
    public async Task LoadTinyScaleInBenchmarkMode()
    {
        app = new ApiFactory(await Databases.CreateAsync(provider), new Dictionary<string, string?> { ["Benchmark:Baselines"] = "true" });
        var loaded = await ScaleData.LoadAsync(app.Services, ScaleSize.Named("tiny")!, seed: 3, CancellationToken.None);
        programme = loaded.LargestProgramme.ToString();
        administrator = await app.SignedInClientAsync(ScaleAccounts.AdministratorEmail, ScaleAccounts.Password);
        donor = app.AnonymousClient();
        donor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", loaded.DonorToken);
        var page = JsonDocument.Parse(await administrator.GetStringAsync($"/api/v1/workshops?programmeId={programme}&limit=1")).RootElement;
        workshop = page.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        administrator.Dispose();
        donor.Dispose();
        await app.DisposeAsync();
        await app.Database.DisposeAsync();
    }

    private static IEnumerable<string> Requests()
    {
        yield return "workshops?limit=3";
        yield return "workshops?limit=2&status=held&kind=workshop&from=2018-01-01&to=2025-06-30";
        yield return "workshops?keyFactor=RAD-07&q=customs&limit=200";
        yield return "workshops/{workshop}";
        yield return "participants?limit=4";
        yield return "participants?q=traore&limit=200";
        yield return "participants?sex=not_recorded&limit=2";
    }

    [TestCaseSource(nameof(Requests))]
    public async Task A_baseline_answers_what_the_endpoint_answers(string request)
    {
        var path = request.Replace("{workshop}", workshop);
        var body = await AssertSameAnswerAsync(administrator, path);
        var next = JsonDocument.Parse(body).RootElement;
        if (next.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String)
            Assert.That(await (await administrator.GetAsync($"/bench/baseline/{path}&cursor={cursor.GetString()}")).Content.ReadAsStringAsync(),
                Is.EqualTo(await (await administrator.GetAsync($"/api/v1/{path}&cursor={cursor.GetString()}")).Content.ReadAsStringAsync()),
                "the second page too");
    }

    private static IEnumerable<TestCaseData> Reports()
    {
        // The baseline measures the live preview; donors read the approvals' snapshots, which it refuses (below).
        yield return new TestCaseData("groupBy=region&from=2019-01-01&to=2024-12-31&includeUnapproved=true", true).SetArgDisplayNames("by region in dates, administrator preview");
        yield return new TestCaseData("includeUnapproved=true", true).SetArgDisplayNames("by period, administrator preview");
        yield return new TestCaseData("groupBy=administration&includeUnapproved=true", true).SetArgDisplayNames("by administration, administrator preview");
        yield return new TestCaseData("groupBy=keyFactor&includeUnapproved=true", true).SetArgDisplayNames("by key factor, administrator preview");
    }

    [TestCaseSource(nameof(Reports))]
    public async Task The_progress_report_baseline_answers_what_the_report_answers(string parameters, bool asAdministrator)
    {
        var body = await AssertSameAnswerAsync(asAdministrator ? administrator : donor, $"programmes/{programme}/reports/progress?{parameters}");
        var report = JsonDocument.Parse(body).RootElement;
        Assert.That(report.GetProperty("values").GetArrayLength(), Is.GreaterThan(0), "a report with figures");
        Assert.That(report.GetProperty("indicators").GetArrayLength(), Is.GreaterThan(0), "and indicators");
    }

    [Test]
    public async Task The_progress_report_baseline_refuses_whom_the_report_refuses()
    {
        foreach (var (client, path, status) in new[]
                 {
                     (donor, $"programmes/{programme}/reports/progress?includeUnapproved=true", HttpStatusCode.Forbidden),
                     (administrator, $"programmes/{Guid.NewGuid()}/reports/progress", HttpStatusCode.NotFound),
                 })
        {
            Assert.That((await client.GetAsync($"/api/v1/{path}")).StatusCode, Is.EqualTo(status), path);
            Assert.That((await client.GetAsync($"/bench/baseline/{path}")).StatusCode, Is.EqualTo(status), path);
        }
    }

    /// <summary>
    /// A round's scores: the baseline computes them from the answers themselves, the API from the sums its import keeps;
    /// both must answer the same bytes, suppressed cells (a breakdown splits 40 respondents into small ones) included.
    /// </summary>
    [TestCase("")]
    [TestCase("?by=region")]
    [TestCase("?by=sex")]
    public async Task The_scores_baseline_answers_what_the_scores_answer(string query)
    {
        var rounds = new PerceptionRounds(administrator);
        var administration = await rounds.AdministrationAsync("Baseline Customs");
        var programme = await rounds.ProgrammeAsync(await rounds.DonorAsync(), administration);
        var survey = await rounds.RoundAsync(programme, administration, await rounds.QuestionnaireAsync(), "CIPS baseline", "2023-03-01", "2023-04-30");
        await PerceptionRounds.Generate(40, seed: 11, lean: 0.55).ImportAsync(administrator, survey);

        var body = await AssertSameAnswerAsync(administrator, $"perception-surveys/{survey}/scores{query}");
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items, Has.Count.GreaterThan(0), "scores to compare");
        if (query.Length > 0) Assert.That(items.Any(item => item.GetProperty("suppressed").GetBoolean()), Is.True, "and suppressed cells");
    }

    /// <summary>The real endpoint answers 200, and the baseline the same bytes with the same content type; the body.</summary>
    private static async Task<string> AssertSameAnswerAsync(HttpClient client, string path)
    {
        var real = await client.GetAsync($"/api/v1/{path}");
        var baseline = await client.GetAsync($"/bench/baseline/{path}");
        var body = await real.Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(real.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(baseline.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await baseline.Content.ReadAsStringAsync(), Is.EqualTo(body));
            Assert.That(baseline.Content.Headers.ContentType, Is.EqualTo(real.Content.Headers.ContentType));
        });
        return body;
    }

    [Test]
    public async Task Without_benchmark_mode_there_are_no_baselines_and_the_OpenAPI_document_never_has_them()
    {
        await using var plain = new ApiFactory(app.Database);
        using var client = await plain.SignedInClientAsync(ScaleAccounts.AdministratorEmail, ScaleAccounts.Password);
        Assert.That((await client.GetAsync("/bench/baseline/workshops")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await administrator.GetStringAsync("/swagger/v1/swagger.json"), Does.Not.Contain("/bench/"), "not even in benchmark mode");
    }
}
