using System.Net;
using System.Text.Json;
using Integrity.Api.Features.Scale;

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
    private string workshop = null!;
    private string programme = null!;

    [OneTimeSetUp]
    public async Task LoadTinyScaleInBenchmarkMode()
    {
        app = new ApiFactory(await Databases.CreateAsync(provider), new Dictionary<string, string?> { ["Benchmark:Baselines"] = "true" });
        programme = (await ScaleData.LoadAsync(app.Services, ScaleSize.Named("tiny")!, seed: 3, CancellationToken.None)).LargestProgramme.ToString();
        administrator = await app.SignedInClientAsync(ScaleAccounts.AdministratorEmail, ScaleAccounts.Password);
        var page = JsonDocument.Parse(await administrator.GetStringAsync($"/api/v1/workshops?programmeId={programme}&limit=1")).RootElement;
        workshop = page.GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        administrator.Dispose();
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
        var real = await administrator.GetAsync($"/api/v1/{path}");
        var baseline = await administrator.GetAsync($"/bench/baseline/{path}");
        var body = await real.Content.ReadAsStringAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(real.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(baseline.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(await baseline.Content.ReadAsStringAsync(), Is.EqualTo(body));
            Assert.That(baseline.Content.Headers.ContentType, Is.EqualTo(real.Content.Headers.ContentType));
        });
        var next = JsonDocument.Parse(body).RootElement;
        if (next.TryGetProperty("nextCursor", out var cursor) && cursor.ValueKind == JsonValueKind.String)
            Assert.That(await (await administrator.GetAsync($"/bench/baseline/{path}&cursor={cursor.GetString()}")).Content.ReadAsStringAsync(),
                Is.EqualTo(await (await administrator.GetAsync($"/api/v1/{path}&cursor={cursor.GetString()}")).Content.ReadAsStringAsync()),
                "the second page too");
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
