using System.Net;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// The donor summary: per key factor, how many of the programme's administrations surveyed twice improved, counted by the
/// test from the answers of each administration's two latest rounds (both groups together); told only from three
/// administrations (the default), never naming one; read by the programme's donors, not by another's.
/// </summary>
public sealed class PerceptionSummaryTests(string provider) : PerceptionFixture(provider)
{
    private const int MinimumAdministrations = 3;

    private static readonly string[] Scored = ["RAD-01", "RAD-03", "RAD-07", "RAD-10"];

    private sealed record Item(string KeyFactorCode, bool Suppressed, int? Administrations, int? Improved, decimal? ImprovedPercent);

    private static List<Item> Items(JsonElement summary) => summary.GetProperty("items").EnumerateArray().Select(item => new Item(
        item.GetProperty("keyFactorCode").GetString()!, item.GetProperty("suppressed").GetBoolean(),
        Int(item, "administrations"), Int(item, "improved"), Number(item, "improvedPercent"))).ToList();

    /// <summary>A round's favourable percent on a key factor, both groups together; null when fewer than the minimum answered it.</summary>
    private static decimal? Pooled(SurveyResponses responses, string keyFactor)
    {
        var cells = responses.Expected().Where(t => t.KeyFactorCode == keyFactor).ToList();
        if (cells.Sum(t => t.Respondents) < MinimumCellSize) return null;
        return Math.Round(100m * cells.Sum(t => t.Favourable) / cells.Sum(t => t.Answers), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The summary's items for administrations compared as (earlier, later) rounds: every key factor, by code.</summary>
    private static List<Item> Expected(IEnumerable<(SurveyResponses Earlier, SurveyResponses Later)> compared, IEnumerable<string> keyFactors)
    {
        var pairs = compared.ToList();
        return keyFactors.Order(StringComparer.Ordinal).Select(code =>
        {
            var contributing = pairs.Select(pair => (Earlier: Pooled(pair.Earlier, code), Later: Pooled(pair.Later, code)))
                .Where(pair => pair is { Earlier: not null, Later: not null }).ToList();
            if (contributing.Count < MinimumAdministrations) return new Item(code, true, null, null, null);
            var improved = contributing.Count(pair => pair.Later > pair.Earlier);
            return new Item(code, false, contributing.Count, improved, Math.Round(100m * improved / contributing.Count, 2, MidpointRounding.AwayFromZero));
        }).ToList();
    }

    private async Task<List<string>> KeyFactorCodesAsync() =>
        (await GetJsonAsync("/api/v1/key-factors")).GetProperty("items").EnumerateArray().Select(k => k.GetProperty("code").GetString()!).ToList();

    /// <summary>Each programme's reporting period, 2020 to 2025: its approved reports cover every round of these tests.</summary>
    private readonly Dictionary<Guid, Guid> periods = [];

    /// <summary>
    /// Registers the rounds of one administration, two years apart from 2019, loads the answers of those that have some,
    /// then has the administration's report for the programme's period approved (donors read approved rounds only).
    /// </summary>
    private async Task SurveyAsync(Guid programme, Guid administration, params SurveyResponses?[] rounds)
    {
        for (var i = 0; i < rounds.Length; i++)
        {
            var year = 2019 + 2 * i;
            var survey = await Rounds.RoundAsync(programme, administration, Questionnaire, $"CIPS {year}", $"{year}-03-01", $"{year}-04-30");
            if (rounds[i] is { } responses) await responses.ImportAsync(Client, survey);
        }
        await ResultsApi.ApproveReportAsync(Client, programme, periods[programme], administration);
    }

    private async Task<(Guid Programme, Guid Donor, Guid[] Administrations)> ProgrammeAsync(int administrations)
    {
        var covered = new Guid[administrations];
        for (var i = 0; i < administrations; i++) covered[i] = await Rounds.AdministrationAsync($"Summarised Customs {i + 1}");
        var donor = await Rounds.DonorAsync();
        var programme = await Rounds.ProgrammeAsync(donor, covered);
        periods[programme] = await Rounds.PeriodAsync(programme, "2020–2025", "2020-01-01", "2025-12-31");
        return (programme, donor, covered);
    }

    private async Task<JsonElement> SummaryAsync(Guid programme, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/programmes/{programme}/reports/perception");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Test]
    public async Task Two_administrations_surveyed_twice_are_too_few_so_every_key_factor_is_withheld_with_the_reason_and_a_third_tells_them()
    {
        var (programme, _, administrations) = await ProgrammeAsync(3);
        var compared = new List<(SurveyResponses Earlier, SurveyResponses Later)>
        {
            (PerceptionRounds.Generate(40, seed: 101, lean: 0.3), PerceptionRounds.Generate(40, seed: 102, lean: 0.7)),
            (PerceptionRounds.Generate(40, seed: 201, lean: 0.7), PerceptionRounds.Generate(40, seed: 202, lean: 0.3)),
            (PerceptionRounds.Generate(40, seed: 301, lean: 0.5), PerceptionRounds.Generate(40, seed: 302, lean: 0.5)),
        };
        var keyFactors = await KeyFactorCodesAsync();
        for (var i = 0; i < 2; i++) await SurveyAsync(programme, administrations[i], compared[i].Earlier, compared[i].Later);

        var two = await SummaryAsync(programme);
        var twoInFrench = await SummaryAsync(programme, "fr");
        Assert.Multiple(() =>
        {
            Assert.That(two.GetProperty("programmeId").GetGuid(), Is.EqualTo(programme));
            Assert.That(two.GetProperty("minimumAdministrations").GetInt32(), Is.EqualTo(MinimumAdministrations), "the default");
            Assert.That(two.GetProperty("administrationsSurveyedTwice").GetInt32(), Is.EqualTo(2));
            Assert.That(Items(two), Is.EqualTo(Expected(compared.Take(2), keyFactors)));
            Assert.That(Items(two), Has.All.Matches<Item>(item => item.Suppressed), "two administrations are too few for any key factor");
            Assert.That(two.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("reason").GetString()),
                Has.All.StartsWith("Fewer than 3 of the programme's administrations surveyed twice"));
            Assert.That(twoInFrench.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("reason").GetString()),
                Has.All.StartsWith("Moins de 3 des administrations du programme enquêtées deux fois"));
        });

        await SurveyAsync(programme, administrations[2], compared[2].Earlier, compared[2].Later);
        var three = await SummaryAsync(programme);
        var expected = Expected(compared, keyFactors);
        Assert.Multiple(() =>
        {
            Assert.That(three.GetProperty("administrationsSurveyedTwice").GetInt32(), Is.EqualTo(3));
            Assert.That(Items(three), Is.EqualTo(expected));
            Assert.That(expected.Where(item => !item.Suppressed).Select(item => item.KeyFactorCode), Is.EqualTo(Scored), "the questionnaire's key factors are told");
            Assert.That(expected.Where(item => !item.Suppressed), Has.All.Matches<Item>(item => item.Improved > 0 && item.Improved < item.Administrations),
                "in every key factor one administration improved (the first) and one did not (the second)");
            Assert.That(three.GetProperty("items").EnumerateArray().Where(item => !item.GetProperty("suppressed").GetBoolean())
                .Select(item => item.GetProperty("reason").ValueKind), Has.All.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Only_the_two_latest_rounds_with_responses_count_and_a_round_below_the_minimum_cell_size_does_not()
    {
        var (programme, _, administrations) = await ProgrammeAsync(4);
        var keyFactors = await KeyFactorCodesAsync();
        var first = PerceptionRounds.Generate(40, seed: 11, lean: 0.9);
        var second = PerceptionRounds.Generate(40, seed: 12, lean: 0.2);
        var third = PerceptionRounds.Generate(40, seed: 13, lean: 0.5);
        // Three rounds: the latest two are compared, not the first with the last.
        await SurveyAsync(programme, administrations[0], first, second, third);
        var b = (PerceptionRounds.Generate(40, seed: 21, lean: 0.4), PerceptionRounds.Generate(40, seed: 22, lean: 0.6));
        // A round registered without responses yet is not a round surveyed.
        await SurveyAsync(programme, administrations[1], b.Item1, b.Item2, null);
        var c = (PerceptionRounds.Generate(40, seed: 31, lean: 0.6), PerceptionRounds.Generate(40, seed: 32, lean: 0.4));
        await SurveyAsync(programme, administrations[2], c.Item1, c.Item2);
        // Every key factor of the later round has one respondent fewer than the minimum: this administration tells nothing.
        var small = (PerceptionRounds.Generate(40, seed: 41, lean: 0.2), PerceptionRounds.Generate(MinimumCellSize - 1, seed: 42, lean: 0.9, blankShare: 0));
        await SurveyAsync(programme, administrations[3], small.Item1, small.Item2);

        var summary = await SummaryAsync(programme);
        var expected = Expected([(second, third), b, c], keyFactors);
        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("administrationsSurveyedTwice").GetInt32(), Is.EqualTo(4));
            Assert.That(Items(summary), Is.EqualTo(expected));
            Assert.That(Items(summary).Where(item => !item.Suppressed).Select(item => item.Administrations), Has.All.EqualTo(3),
                "the administration whose later round is too small does not count");
            Assert.That(Items(summary), Is.Not.EqualTo(Expected([(first, third), b, c], keyFactors)), "the first round would have told otherwise");
        });
    }

    [Test]
    public async Task Only_rounds_an_approved_report_covers_are_told_so_a_later_round_waits_for_its_period_to_be_approved()
    {
        var administrations = new Guid[3];
        for (var i = 0; i < administrations.Length; i++) administrations[i] = await Rounds.AdministrationAsync($"Approved Customs {i + 1}");
        var programme = await Rounds.ProgrammeAsync(await Rounds.DonorAsync(), administrations);
        var first = await Rounds.PeriodAsync(programme, "2020–2021", "2020-01-01", "2021-12-31");
        var second = await Rounds.PeriodAsync(programme, "2022–2023", "2022-01-01", "2023-12-31");
        var keyFactors = await KeyFactorCodesAsync();
        var compared = Enumerable.Range(0, administrations.Length)
            .Select(i => (Earlier: PerceptionRounds.Generate(30, seed: 700 + i, lean: 0.3), Later: PerceptionRounds.Generate(30, seed: 710 + i, lean: 0.7)))
            .ToList();
        for (var i = 0; i < administrations.Length; i++)
        {
            var (earlier, later) = compared[i];
            await earlier.ImportAsync(Client, await Rounds.RoundAsync(programme, administrations[i], Questionnaire, "CIPS 2019", "2019-03-01", "2019-04-30"));
            await later.ImportAsync(Client, await Rounds.RoundAsync(programme, administrations[i], Questionnaire, "CIPS 2021", "2021-03-01", "2021-04-30"));
            await ResultsApi.ApproveReportAsync(Client, programme, first, administrations[i]);
        }
        var latest = PerceptionRounds.Generate(30, seed: 720, lean: 0.1);
        await latest.ImportAsync(Client, await Rounds.RoundAsync(programme, administrations[0], Questionnaire, "CIPS 2023", "2023-03-01", "2023-04-30"));

        var approved = Expected(compared, keyFactors);
        Assert.That(Items(await SummaryAsync(programme)), Is.EqualTo(approved), "the 2023 round: no report covering it is approved");
        await ResultsApi.MoveReportAsync(Client, programme, second, administrations[0], "submit");
        Assert.That(Items(await SummaryAsync(programme)), Is.EqualTo(approved), "submitted is not approved");

        await ResultsApi.MoveReportAsync(Client, programme, second, administrations[0], "approve");
        var withLatest = Expected([(compared[0].Later, latest), compared[1], compared[2]], keyFactors);
        Assert.Multiple(async () =>
        {
            Assert.That(Items(await SummaryAsync(programme)), Is.EqualTo(withLatest), "the first administration's 2021 and 2023 rounds, once approved");
            Assert.That(withLatest, Is.Not.EqualTo(approved), "the 2023 round tells otherwise");
        });

        await ResultsApi.MoveReportAsync(Client, programme, first, administrations[1], "return", "Returned: the figures are checked again.");
        var returned = await SummaryAsync(programme);
        Assert.Multiple(() =>
        {
            Assert.That(returned.GetProperty("administrationsSurveyedTwice").GetInt32(), Is.EqualTo(2), "a returned report no longer covers its rounds");
            Assert.That(Items(returned), Has.All.Matches<Item>(item => item.Suppressed));
        });
    }

    [Test]
    public async Task Donors_of_the_programme_read_it_without_any_administration_named_and_no_one_else_outside_it_does()
    {
        var (programme, donor, administrations) = await ProgrammeAsync(3);
        foreach (var (administration, i) in administrations.Select((a, i) => (a, i)))
            await SurveyAsync(programme, administration, PerceptionRounds.Generate(20, seed: 50 + i, lean: 0.4), PerceptionRounds.Generate(20, seed: 60 + i, lean: 0.6));
        var (other, otherDonor, _) = await ProgrammeAsync(1);
        var path = $"/api/v1/programmes/{programme}/reports/perception";
        using var ofTheProgramme = await DonorTokens.ClientAsync(App, Client, donor, "perception summary");
        using var ofAnother = await DonorTokens.ClientAsync(App, Client, otherDonor, "another programme's summary");
        using var inScope = await TrainingAccounts.SignInAsync(App, Client, "coordinator", [administrations[0]]);
        using var outOfScope = await TrainingAccounts.SignInAsync(App, Client, "coordinator", [await Rounds.AdministrationAsync("Other Customs")]);
        using var trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer", [administrations[0]]);

        var read = await ofTheProgramme.GetAsync(path);
        var body = await read.Content.ReadAsStringAsync();
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var names = new List<string>();
        foreach (var administration in administrations)
        {
            var record = await GetJsonAsync($"/api/v1/administrations/{administration}");
            names.AddRange([administration.ToString(), record.GetProperty("nameEn").GetString()!, record.GetProperty("nameFr").GetString()!]);
        }
        Assert.That(names.Where(name => body.Contains(name, StringComparison.OrdinalIgnoreCase)), Is.Empty, "the summary names no administration");
        Assert.That(Items(JsonDocument.Parse(body).RootElement).Where(item => !item.Suppressed), Is.Not.Empty, "yet it tells something");

        var coordinator = await inScope.GetAsync(path);
        Assert.That(coordinator.StatusCode, Is.EqualTo(HttpStatusCode.OK), await coordinator.Content.ReadAsStringAsync());
        await ProblemAsync(await ofAnother.GetAsync(path), 404);
        await ProblemAsync(await outOfScope.GetAsync(path), 404);
        await ProblemAsync(await trainer.GetAsync(path), 403);
        await ProblemAsync(await Client.GetAsync($"/api/v1/programmes/{Guid.NewGuid()}/reports/perception"), 404);
        var own = await ofAnother.GetAsync($"/api/v1/programmes/{other}/reports/perception");
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the other donor reads its own programme's");
    }
}
