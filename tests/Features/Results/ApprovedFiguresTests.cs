using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Dapper;
using Integrity.Api.Features.Results;

namespace Integrity.Tests;

/// <summary>
/// On the demo data (A-CIP's 2023 report for Burkina Faso approved: 26 officials trained, 13 women): approval freezes
/// what the donor reads, staff see the drift, small counts are suppressed for donors, and a period not approved carries
/// no figure for them.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class ApprovedFiguresTests(string provider)
{
    private TestDatabase database = null!;
    private ApiFactory app = null!;
    private HttpClient admin = null!;
    private HttpClient donor = null!;
    private Guid acip;
    private Guid burkina;
    private Guid year2023;

    [OneTimeSetUp]
    public async Task SeedTheDemo()
    {
        database = await Databases.CreateAsync(provider);
        app = new ApiFactory(database, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        admin = await app.SignedInClientAsync("admin@integrity.demo", "integrity-demo");
        donor = await app.SignedInClientAsync("analyst@norad.demo", "integrity-demo");
        var programme = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/programmes")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == "A-CIP");
        acip = programme.GetProperty("id").GetGuid();
        burkina = programme.GetProperty("administrations")[0].GetProperty("id").GetGuid();
        year2023 = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{acip}/periods")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("label").GetString() == "2023").GetProperty("id").GetGuid();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        admin.Dispose();
        donor.Dispose();
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    private string Report(string query = "") => $"/api/v1/programmes/{acip}/reports/progress{query}";
    private string ReportOf2023(string action) => $"/api/v1/programmes/{acip}/periods/{year2023}/administrations/{burkina}/{action}";

    private static List<JsonElement> Rows(JsonElement report) => report.GetProperty("values").EnumerateArray().ToList();

    private static JsonElement Officials(JsonElement report, string period, string? sex) =>
        Rows(report).Single(row => row.GetProperty("period").GetString() == period && row.GetProperty("figure").GetString() == "officials_trained"
                                   && (row.TryGetProperty("sex", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null) == sex);

    private static decimal? Value(JsonElement row) => row.GetProperty("value").ValueKind == JsonValueKind.Null ? null : row.GetProperty("value").GetDecimal();

    private async Task<string[]> CsvOfficialsAsync(string sex)
    {
        var lines = (await donor.GetStringAsync(Report("?format=csv"))).Split('\n');
        return lines.Single(line => line.StartsWith("A-CIP,2023,") && line.Contains($",{sex},officials_trained,")).TrimEnd('\r').Split(',');
    }

    private async Task<string?> IatiWomenAsync()
    {
        var xml = XDocument.Parse(await donor.GetStringAsync($"/api/v1/programmes/{acip}/iati"));
        var result = xml.Descendants("result").First(r => r.Element("title")!.Elements("narrative").First().Value.StartsWith("Customs officials trained"));
        var period = result.Descendants("period").Single(p => p.Element("period-start")!.Attribute("iso-date")!.Value == "2023-01-01");
        return period.Elements("actual").SingleOrDefault(a => a.Elements("dimension").Any(d => d.Attribute("value")!.Value == "female"))?.Attribute("value")?.Value;
    }

    /// <summary>Changes the sex of <paramref name="count"/> participants of the Ouagadougou workshop from <paramref name="from"/> to <paramref name="to"/>.</summary>
    private async Task CorrectSexAsync(string from, string to, int count)
    {
        var workshop = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/workshops")).GetProperty("items").EnumerateArray()
            .Single(w => w.GetProperty("city").GetString() == "Ouagadougou").GetProperty("id").GetGuid();
        var people = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/participants?workshopId={workshop}&sex={from}&limit=200")).GetProperty("items")
            .EnumerateArray().Take(count).Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.That(people, Has.Count.EqualTo(count));
        foreach (var id in people)
        {
            var read = await admin.GetAsync($"/api/v1/participants/{id}");
            var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await read.Content.ReadAsStringAsync())!;
            var update = new Dictionary<string, object?>
            {
                ["familyName"] = body["familyName"], ["givenNames"] = body["givenNames"], ["sex"] = to, ["administrationId"] = body["administrationId"],
                ["service"] = body["service"], ["position"] = body.GetValueOrDefault("position"), ["email"] = body.GetValueOrDefault("email"),
                ["staffNumber"] = body.GetValueOrDefault("staffNumber"),
            };
            var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/participants/{id}") { Content = JsonContent.Create(update) };
            request.Headers.TryAddWithoutValidation("If-Match", read.Headers.ETag!.Tag);
            var updated = await admin.SendAsync(request);
            Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent).Or.EqualTo(HttpStatusCode.OK), await updated.Content.ReadAsStringAsync());
        }
    }

    private async Task ReapproveAsync()
    {
        var returned = await admin.PostAsJsonAsync(ReportOf2023("return"), new { comment = "Participants' sex corrected: approve again." });
        Assert.That(returned.StatusCode, Is.EqualTo(HttpStatusCode.OK), await returned.Content.ReadAsStringAsync());
        Assert.That((await admin.PostAsync(ReportOf2023("submit"), null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await admin.PostAsync(ReportOf2023("approve"), null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test, Order(1)]
    public async Task The_approvals_audit_entry_carries_the_hash_of_its_stored_snapshot()
    {
        await using var connection = await TestSql.OpenAsync(database);
        var stored = await connection.QuerySingleAsync<string>("SELECT hash FROM approval_snapshots");
        var figures = (await connection.QueryAsync<ApprovedFigure>(
            "SELECT source, indicator_id, sex, administration_id, key_factor_code, amount, base, target FROM approved_figures ORDER BY position")).ToList();
        var changes = await connection.QuerySingleAsync<string>("SELECT changes FROM audit_entries WHERE use_case = 'ApprovePeriodReport'");

        Assert.Multiple(() =>
        {
            Assert.That(figures, Is.Not.Empty);
            Assert.That(ApprovedFigures.Hash(figures), Is.EqualTo(stored), "the hash is the SHA-256 of the stored figures' canonical form");
            Assert.That(JsonDocument.Parse(changes).RootElement.GetProperty("snapshotHash").GetString(), Is.EqualTo(stored));
        });
    }

    [Test, Order(2)]
    public async Task A_period_not_approved_reaches_the_donor_with_no_figure_and_says_why()
    {
        var report = await donor.GetFromJsonAsync<JsonElement>(Report());
        var periods = report.GetProperty("periods").EnumerateArray().ToDictionary(p => p.GetProperty("label").GetString()!, p => p.GetProperty("status").GetString());
        var csv = (await donor.GetStringAsync(Report("?format=csv"))).Split('\n').Where(line => line.StartsWith("A-CIP,2024,")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(periods["2023"], Is.EqualTo("approved"));
            Assert.That(periods["2024"], Is.EqualTo("not_approved"));
            Assert.That(Rows(report).Where(row => row.GetProperty("period").GetString() is "2024" or "2025" or "2026"), Is.Empty, "no zeros for 2024–2026");
            Assert.That(report.GetProperty("leftOut").EnumerateArray().Select(left => left.GetProperty("periodLabel").GetString()), Does.Contain("2024"));
            Assert.That(csv, Has.Count.EqualTo(1), "one line for 2024: why it has no figures");
            Assert.That(csv[0], Does.Contain(",in_progress,"));
            Assert.That(csv[0], Does.Not.Contain("officials_trained"));
        });
    }

    [Test, Order(3)]
    public async Task A_participant_corrected_after_approval_leaves_the_donors_figures_and_shows_the_drift()
    {
        Assert.That(Value(Officials(await donor.GetFromJsonAsync<JsonElement>(Report()), "2023", "female")), Is.EqualTo(13m));
        Assert.That((await admin.GetFromJsonAsync<JsonElement>(ReportOf2023("drift"))).GetProperty("drifted").GetBoolean(), Is.False);

        await CorrectSexAsync("female", "male", 1);

        var after = await donor.GetFromJsonAsync<JsonElement>(Report());
        var preview = await admin.GetFromJsonAsync<JsonElement>(Report("?includeUnapproved=true"));
        var drift = await admin.GetFromJsonAsync<JsonElement>(ReportOf2023("drift"));
        var women = drift.GetProperty("changes").EnumerateArray()
            .Single(change => change.GetProperty("figure").GetString() == "officials_trained" && change.GetProperty("sex").GetString() == "female");
        Assert.Multiple(async () =>
        {
            Assert.That(Value(Officials(after, "2023", "female")), Is.EqualTo(13m), "JSON: the approved figure");
            Assert.That(Value(Officials(after, "2023", "male")), Is.EqualTo(13m));
            Assert.That((await CsvOfficialsAsync("female"))[10], Is.EqualTo("13"), "CSV");
            Assert.That(await IatiWomenAsync(), Is.EqualTo("13"), "IATI");
            Assert.That(Value(Officials(preview, "2023", "female")), Is.EqualTo(12m), "the staff preview shows the live figure");
            Assert.That(drift.GetProperty("drifted").GetBoolean(), Is.True);
            Assert.That(drift.GetProperty("liveHash").GetString(), Is.Not.EqualTo(drift.GetProperty("snapshotHash").GetString()));
            Assert.That(women.GetProperty("approved").GetDecimal(), Is.EqualTo(13m));
            Assert.That(women.GetProperty("live").GetDecimal(), Is.EqualTo(12m));
        });
        Assert.That((await donor.GetAsync(ReportOf2023("drift"))).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "donors see no drift");

        await ReapproveAsync();
        var reapproved = await donor.GetFromJsonAsync<JsonElement>(Report());
        Assert.Multiple(() =>
        {
            Assert.That(Value(Officials(reapproved, "2023", "female")), Is.EqualTo(12m), "returned and approved again: the new figures");
            Assert.That(Value(Officials(reapproved, "2023", "male")), Is.EqualTo(14m));
        });
    }

    [Test, Order(5)]
    public async Task The_drift_of_a_period_of_another_programme_is_not_found()
    {
        var wacam = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/programmes")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("code").GetString() == "WACAM").GetProperty("id").GetGuid();
        var drift = await admin.GetAsync($"/api/v1/programmes/{wacam}/periods/{year2023}/administrations/{burkina}/drift");
        Assert.That(drift.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "A-CIP's approved figures are not WACAM's");
    }

    [Test, Order(4)]
    public async Task A_one_person_cell_reaches_the_donor_suppressed_and_not_recoverable()
    {
        await CorrectSexAsync("female", "male", 11);
        await ReapproveAsync();

        var report = await donor.GetFromJsonAsync<JsonElement>(Report());
        var staff = await admin.GetFromJsonAsync<JsonElement>(Report());
        var family = new[] { "female", "male", "not_recorded" }.Select(sex => Officials(report, "2023", sex)).ToList();
        var total = Officials(report, "2023", null);
        var hours = Rows(report).Where(row => row.GetProperty("period").GetString() == "2023" && row.GetProperty("figure").GetString() == "participant_hours"
                                                && row.TryGetProperty("sex", out var sex) && sex.GetString() == "female").Single();
        var csv = await CsvOfficialsAsync("female");
        Assert.Multiple(async () =>
        {
            Assert.That(Value(Officials(staff, "2023", "female")), Is.EqualTo(1m), "staff see every figure");
            Assert.That(Value(family[0]), Is.Null, "one woman: suppressed");
            Assert.That(family[0].GetProperty("suppressed").GetBoolean(), Is.True);
            Assert.That(Value(hours), Is.Null, "her participant-hours too");
            Assert.That(family.Count(row => Value(row) is null), Is.GreaterThanOrEqualTo(2).Or.Matches<int>(_ => Value(total) is null),
                "the total and the visible sexes do not give her cell away");
            Assert.That(Value(total), Is.EqualTo(26m));
            Assert.That(report.GetProperty("suppression").GetProperty("minimumCellSize").GetInt32(), Is.EqualTo(5));
            Assert.That(report.GetProperty("suppression").GetProperty("applied").GetBoolean(), Is.True);
            Assert.That(csv[10], Is.Empty, "CSV: no value");
            Assert.That(csv[11], Is.EqualTo("suppressed"));
            Assert.That(await IatiWomenAsync(), Is.Null, "IATI: no actual for her");
        });
        foreach (var row in Rows(report).Where(row => row.GetProperty("figure").GetString() is "officials_trained" or "participant_hours"))
            Assert.That(Value(row) is null or 0 || Value(Officials(report, row.GetProperty("period").GetString()!,
                row.TryGetProperty("sex", out var sex) && sex.ValueKind == JsonValueKind.String ? sex.GetString() : null)) >= 5, Is.True, row.ToString());
    }
}
