namespace Integrity.Tests;

/// <summary>
/// A submitted or approved report reads the rounds whose fieldwork ended by its period's end, so it locks their answers
/// for its administration until it is returned; a round after the period stays open.
/// </summary>
public sealed class LockedRoundsTests(string provider) : PerceptionFixture(provider)
{
    private static SurveyResponses Respondents(int count, int seed, string codePrefix) =>
        SurveyResponses.Generate(PerceptionRounds.Questions, count, seed, codePrefix: codePrefix);

    private async Task<int> RespondentCountAsync(Guid round) =>
        (await GetJsonAsync($"/api/v1/perception-surveys/{round}")).GetProperty("respondentCount").GetInt32();

    [Test]
    public async Task A_submitted_or_approved_report_locks_the_answers_of_the_rounds_it_reads_until_it_is_returned()
    {
        var administration = await Rounds.AdministrationAsync("Locked Customs");
        var programme = await Rounds.ProgrammeAsync(await Rounds.DonorAsync(), administration);
        var first = await Rounds.PeriodAsync(programme, "2020–2021", "2020-01-01", "2021-12-31");
        var second = await Rounds.PeriodAsync(programme, "2022–2023", "2022-01-01", "2023-12-31");
        var round2021 = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2021", "2021-03-01", "2021-04-30");
        var round2023 = await Rounds.RoundAsync(programme, administration, Questionnaire, "CIPS 2023", "2023-03-01", "2023-04-30");
        await Respondents(20, seed: 1, codePrefix: "A").ImportAsync(Client, round2021);
        await ResultsApi.ApproveReportAsync(Client, programme, first, administration);

        var latecomers = Respondents(10, seed: 2, codePrefix: "B");
        var refused = await ProblemAsync(await latecomers.PostAsync(Client, round2021), 409);
        var refusedInFrench = await ProblemAsync(await latecomers.PostAsync(Client, round2021, "fr"), 409);
        var afterThePeriod = await Respondents(15, seed: 3, codePrefix: "C").ImportAsync(Client, round2023);
        Assert.Multiple(async () =>
        {
            Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("2020–2021").And.Contain("approved").And.Contain("the answers of this survey round"));
            Assert.That(refusedInFrench.GetProperty("detail").GetString(), Does.Contain("les réponses de cette campagne d'enquête"));
            Assert.That(await RespondentCountAsync(round2021), Is.EqualTo(20), "nothing of the refused file is stored");
            Assert.That(afterThePeriod.Added, Is.EqualTo(15), "a round whose fieldwork ended after the approved period is open");
        });

        await ResultsApi.MoveReportAsync(Client, programme, first, administration, "return", "Returned: the figures are checked again.");
        Assert.That((await latecomers.ImportAsync(Client, round2021)).Added, Is.EqualTo(10), "a returned report opens its rounds again");

        await ResultsApi.MoveReportAsync(Client, programme, second, administration, "submit");
        var submitted = await ProblemAsync(await Respondents(5, seed: 4, codePrefix: "D").PostAsync(Client, round2021), 409);
        Assert.Multiple(async () =>
        {
            Assert.That(submitted.GetProperty("detail").GetString(), Does.Contain("2022–2023").And.Contain("submitted"),
                "the later period's report compares the 2021 round with the 2023 one, so it locks both");
            Assert.That(await RespondentCountAsync(round2021), Is.EqualTo(30));
        });
    }
}
