namespace Integrity.Tests;

/// <summary>Demo:Seed=true gives the two real events in DESIGN.md and what stands behind them, once.</summary>
public sealed class DemoDataTests
{
    [TestCaseSource(typeof(Databases), nameof(Databases.Names))]
    public async Task Demo_data_holds_A_CIP_and_WACAM_with_their_donors_and_administrations_once(string provider)
    {
        await using var database = await Databases.CreateAsync(provider);
        var demo = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
        await using (var first = new ApiFactory(database, demo)) first.CreateClient().Dispose();

        await using var second = new ApiFactory(database, demo);
        using var client = await second.SignedInClientAsync("admin@integrity.demo", "integrity-demo");
        var programmes = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/programmes")).RootElement
            .GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("code").GetString()!,
                p => p.GetProperty("donors").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Order().ToList());
        var administrations = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/administrations")).RootElement
            .GetProperty("items").EnumerateArray().Select(a => a.GetProperty("countryCode").GetString()).Order().ToList();
        var donors = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/donors")).RootElement
            .GetProperty("items").GetArrayLength();

        Assert.Multiple(() =>
        {
            Assert.That(programmes.Keys, Is.EquivalentTo(new[] { "A-CIP", "WACAM" }));
            Assert.That(programmes["A-CIP"], Is.EqualTo(new[] { "GAC", "NORAD" }));
            Assert.That(programmes["WACAM"], Is.EqualTo(new[] { "SIDA" }));
            Assert.That(administrations, Is.EqualTo(new[] { "BF", "ML" }));
            Assert.That(donors, Is.EqualTo(3), "a second start seeds nothing twice");
        });

        var workshops = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/workshops")).RootElement.GetProperty("items")
            .EnumerateArray().ToDictionary(w => w.GetProperty("city").GetString()!);
        Assert.That(workshops.Keys, Is.EquivalentTo(new[] { "Bamako", "Ouagadougou" }));
        var bamako = workshops["Bamako"];
        var ouagadougou = workshops["Ouagadougou"];
        Assert.Multiple(() =>
        {
            Assert.That(bamako.GetProperty("kind").GetString(), Is.EqualTo("capacity_building_mission"));
            Assert.That(bamako.GetProperty("startsOn").GetString(), Is.EqualTo("2018-03-12"));
            Assert.That(bamako.GetProperty("programmeCode").GetString(), Is.EqualTo("WACAM"));
            Assert.That(bamako.GetProperty("sessionCount").GetInt32(), Is.EqualTo(5));
            Assert.That(ouagadougou.GetProperty("startsOn").GetString(), Is.EqualTo("2023-11-29"));
            Assert.That(ouagadougou.GetProperty("programmeCode").GetString(), Is.EqualTo("A-CIP"));
            Assert.That(ouagadougou.GetProperty("participantCount").GetInt32(), Is.GreaterThanOrEqualTo(25), "25+ officials");
            Assert.That(ouagadougou.GetProperty("sessionCount").GetInt32(), Is.EqualTo(3));
        });
        var attendance = Convert.ToInt64(await TestSql.ScalarAsync(database,
            "SELECT count(*) FROM attendance a JOIN sessions s ON s.id = a.session_id"));
        Assert.That(attendance, Is.EqualTo(26 * 3 + 12 * 5), "every participant's attendance at every session");
        var ouagadougouSessions = System.Text.Json.JsonDocument.Parse(
            await client.GetStringAsync($"/api/v1/workshops/{ouagadougou.GetProperty("id").GetGuid()}/sessions")).RootElement.GetProperty("items");
        Assert.That(ouagadougouSessions[0].GetProperty("trainers").GetArrayLength(), Is.EqualTo(2), "two national managers ran it");

        var rounds = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/perception-surveys")).RootElement.GetProperty("items")
            .EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!);
        Assert.That(rounds.Keys, Is.EquivalentTo(new[] { "CIPS 2021", "CIPS 2023" }));
        foreach (var (label, round) in rounds)
        {
            var id = round.GetProperty("id").GetGuid();
            var respondents = Convert.ToInt32(await TestSql.ScalarAsync(database, "SELECT count(*) FROM survey_respondents WHERE survey_id = @s", ("s", id)));
            var groups = Convert.ToInt32(await TestSql.ScalarAsync(database, "SELECT count(DISTINCT respondent_group) FROM survey_respondents WHERE survey_id = @s", ("s", id)));
            var answers = Convert.ToInt32(await TestSql.ScalarAsync(database, "SELECT count(*) FROM survey_answers WHERE survey_id = @s", ("s", id)));
            Assert.Multiple(() =>
            {
                Assert.That(round.GetProperty("administrationNameEn").GetString(), Is.EqualTo("Burkina Faso Customs"), label);
                Assert.That(round.GetProperty("programmeCode").GetString(), Is.EqualTo("A-CIP"), label);
                Assert.That(round.GetProperty("fieldworkStartsOn").GetString(), Does.StartWith(label[^4..]), label);
                Assert.That(respondents, Is.InRange(250, 350), $"{label}: about 300 respondents");
                Assert.That(round.GetProperty("respondentCount").GetInt32(), Is.EqualTo(respondents), label);
                Assert.That(round.GetProperty("answerCount").GetInt32(), Is.EqualTo(answers), label);
                Assert.That(groups, Is.EqualTo(2), $"{label}: officials and the private sector");
            });
        }

        var favourable = (await TestSql.RowsAsync(database, """
            SELECT ps.label, kfa.key_factor_code, sum(kfa.favourable), sum(kfa.answers)
            FROM survey_key_factor_answers kfa JOIN perception_surveys ps ON ps.id = kfa.survey_id
            GROUP BY ps.label, kfa.key_factor_code
            """)).ToDictionary(row => ((string)row[0]!, (string)row[1]!), row => Convert.ToDouble(row[2]) / Convert.ToDouble(row[3]));
        var improved = Enumerable.Range(1, 10).Count(n => favourable[("CIPS 2023", $"RAD-{n:D2}")] > favourable[("CIPS 2021", $"RAD-{n:D2}")]);
        Assert.That(improved, Is.InRange(6, 9), "2023 is more favourable on most key factors, not all");

        using var trainer = await second.SignedInClientAsync("trainer@integrity.demo", "integrity-demo");
        var trainersWorkshops = System.Text.Json.JsonDocument.Parse(await trainer.GetStringAsync("/api/v1/workshops")).RootElement.GetProperty("items");
        Assert.That(trainersWorkshops.EnumerateArray().Select(w => w.GetProperty("city").GetString()), Is.EqualTo(new[] { "Ouagadougou" }),
            "the demo trainer is one of the national managers");
    }
}
