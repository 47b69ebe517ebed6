using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// ETags of the progress report and the IATI file. Each world, built through the API: a programme of Norad's covering
/// Burkina Faso and Mali, a reporting period 2024 with an entered indicator whose Burkina Faso actual is 7, approved for
/// Burkina Faso. Tests that change their world build their own.
/// </summary>
public sealed class ConditionalReportTests(string provider) : ApiOnEachDatabase(provider)
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:MinimumCellSize"] = "1" };

    private Guid norad;
    private Guid burkina;
    private Guid mali;
    private World shared = null!;
    private HttpClient noradAnalyst = null!;

    /// <summary>A programme's world: what a test needs to change it.</summary>
    private sealed record World(Guid Programme, string Code, Guid Period, Guid Indicator, string ValuesETag);

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        norad = await CreateAsync("/api/v1/donors", new { code = UniqueCode("NORAD"), name = "Norad" });
        burkina = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = $"Burkina Faso Customs {Guid.NewGuid():N}", nameFr = "Douane burkinabè" });
        mali = await CreateAsync("/api/v1/administrations", new { countryCode = "ML", regionCode = "WCA", nameEn = $"Mali Customs {Guid.NewGuid():N}", nameFr = "Douanes maliennes" });
        shared = await WorldAsync();
        noradAnalyst = await DonorTokens.ClientAsync(App, Client, norad, "Daily pull");
    }

    [OneTimeTearDown]
    public void SignOut() => noradAnalyst?.Dispose();

    private async Task<World> WorldAsync()
    {
        var code = UniqueCode("A-CIP");
        var programme = await CreateAsync("/api/v1/programmes", new
        {
            code, name = "Anti-Corruption and Integrity Promotion", startsOn = "2020-01-01", endsOn = "2030-12-31",
            donorIds = new[] { norad }, administrationIds = new[] { burkina, mali },
        });
        var period = await CreateAsync(ResultsApi.Periods(programme), new { label = "2024", startsOn = "2024-01-01", endsOn = "2024-12-31" });
        var indicator = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("1.1", disaggregations: ["administration"]));
        var values = await PutAsync(ResultsApi.Values(programme, indicator, period),
            new { disaggregations = new[] { new { administrationId = burkina, target = 10, actual = 7 } } }, ifMatch: null);
        Assert.That(values.StatusCode, Is.EqualTo(HttpStatusCode.Created), await values.Content.ReadAsStringAsync());
        var world = new World(programme, code, period, indicator, values.Headers.ETag!.Tag);
        await TransitionAsync(world, "submit");
        await TransitionAsync(world, "approve");
        return world;
    }

    private Task TransitionAsync(World world, string transition, string? comment = null) =>
        ResultsApi.MoveReportAsync(Client, world.Programme, world.Period, burkina, transition, comment);

    /// <summary>Burkina Faso's report returned, its actual set to <paramref name="actual"/>, submitted and approved again.</summary>
    private async Task<World> ReapproveAsync(World world, int actual)
    {
        await TransitionAsync(world, "return", "The actual was counted again: approve the corrected figure.");
        var values = await PutAsync(ResultsApi.Values(world.Programme, world.Indicator, world.Period),
            new { disaggregations = new[] { new { administrationId = burkina, target = 10, actual } } }, world.ValuesETag);
        Assert.That(values.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.NoContent), await values.Content.ReadAsStringAsync());
        await TransitionAsync(world, "submit");
        await TransitionAsync(world, "approve");
        return world with { ValuesETag = values.Headers.ETag!.Tag };
    }

    private static decimal?[] Values(JsonElement report) => report.GetProperty("values").EnumerateArray()
        .Select(value => value.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : value.GetProperty("value").GetDecimal()).ToArray();

    private static string ReportPath(World world, string query = "") => $"/api/v1/programmes/{world.Programme}/reports/progress{query}";

    private static string IatiPath(World world, string query = "") => $"/api/v1/programmes/{world.Programme}/iati{query}";

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? ifNoneMatch = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    /// <summary>A 200 with its ETag (and the headers every version carries), the ETag returned.</summary>
    private static async Task<string> ETagOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag, Is.Not.Null, "an ETag");
            Assert.That(response.Headers.CacheControl?.Private, Is.True, "cacheable privately");
            Assert.That(response.Headers.CacheControl?.NoStore, Is.False);
            Assert.That(response.Headers.Vary, Does.Contain("Authorization"));
            Assert.That(body, Is.Not.Empty);
        });
        return response.Headers.ETag!.ToString();
    }

    private static async Task NotModifiedAsync(HttpResponseMessage response, string etag)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotModified), await response.Content.ReadAsStringAsync());
        Assert.Multiple(async () =>
        {
            Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Empty, "no body");
            Assert.That(response.Headers.ETag?.ToString(), Is.EqualTo(etag));
            Assert.That(response.Headers.CacheControl?.Private, Is.True);
        });
    }

    [Test]
    public async Task A_repeated_report_with_If_None_Match_is_a_304_with_no_body()
    {
        var first = await GetAsync(noradAnalyst, ReportPath(shared));
        var etag = await ETagOfAsync(first);
        Assert.Multiple(() =>
        {
            Assert.That(first.Headers.ETag!.IsWeak, Is.False, "JSON: the same bytes every time, a strong ETag");
            Assert.That(first.Content.Headers.LastModified, Is.Not.Null, "the approval's time");
            Assert.That(first.Content.Headers.LastModified, Is.LessThanOrEqualTo(DateTimeOffset.UtcNow.AddSeconds(1)));
            Assert.That(first.Headers.Vary, Does.Contain("Accept-Language").And.Contain("Accept"));
        });
        await NotModifiedAsync(await GetAsync(noradAnalyst, ReportPath(shared), etag), etag);
        await NotModifiedAsync(await GetAsync(noradAnalyst, ReportPath(shared), $"\"not-this-one\", {etag}"), etag);
        await NotModifiedAsync(await GetAsync(noradAnalyst, ReportPath(shared), "*"), etag);

        var csv = await GetAsync(noradAnalyst, ReportPath(shared, "?format=csv"));
        var csvETag = await ETagOfAsync(csv);
        await NotModifiedAsync(await GetAsync(noradAnalyst, ReportPath(shared, "?format=csv"), csvETag), csvETag);
        var stale = await GetAsync(noradAnalyst, ReportPath(shared), "\"an-old-version\"");
        Assert.That(await ETagOfAsync(stale), Is.EqualTo(etag), "an ETag that is not the current one: the report, whole");
    }

    [Test]
    public async Task A_different_format_language_grouping_or_reader_has_a_different_ETag()
    {
        var json = await ETagOfAsync(await GetAsync(noradAnalyst, ReportPath(shared)));
        var csv = await ETagOfAsync(await GetAsync(noradAnalyst, ReportPath(shared, "?format=csv")));
        var workbook = await GetAsync(noradAnalyst, ReportPath(shared, "?format=xlsx"));
        var xlsx = await ETagOfAsync(workbook);
        var french = await ETagOfAsync(await GetAsync(noradAnalyst, ReportPath(shared), language: "fr"));
        var grouped = await ETagOfAsync(await GetAsync(noradAnalyst, ReportPath(shared, "?groupBy=administration")));
        var staff = await ETagOfAsync(await GetAsync(Client, ReportPath(shared)));
        Assert.Multiple(async () =>
        {
            Assert.That(new[] { json, csv, xlsx, french, grouped, staff }, Is.Unique);
            Assert.That(workbook.Headers.ETag!.IsWeak, Is.True, "a workbook records when it was made: a weak ETag");
            Assert.That((await GetAsync(noradAnalyst, ReportPath(shared, "?format=csv"), json)).StatusCode, Is.EqualTo(HttpStatusCode.OK),
                "the JSON's ETag does not match the CSV");
            Assert.That((await GetAsync(Client, ReportPath(shared), json)).StatusCode, Is.EqualTo(HttpStatusCode.OK),
                "a donor's (small counts suppressed) does not match staff's");
            Assert.That((await GetAsync(noradAnalyst, ReportPath(shared), json, language: "fr")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task A_report_approved_again_with_other_figures_or_a_renamed_programme_is_a_200_with_a_new_ETag()
    {
        // By administration: Burkina Faso's actual is reported once its report is approved, whatever Mali's.
        const string ByAdministration = "?groupBy=administration";
        var world = await WorldAsync();
        var before = await GetAsync(noradAnalyst, ReportPath(world, ByAdministration));
        var first = await ETagOfAsync(before);
        Assert.That(Values(await before.Content.ReadFromJsonAsync<JsonElement>()), Does.Contain(7m).And.No.Contain(9m));

        world = await ReapproveAsync(world, actual: 9);
        var reapproved = await GetAsync(noradAnalyst, ReportPath(world, ByAdministration), first);
        var second = await ETagOfAsync(reapproved);
        var report = await reapproved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.Not.EqualTo(first));
            Assert.That(Values(report), Does.Contain(9m).And.No.Contain(7m),
                "the figure approved again");
            Assert.That(reapproved.Content.Headers.LastModified, Is.GreaterThanOrEqualTo(before.Content.Headers.LastModified!.Value));
        });
        await NotModifiedAsync(await GetAsync(noradAnalyst, ReportPath(world, ByAdministration), second), second);

        var read = await Client.GetAsync($"/api/v1/programmes/{world.Programme}");
        var renamed = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programmes/{world.Programme}")
        {
            Content = JsonContent.Create(new
            {
                code = world.Code, name = "Integrity Promotion, renamed", startsOn = "2020-01-01", endsOn = "2030-12-31",
                donorIds = new[] { norad }, administrationIds = new[] { burkina, mali },
            }),
            Headers = { { "If-Match", read.Headers.ETag!.Tag } },
        });
        Assert.That(renamed.IsSuccessStatusCode, Is.True, await renamed.Content.ReadAsStringAsync());
        var afterRename = await GetAsync(noradAnalyst, ReportPath(world, ByAdministration), second);
        Assert.Multiple(async () =>
        {
            Assert.That(await ETagOfAsync(afterRename), Is.Not.EqualTo(second).And.Not.EqualTo(first));
            Assert.That((await afterRename.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("programmeName").GetString(), Is.EqualTo("Integrity Promotion, renamed"));
        });
    }

    [Test]
    public async Task A_repeated_IATI_file_is_a_304_until_a_report_is_approved_again()
    {
        var world = await WorldAsync();
        var file = await GetAsync(noradAnalyst, IatiPath(world));
        var first = await ETagOfAsync(file);
        Assert.Multiple(() =>
        {
            Assert.That(file.Headers.ETag!.IsWeak, Is.True, "the file records when it was generated: a weak ETag");
            Assert.That(file.Content.Headers.LastModified, Is.Not.Null);
        });
        await NotModifiedAsync(await GetAsync(noradAnalyst, IatiPath(world), first), first);
        Assert.That((await GetAsync(noradAnalyst, IatiPath(world), first, language: "fr")).StatusCode, Is.EqualTo(HttpStatusCode.NotModified),
            "the file carries both languages whatever the reader's");
        Assert.That(await ETagOfAsync(await GetAsync(noradAnalyst, ReportPath(world))), Is.Not.EqualTo(first), "not the progress report's");

        await ReapproveAsync(world, actual: 8);
        var again = await GetAsync(noradAnalyst, IatiPath(world), first);
        Assert.Multiple(async () =>
        {
            Assert.That(await ETagOfAsync(again), Is.Not.EqualTo(first));
            Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("value=\"8\""), "the figure approved again");
        });
    }

    [Test]
    public async Task A_preview_has_no_ETag_and_is_never_a_304_as_the_live_records_change()
    {
        var world = await WorldAsync();
        var approved = await ETagOfAsync(await GetAsync(Client, ReportPath(world)));
        var preview = await GetAsync(Client, ReportPath(world, "?includeUnapproved=true"));
        Assert.Multiple(() =>
        {
            Assert.That(preview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(preview.Headers.ETag, Is.Null, "no ETag");
            Assert.That(preview.Headers.CacheControl?.NoStore, Is.True, "not kept");
        });

        var period2025 = await CreateAsync(ResultsApi.Periods(world.Programme), new { label = "2025", startsOn = "2025-01-01", endsOn = "2025-12-31" });
        var values = await PutAsync(ResultsApi.Values(world.Programme, world.Indicator, period2025),
            new { disaggregations = new[] { new { administrationId = mali, target = 4, actual = 3 } } }, ifMatch: null);
        Assert.That(values.StatusCode, Is.EqualTo(HttpStatusCode.Created), await values.Content.ReadAsStringAsync());
        foreach (var ifNoneMatch in new[] { "*", approved })
        {
            var again = await GetAsync(Client, ReportPath(world, "?includeUnapproved=true"), ifNoneMatch);
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), ifNoneMatch);
            var periods = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("periods").EnumerateArray()
                .Select(period => period.GetProperty("label").GetString());
            Assert.That(periods, Does.Contain("2025"), "the live records as they are now");
        }
        var iatiPreview = await GetAsync(Client, IatiPath(world, "?includeUnapproved=true"), "*");
        Assert.Multiple(() =>
        {
            Assert.That(iatiPreview.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(iatiPreview.Headers.ETag, Is.Null);
        });
    }

    [Test]
    public async Task Refusals_carry_no_ETag()
    {
        var forbidden = await GetAsync(noradAnalyst, ReportPath(shared, "?includeUnapproved=true"));
        var invalid = await GetAsync(noradAnalyst, ReportPath(shared, "?format=docx"));
        var missing = await GetAsync(noradAnalyst, $"/api/v1/programmes/{Guid.CreateVersion7()}/reports/progress", "*");
        var backwards = await GetAsync(noradAnalyst, ReportPath(shared, "?from=2024-12-31&to=2024-01-01"), "*");
        var ungroupable = await GetAsync(noradAnalyst, ReportPath(shared, "?groupBy=colour"), "*");
        Assert.Multiple(() =>
        {
            Assert.That((forbidden.StatusCode, forbidden.Headers.ETag), Is.EqualTo((HttpStatusCode.Forbidden, (EntityTagHeaderValue?)null)));
            Assert.That((invalid.StatusCode, invalid.Headers.ETag), Is.EqualTo((HttpStatusCode.BadRequest, (EntityTagHeaderValue?)null)));
            Assert.That((missing.StatusCode, missing.Headers.ETag), Is.EqualTo((HttpStatusCode.NotFound, (EntityTagHeaderValue?)null)), "If-None-Match: * of nothing");
            Assert.That((backwards.StatusCode, backwards.Headers.ETag), Is.EqualTo((HttpStatusCode.BadRequest, (EntityTagHeaderValue?)null)), "bad input, whatever If-None-Match says");
            Assert.That((ungroupable.StatusCode, ungroupable.Headers.ETag), Is.EqualTo((HttpStatusCode.BadRequest, (EntityTagHeaderValue?)null)));
        });
    }
}
