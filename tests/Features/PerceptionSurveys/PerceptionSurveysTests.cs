using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Perception survey rounds: registered in an administration under a programme that covers it, read by administrators
/// and the coordinators whose scope covers the administration, never by trainers or donors. The world: Burkina Faso in
/// programme P, Mali in programme Q, a coordinator of Burkina Faso, a trainer and a donor token.
/// </summary>
public sealed class PerceptionSurveysTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Surveys = "/api/v1/perception-surveys";

    private Guid burkina;
    private Guid mali;
    private Guid programmeP;
    private Guid programmeQ;
    private Guid questionnaire;
    private Guid funder;
    private HttpClient coordinatorOfBurkina = null!;
    private HttpClient trainer = null!;
    private HttpClient donor = null!;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        burkina = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = "BF Customs " + UniqueCode("PS"), nameFr = "Douanes BF" });
        mali = await CreateAsync("/api/v1/administrations", new { countryCode = "ML", regionCode = "WCA", nameEn = "ML Customs " + UniqueCode("PS"), nameFr = "Douanes ML" });
        funder = await CreateAsync("/api/v1/donors", new { code = UniqueCode("PS-DON"), name = "Survey donor" });
        programmeP = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("PS-P"), name = "A-CIP", startsOn = "2016-01-01", endsOn = "2035-12-31", donorIds = new[] { funder }, administrationIds = new[] { burkina } });
        programmeQ = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("PS-Q"), name = "WACAM", startsOn = "2016-01-01", endsOn = "2035-12-31", donorIds = new[] { funder }, administrationIds = new[] { mali } });
        questionnaire = await NewQuestionnaireAsync();
        coordinatorOfBurkina = await TrainingAccounts.SignInAsync(App, Client, "coordinator", administrationIds: [burkina]);
        trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer", administrationIds: [burkina]);
        donor = await TrainingAccounts.DonorTokenClientAsync(App, Client);
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        coordinatorOfBurkina?.Dispose();
        trainer?.Dispose();
        donor?.Dispose();
    }

    private Task<Guid> NewQuestionnaireAsync() => CreateAsync("/api/v1/questionnaires", new
    {
        code = UniqueCode("CIPS"), titleEn = "Officials", titleFr = "Agents",
        questions = new[] { new { code = "Q1", keyFactorCode = "RAD-01", textEn = "A question.", textFr = "Une question.", reversed = false } },
    });

    private object Round(string label, Guid? administrationId = null, Guid? programmeId = null, string startsOn = "2023-03-01", string endsOn = "2023-04-30") => new
    {
        administrationId = administrationId ?? burkina, programmeId = programmeId ?? programmeP, questionnaireId = questionnaire,
        label, fieldworkStartsOn = startsOn, fieldworkEndsOn = endsOn,
    };

    private static string Label() => "CIPS " + Guid.NewGuid().ToString("N")[..8];

    [Test]
    public async Task A_registered_round_reads_back_with_its_administration_programme_and_questionnaire_and_no_respondents_yet()
    {
        var label = Label();
        var response = await Client.PostAsJsonAsync(Surveys, Round(label));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Surveys}/{id}"));

        var round = await GetJsonAsync($"{Surveys}/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(round.GetProperty("label").GetString(), Is.EqualTo(label));
            Assert.That(round.GetProperty("administrationId").GetGuid(), Is.EqualTo(burkina));
            Assert.That(round.GetProperty("programmeId").GetGuid(), Is.EqualTo(programmeP));
            Assert.That(round.GetProperty("questionnaireId").GetGuid(), Is.EqualTo(questionnaire));
            Assert.That(round.GetProperty("fieldworkStartsOn").GetString(), Is.EqualTo("2023-03-01"));
            Assert.That(round.GetProperty("fieldworkEndsOn").GetString(), Is.EqualTo("2023-04-30"));
            Assert.That(round.GetProperty("respondentCount").GetInt32(), Is.Zero);
            Assert.That(round.GetProperty("answerCount").GetInt32(), Is.Zero);
            Assert.That(round.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_list_filters_by_administration_and_programme_latest_fieldwork_first()
    {
        var administration = await CreateAsync("/api/v1/administrations", new { countryCode = "NE", regionCode = "WCA", nameEn = "NE Customs " + UniqueCode("PS"), nameFr = "Douanes NE" });
        var programme = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("PS-L"), name = "Listed", startsOn = "2016-01-01", endsOn = "2035-12-31", donorIds = new[] { funder }, administrationIds = new[] { administration } });
        var first = await CreateAsync(Surveys, Round("CIPS 2021", administration, programme, "2021-02-01", "2021-03-31"));
        var second = await CreateAsync(Surveys, Round("CIPS 2023", administration, programme, "2023-02-01", "2023-03-31"));
        var third = await CreateAsync(Surveys, Round("CIPS 2025", administration, programme, "2025-02-01", "2025-03-31"));

        var byAdministration = await AllPagesAsync($"{Surveys}?administrationId={administration}", limit: 2);
        Assert.That(byAdministration.Select(s => s.GetProperty("id").GetGuid()), Is.EqualTo(new[] { third, second, first }));
        var byProgramme = await AllPagesAsync($"{Surveys}?programmeId={programme}", limit: 1);
        Assert.That(byProgramme.Select(s => s.GetProperty("id").GetGuid()), Is.EqualTo(new[] { third, second, first }));
    }

    [Test]
    public async Task A_programme_that_does_not_cover_the_administration_or_fieldwork_ending_before_it_starts_is_refused()
    {
        var uncovered = await ProblemAsync(await Client.PostAsJsonAsync(Surveys, Round(Label(), administrationId: mali)), 400);
        Assert.That(uncovered.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "administrationId" }), uncovered.ToString());

        var backwards = await ProblemAsync(await Client.PostAsJsonAsync(Surveys, Round(Label(), startsOn: "2023-05-01", endsOn: "2023-04-30")), 400);
        Assert.That(backwards.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "fieldworkEndsOn" }), backwards.ToString());

        var unknown = await ProblemAsync(await Client.PostAsJsonAsync(Surveys, new
        {
            administrationId = burkina, programmeId = programmeP, questionnaireId = Guid.NewGuid(), label = Label(),
            fieldworkStartsOn = "2023-03-01", fieldworkEndsOn = "2023-04-30",
        }), 400);
        Assert.That(unknown.GetProperty("errors").GetProperty("questionnaireId")[0].GetString(), Does.Contain("GET /api/v1/questionnaires"));
    }

    [Test]
    public async Task Coordinators_keep_the_rounds_of_their_administrations_only_and_trainers_and_donors_see_none()
    {
        var ours = await CreateAsync(Surveys, Round(Label()));
        var theirs = await CreateAsync(Surveys, Round(Label(), mali, programmeQ));

        var registered = await coordinatorOfBurkina.PostAsJsonAsync(Surveys, Round(Label()));
        Assert.That(registered.StatusCode, Is.EqualTo(HttpStatusCode.Created), await registered.Content.ReadAsStringAsync());
        Assert.That((await coordinatorOfBurkina.GetAsync($"{Surveys}/{ours}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAsync(await coordinatorOfBurkina.GetAsync($"{Surveys}/{theirs}"), 404);
        await ProblemAsync(await coordinatorOfBurkina.PostAsJsonAsync(Surveys, Round(Label(), mali, programmeQ)), 404);
        var listed = await coordinatorOfBurkina.GetFromJsonAsync<JsonElement>($"{Surveys}?limit=200");
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("administrationId").GetGuid()), Is.All.EqualTo(burkina));

        await ProblemAsync(await trainer.GetAsync($"{Surveys}/{ours}"), 403);
        await ProblemAsync(await trainer.GetAsync(Surveys), 403);
        await ProblemAsync(await donor.GetAsync($"{Surveys}/{ours}"), 403);
        await ProblemAsync(await donor.PostAsJsonAsync(Surveys, Round(Label())), 403);
    }

    [Test]
    public async Task A_questionnaire_no_longer_changes_once_a_round_uses_it()
    {
        var used = await NewQuestionnaireAsync();
        var path = $"/api/v1/questionnaires/{used}";
        var before = await GetJsonAsync(path);
        var label = Label();
        await CreateAsync(Surveys, new
        {
            administrationId = burkina, programmeId = programmeP, questionnaireId = used, label,
            fieldworkStartsOn = "2023-03-01", fieldworkEndsOn = "2023-04-30",
        });

        var refused = await ProblemAsync(await PutAsync(path, new
        {
            code = before.GetProperty("code").GetString(), titleEn = "Changed", titleFr = "Modifié",
            questions = new[] { new { code = "Q9", keyFactorCode = "RAD-02", textEn = "Another.", textFr = "Une autre.", reversed = true } },
        }, ifMatch: "\"1\""), 409);
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain(label));
        Assert.That((await GetJsonAsync(path)).GetProperty("titleEn").GetString(), Is.EqualTo("Officials"), "nothing changed");
    }
}
