using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// A round's scores: every figure is the one the test computes from the answers it loaded, by key factor and group and by
/// each breakdown; cells below the minimum size are suppressed; only administrators and coordinators in scope read them.
/// </summary>
public sealed class ScoresTests(string provider) : PerceptionFixture(provider)
{
    /// <summary>TEMPORARY: straight into the tables until the import lands; then POST …/responses with <c>responses.ToCsv()</c>.</summary>

    private sealed record Cell(string KeyFactorCode, string Group, string? Breakdown, bool Suppressed, int? Respondents, int? Answers,
        decimal? FavourablePercent, decimal? Mean);

    /// <summary>
    /// The cells computed from the answers: below the minimum suppressed; and where one value of a breakdown is suppressed
    /// among others of its key factor and group, the one with the fewest respondents after it too (else it would be the
    /// score without the breakdown minus the others).
    /// </summary>
    private static List<Cell> Expected(SurveyResponses responses, string? by)
    {
        var tallies = responses.Expected(by);
        var hidden = tallies.Where(t => t.Respondents < MinimumCellSize).ToHashSet();
        foreach (var family in tallies.GroupBy(t => (t.KeyFactorCode, t.Group)).Where(family => family.Count(hidden.Contains) == 1).ToList())
            if (family.Where(t => !hidden.Contains(t)).OrderBy(t => t.Respondents).ThenBy(t => t.Breakdown, StringComparer.Ordinal).FirstOrDefault() is { } next)
                hidden.Add(next);
        return tallies.Select(t => hidden.Contains(t)
                ? new Cell(t.KeyFactorCode, t.Group, t.Breakdown, true, null, null, null, null)
                : new Cell(t.KeyFactorCode, t.Group, t.Breakdown, false, t.Respondents, t.Answers, t.FavourablePercent, t.Mean))
            .ToList();
    }

    private static List<Cell> Cells(JsonElement scores) => scores.GetProperty("items").EnumerateArray().Select(item => new Cell(
        item.GetProperty("keyFactorCode").GetString()!, item.GetProperty("group").GetString()!, item.GetProperty("breakdown").GetString(),
        item.GetProperty("suppressed").GetBoolean(), Int(item, "respondents"), Int(item, "answers"), Number(item, "favourablePercent"), Number(item, "mean"))).ToList();

    private async Task<(Guid Administration, Guid Donor, Guid Survey)> RoundAsync(SurveyResponses? responses)
    {
        var administration = await Rounds.AdministrationAsync("Scored Customs");
        var donor = await Rounds.DonorAsync();
        var programme = await Rounds.ProgrammeAsync(donor, administration);
        var survey = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2023", "2023-03-01", "2023-04-30");
        if (responses is not null) await responses.ImportAsync(Client, survey);
        return (administration, donor, survey);
    }

    [Test]
    public async Task Scores_by_key_factor_and_group_are_those_computed_from_the_answers_after_reversing()
    {
        var responses = PerceptionRounds.Generate(60, seed: 11, lean: 0.6);
        var (_, _, survey) = await RoundAsync(responses);

        var scores = await GetJsonAsync($"/api/v1/perception-surveys/{survey}/scores");
        var expected = Expected(responses, null);
        var keyFactors = (await GetJsonAsync("/api/v1/key-factors")).GetProperty("items").EnumerateArray()
            .ToDictionary(k => k.GetProperty("code").GetString()!, k => (En: k.GetProperty("nameEn").GetString(), Fr: k.GetProperty("nameFr").GetString()));
        Assert.Multiple(() =>
        {
            Assert.That(scores.GetProperty("surveyId").GetGuid(), Is.EqualTo(survey));
            Assert.That(scores.GetProperty("by").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(scores.GetProperty("minimumCellSize").GetInt32(), Is.EqualTo(MinimumCellSize));
            Assert.That(Cells(scores), Is.EqualTo(expected));
            Assert.That(expected.Select(cell => cell.KeyFactorCode).Distinct(), Is.EqualTo(new[] { "RAD-01", "RAD-03", "RAD-07", "RAD-10" }));
            Assert.That(expected.Select(cell => cell.Group).Distinct(), Is.EqualTo(SurveyResponses.Groups), "both groups answered");
            Assert.That(expected.Where(cell => cell.Suppressed), Is.Empty, "every cell of 60 respondents is large enough");
            foreach (var item in scores.GetProperty("items").EnumerateArray())
            {
                var code = item.GetProperty("keyFactorCode").GetString()!;
                Assert.That(item.GetProperty("keyFactorNameEn").GetString(), Is.EqualTo(keyFactors[code].En), code);
                Assert.That(item.GetProperty("keyFactorNameFr").GetString(), Is.EqualTo(keyFactors[code].Fr), code);
            }
        });
    }

    [TestCase("service")]
    [TestCase("sex")]
    [TestCase("region")]
    public async Task Scores_by_a_breakdown_split_each_cell_by_it_and_suppress_the_small_ones(string by)
    {
        var responses = PerceptionRounds.Generate(45, seed: 23, lean: 0.45);
        var (_, _, survey) = await RoundAsync(responses);

        var scores = await GetJsonAsync($"/api/v1/perception-surveys/{survey}/scores?by={by}");
        var expected = Expected(responses, by);
        Assert.Multiple(() =>
        {
            Assert.That(scores.GetProperty("by").GetString(), Is.EqualTo(by));
            Assert.That(Cells(scores), Is.EqualTo(expected));
            Assert.That(expected.Where(cell => cell.Breakdown is null), Is.Not.Empty, "respondents who left the column blank have a cell of their own");
            Assert.That(expected.Where(cell => cell.Suppressed), Is.Not.Empty, "some cells are below the minimum");
            Assert.That(expected.Where(cell => !cell.Suppressed), Is.Not.Empty, "and some above it");
        });
    }

    [Test]
    public async Task A_cell_of_one_respondent_fewer_than_the_minimum_is_suppressed_and_one_of_the_minimum_is_not()
    {
        // Every respondent answers every question: the officials' cells hold the minimum, the private sector's one fewer.
        var responses = PerceptionRounds.Split(PerceptionRounds.Generate(2 * MinimumCellSize - 1, seed: 5, lean: 0.5, blankShare: 0), MinimumCellSize);
        var (_, _, survey) = await RoundAsync(responses);

        var cells = Cells(await GetJsonAsync($"/api/v1/perception-surveys/{survey}/scores"));
        var officials = cells.Where(cell => cell.Group == "customs_official").ToList();
        var privateSector = cells.Where(cell => cell.Group == "private_sector").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(cells, Is.EqualTo(Expected(responses, null)));
            Assert.That(officials, Has.Count.EqualTo(4));
            Assert.That(officials, Has.All.Matches<Cell>(cell => !cell.Suppressed && cell.Respondents == MinimumCellSize && cell.FavourablePercent != null && cell.Mean != null));
            Assert.That(privateSector, Has.Count.EqualTo(4));
            Assert.That(privateSector, Has.All.Matches<Cell>(cell => cell is { Suppressed: true, Respondents: null, Answers: null, FavourablePercent: null, Mean: null }));
        });
    }

    [Test]
    public async Task A_lone_small_value_of_a_breakdown_takes_the_next_smallest_with_it_so_that_subtraction_tells_nothing()
    {
        // Officials only, every question answered: 3 women (below the minimum of 4), 6 who left their sex blank, 10 men.
        var generated = PerceptionRounds.Generate(19, seed: 31, lean: 0.5, blankShare: 0);
        var responses = generated.With(generated.Respondents.Select((r, i) => r with
        {
            Group = SurveyResponses.Groups[0], Sex = i < 3 ? "female" : i < 9 ? null : "male",
        }));
        var (_, _, survey) = await RoundAsync(responses);

        var bySex = Cells(await GetJsonAsync($"/api/v1/perception-surveys/{survey}/scores?by=sex"));
        var whole = Cells(await GetJsonAsync($"/api/v1/perception-surveys/{survey}/scores"));
        Assert.Multiple(() =>
        {
            Assert.That(bySex, Is.EqualTo(Expected(responses, "sex")));
            Assert.That(bySex.Where(cell => cell.Breakdown == "female"), Has.All.Matches<Cell>(cell => cell.Suppressed), "3 women: below the minimum");
            Assert.That(bySex.Where(cell => cell.Breakdown is null), Has.All.Matches<Cell>(cell => cell.Suppressed),
                "the 6 blanks are withheld with them: else the women's score is the whole minus the men and the blanks");
            Assert.That(bySex.Where(cell => cell.Breakdown == "male"), Has.All.Matches<Cell>(cell => cell is { Suppressed: false, Respondents: 10 }));
            Assert.That(bySex, Has.Count.EqualTo(12), "four key factors × three values");
            Assert.That(whole, Has.All.Matches<Cell>(cell => cell is { Suppressed: false, Respondents: 19 }), "the round's own scores stay told");
        });
    }

    [Test]
    public async Task A_round_without_responses_has_no_scores()
    {
        var (_, _, survey) = await RoundAsync(null);
        Assert.That((await GetJsonAsync($"/api/v1/perception-surveys/{survey}/scores")).GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task An_unknown_breakdown_is_refused_listing_the_choices_in_english_and_french()
    {
        var (_, _, survey) = await RoundAsync(null);
        var path = $"/api/v1/perception-surveys/{survey}/scores?by=grade";

        var english = await ProblemAsync(await Client.GetAsync(path), 400);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("fr");
        var french = await ProblemAsync(await Client.SendAsync(request), 400);
        Assert.Multiple(() =>
        {
            Assert.That(english.GetProperty("errors").GetProperty("by")[0].GetString(), Is.EqualTo("Choose one of: service, sex, region."));
            Assert.That(french.GetProperty("errors").GetProperty("by")[0].GetString(), Is.EqualTo("Choisissez parmi : service, sex, region."));
        });
    }

    [Test]
    public async Task Only_administrators_and_coordinators_in_scope_read_a_rounds_scores()
    {
        var (administration, donorId, survey) = await RoundAsync(PerceptionRounds.Generate(12, seed: 3, lean: 0.5));
        var path = $"/api/v1/perception-surveys/{survey}/scores";
        await AssertOnlyStaffInScopeReadAsync(path, administration, donorId);
        await ProblemAsync(await Client.GetAsync($"/api/v1/perception-surveys/{Guid.NewGuid()}/scores"), 404);
    }
}
