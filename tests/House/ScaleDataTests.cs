using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Integrity.Api.Seeding.Scale;
using Microsoft.Extensions.DependencyInjection;

namespace Integrity.Tests;

/// <summary>
/// The benchmarks' data generator at its tiny scale: it writes the counts it says, the same seed gives the same
/// records, and the API then serves them: workshops to the administrator, approved figures to Norad's token.
/// </summary>
public sealed class ScaleDataTests(string provider) : ApiOnEachDatabase(provider)
{
    private ScaleData.Loaded loaded = null!;

    [OneTimeSetUp]
    public async Task LoadTinyScale() =>
        loaded = await ScaleData.LoadAsync(App.Services, ScaleSize.Named("tiny")!, seed: 7, CancellationToken.None);

    [Test]
    public async Task Every_table_holds_the_rows_the_generator_counted()
    {
        var size = ScaleSize.Named("tiny")!;
        Assert.Multiple(() =>
        {
            Assert.That(loaded.Counts["workshops"], Is.EqualTo(size.Workshops));
            Assert.That(loaded.Counts["participants"], Is.EqualTo(size.Participants));
            Assert.That(loaded.Counts["actions"], Is.EqualTo(size.ActionPlans * size.ActionsPerPlan));
            Assert.That(loaded.Counts["attendance"], Is.GreaterThan(0));
            Assert.That(loaded.Counts["period_reports"], Is.GreaterThan(0));
        });
        foreach (var (table, count) in loaded.Counts.Where(table => table.Key is not ("users" or "api_tokens")))
            Assert.That(Convert.ToInt64(await TestSql.ScalarAsync(App.Database, $"SELECT count(*) FROM {table}")), Is.EqualTo(count), table);
    }

    [Test]
    public async Task The_same_seed_gives_the_same_records()
    {
        await using var again = await Databases.CreateAsync(Provider);
        await using var app = new ApiFactory(again);
        var second = await ScaleData.LoadAsync(app.Services, ScaleSize.Named("tiny")!, seed: 7, CancellationToken.None);
        const string workshops = "SELECT id, title, starts_on FROM workshops ORDER BY id";
        Assert.Multiple(async () =>
        {
            Assert.That(second.Counts, Is.EqualTo(loaded.Counts));
            Assert.That(second.LargestProgramme, Is.EqualTo(loaded.LargestProgramme));
            Assert.That(await RowsAsync(again, workshops), Is.EqualTo(await RowsAsync(App.Database, workshops)));
        });
    }

    [Test]
    public async Task The_administrator_lists_workshops_and_reads_one_with_its_sessions()
    {
        using var administrator = await App.SignedInClientAsync(ScaleAccounts.AdministratorEmail, ScaleAccounts.Password);
        var page = await GetAsync(administrator, $"/api/v1/workshops?programmeId={loaded.LargestProgramme}&status=held&limit=5");
        var first = page.GetProperty("items")[0];
        var workshop = await GetAsync(administrator, $"/api/v1/workshops/{first.GetProperty("id").GetGuid()}");
        Assert.That(workshop.GetProperty("sessions").GetArrayLength(), Is.EqualTo(first.GetProperty("sessionCount").GetInt32()).And.GreaterThan(0));
    }

    [Test]
    public async Task Norads_token_gets_approved_figures_of_the_largest_programme()
    {
        using var donor = App.AnonymousClient();
        donor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", loaded.DonorToken);
        var report = await GetAsync(donor, $"/api/v1/programmes/{loaded.LargestProgramme}/reports/progress");
        Assert.That(report.GetProperty("values").EnumerateArray().Where(value => value.GetProperty("figure").GetString() == "officials_trained"),
            Is.Not.Empty, "some periods are approved, so the donor sees officials trained");
        var iati = await donor.GetAsync($"/api/v1/programmes/{loaded.LargestProgramme}/iati");
        Assert.That(iati.StatusCode, Is.EqualTo(HttpStatusCode.OK), await iati.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task The_staff_preview_says_the_same_once_the_planner_has_statistics()
    {
        using var administrator = await App.SignedInClientAsync(ScaleAccounts.AdministratorEmail, ScaleAccounts.Password);
        var preview = $"/api/v1/programmes/{loaded.LargestProgramme}/reports/progress?includeUnapproved=true&groupBy=administration";
        var before = (await GetAsync(administrator, preview)).GetProperty("values").GetRawText();
        await ScaleData.GatherStatisticsAsync(App.Services, CancellationToken.None);
        var after = (await GetAsync(administrator, preview)).GetProperty("values").GetRawText();
        Assert.That(after, Is.EqualTo(before));
        Assert.That(before, Does.Contain("\"officials_trained\"").And.Contain("\"cascade_sessions\""));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<string>> RowsAsync(TestDatabase database, string sql)
    {
        await using var connection = await TestSql.OpenAsync(database);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}
