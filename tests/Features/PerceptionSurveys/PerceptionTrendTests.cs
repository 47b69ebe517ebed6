using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// An administration's trend: its rounds in fieldwork order, each key factor and group with a point per round whose figures
/// and change in points the test computes from the answers it loaded; only administrators and coordinators in scope read it.
/// </summary>
public sealed class PerceptionTrendTests(string provider) : PerceptionFixture(provider)
{
    /// <summary>TEMPORARY: straight into the tables until the import lands; then POST …/responses with <c>responses.ToCsv()</c>.</summary>

    private sealed record Point(Guid SurveyId, bool Suppressed, int? Respondents, decimal? FavourablePercent, decimal? Mean, decimal? Change);

    private sealed record Line(string KeyFactorCode, string Group, Point[] Points);

    /// <summary>Each point beside its key factor and group, to compare by value (a record compares its array by reference).</summary>
    private static List<(string KeyFactorCode, string Group, Point Point)> Flat(List<Line> lines) =>
        lines.SelectMany(line => line.Points.Select(point => (line.KeyFactorCode, line.Group, point))).ToList();

    private static List<Line> Lines(JsonElement trend) => trend.GetProperty("items").EnumerateArray().Select(item => new Line(
        item.GetProperty("keyFactorCode").GetString()!, item.GetProperty("group").GetString()!,
        item.GetProperty("points").EnumerateArray().Select(p => new Point(p.GetProperty("surveyId").GetGuid(), p.GetProperty("suppressed").GetBoolean(),
            p.GetProperty("respondents").ValueKind == JsonValueKind.Null ? null : p.GetProperty("respondents").GetInt32(),
            Number(p, "favourablePercent"), Number(p, "mean"), Number(p, "change"))).ToArray())).ToList();

    /// <summary>What the trend should say of rounds in fieldwork order, from each round's answers.</summary>
    private static List<Line> Expected(IReadOnlyList<(Guid Survey, SurveyResponses Responses)> ordered)
    {
        var tallies = ordered.Select(round => round.Responses.Expected().ToDictionary(t => (t.KeyFactorCode, t.Group))).ToList();
        return tallies.SelectMany(round => round.Keys).Distinct()
            .OrderBy(key => key.KeyFactorCode, StringComparer.Ordinal).ThenBy(key => key.Group, StringComparer.Ordinal)
            .Select(key =>
            {
                decimal? previous = null;
                var points = ordered.Select((round, i) =>
                {
                    var tally = tallies[i].GetValueOrDefault(key);
                    var shown = tally is not null && tally.Respondents >= MinimumCellSize;
                    decimal? percent = shown ? tally!.FavourablePercent : null;
                    var point = new Point(round.Survey, tally is not null && !shown, tally is null ? 0 : shown ? tally.Respondents : null,
                        percent, shown ? tally!.Mean : null, previous is null || percent is null ? null : percent - previous);
                    previous = percent;
                    return point;
                }).ToArray();
                return new Line(key.KeyFactorCode, key.Group, points);
            }).ToList();
    }

    private async Task<(Guid Administration, Guid Programme, Guid Donor)> AdministrationAsync()
    {
        var administration = await Rounds.AdministrationAsync("Trended Customs");
        var donor = await Rounds.DonorAsync();
        return (administration, await Rounds.ProgrammeAsync(donor, administration), donor);
    }

    [Test]
    public async Task Rounds_come_in_fieldwork_order_each_point_scored_from_its_answers_with_the_change_in_points()
    {
        var (administration, programme, _) = await AdministrationAsync();
        // Registered out of order; 2021's private sector is two respondents, below the minimum.
        var r2023 = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2023", "2023-02-01", "2023-03-31");
        var r2019 = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2019", "2019-05-01", "2019-06-30");
        var r2021 = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2021", "2021-04-01", "2021-05-15");
        var answers = new Dictionary<Guid, SurveyResponses>
        {
            [r2019] = PerceptionRounds.Generate(50, seed: 2019, lean: 0.35),
            [r2021] = PerceptionRounds.Split(PerceptionRounds.Generate(32, seed: 2021, lean: 0.5), 30),
            [r2023] = PerceptionRounds.Generate(50, seed: 2023, lean: 0.7),
        };
        foreach (var (survey, responses) in answers) await responses.ImportAsync(Client, survey);

        var trend = await GetJsonAsync($"/api/v1/administrations/{administration}/perception-trend");
        var expected = Expected([(r2019, answers[r2019]), (r2021, answers[r2021]), (r2023, answers[r2023])]);
        Assert.Multiple(() =>
        {
            Assert.That(trend.GetProperty("administrationId").GetGuid(), Is.EqualTo(administration));
            Assert.That(trend.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("surveyId").GetGuid()), Is.EqualTo(new[] { r2019, r2021, r2023 }));
            Assert.That(trend.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("label").GetString()), Is.EqualTo(new[] { "CIPS 2019", "CIPS 2021", "CIPS 2023" }));
            Assert.That(trend.GetProperty("rounds")[0].GetProperty("fieldworkStartsOn").GetString(), Is.EqualTo("2019-05-01"));
            Assert.That(trend.GetProperty("rounds")[0].GetProperty("fieldworkEndsOn").GetString(), Is.EqualTo("2019-06-30"));
            Assert.That(Flat(Lines(trend)), Is.EqualTo(Flat(expected)));
            var officials = expected.Where(line => line.Group == "customs_official").ToList();
            Assert.That(officials.SelectMany(line => line.Points.Skip(1)), Has.All.Matches<Point>(point => point.Change != null), "officials' changes are all told");
            var privateSector = expected.Where(line => line.Group == "private_sector").ToList();
            Assert.That(privateSector.Select(line => line.Points[1].Suppressed), Has.All.True, "2021's private sector is suppressed");
            Assert.That(privateSector.SelectMany(line => line.Points.Skip(1)), Has.All.Matches<Point>(point => point.Change == null),
                "no change is told beside a suppressed point");
        });
    }

    [Test]
    public async Task Rounds_ending_the_same_day_follow_their_first_day_and_a_questionnaire_keeps_only_its_rounds()
    {
        var (administration, programme, _) = await AdministrationAsync();
        var other = await Rounds.QuestionnaireAsync();
        var later = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2022 (short)", "2022-06-01", "2022-06-30");
        var earlier = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2022 (long)", "2022-03-01", "2022-06-30");
        var ofOther = await Rounds.RoundAsync(programme, administration, other, "Private sector 2022", "2022-01-01", "2022-01-31");
        var answers = new Dictionary<Guid, SurveyResponses>
        {
            [earlier] = PerceptionRounds.Generate(30, seed: 1, lean: 0.4),
            [later] = PerceptionRounds.Generate(30, seed: 2, lean: 0.6),
            [ofOther] = PerceptionRounds.Generate(30, seed: 3, lean: 0.5),
        };
        foreach (var (survey, responses) in answers) await responses.ImportAsync(Client, survey);

        var all = await GetJsonAsync($"/api/v1/administrations/{administration}/perception-trend");
        var filtered = await GetJsonAsync($"/api/v1/administrations/{administration}/perception-trend?questionnaireId={Questionnaire}");
        Assert.Multiple(() =>
        {
            Assert.That(all.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("surveyId").GetGuid()), Is.EqualTo(new[] { ofOther, earlier, later }));
            Assert.That(Flat(Lines(all)), Is.EqualTo(Flat(Expected([(ofOther, answers[ofOther]), (earlier, answers[earlier]), (later, answers[later])]))));
            Assert.That(filtered.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("surveyId").GetGuid()), Is.EqualTo(new[] { earlier, later }));
            Assert.That(Flat(Lines(filtered)), Is.EqualTo(Flat(Expected([(earlier, answers[earlier]), (later, answers[later])]))));
        });
    }

    [Test]
    public async Task A_key_factor_a_round_did_not_score_has_no_figures_there_and_no_change_beside_it()
    {
        var (administration, programme, _) = await AdministrationAsync();
        var first = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2020", "2020-01-01", "2020-02-01");
        var second = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2022", "2022-01-01", "2022-02-01");
        // The second round's respondents are all customs officials: the private sector has no point there.
        var answers = new[] { PerceptionRounds.Generate(30, seed: 7, lean: 0.5), PerceptionRounds.Split(PerceptionRounds.Generate(30, seed: 8, lean: 0.5), 30) };
        await answers[0].ImportAsync(Client, first);
        await answers[1].ImportAsync(Client, second);

        var lines = Lines(await GetJsonAsync($"/api/v1/administrations/{administration}/perception-trend"));
        Assert.Multiple(() =>
        {
            Assert.That(Flat(lines), Is.EqualTo(Flat(Expected([(first, answers[0]), (second, answers[1])]))));
            Assert.That(lines.Where(line => line.Group == "private_sector").Select(line => line.Points[1]),
                Has.All.Matches<Point>(point => point is { Suppressed: false, Respondents: 0, FavourablePercent: null, Change: null }));
        });
    }

    [Test]
    public async Task An_administration_without_rounds_has_an_empty_trend()
    {
        var (administration, _, _) = await AdministrationAsync();
        var trend = await GetJsonAsync($"/api/v1/administrations/{administration}/perception-trend");
        Assert.That(trend.GetProperty("rounds").GetArrayLength() + trend.GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Only_administrators_and_coordinators_in_scope_read_an_administrations_trend()
    {
        var (administration, programme, donorId) = await AdministrationAsync();
        var survey = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2023", "2023-01-01", "2023-02-01");
        await PerceptionRounds.Generate(12, seed: 9, lean: 0.5).ImportAsync(Client, survey);
        var path = $"/api/v1/administrations/{administration}/perception-trend";
        await AssertOnlyStaffInScopeReadAsync(path, administration, donorId);
        await ProblemAsync(await Client.GetAsync($"/api/v1/administrations/{Guid.NewGuid()}/perception-trend"), 404);
    }
}
