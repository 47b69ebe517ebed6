using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>Perception survey questionnaires: administrators keep them, coordinators read them, donors and trainers do not.</summary>
public sealed class QuestionnairesTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Questionnaires = "/api/v1/questionnaires";

    private sealed record Question(string Code, string KeyFactorCode, string TextEn, string TextFr, bool Reversed);

    private sealed record Body(string Code, string TitleEn, string TitleFr, Question[] Questions);

    private static readonly Question Example = new("OFF-01", "RAD-01", "Senior managers set an example of integrity.",
        "Les cadres dirigeants donnent l'exemple de l'intégrité.", false);

    private static readonly Question Gifts = new("OFF-02", "RAD-07", "Officers accept gifts from traders.",
        "Des agents acceptent des cadeaux d'opérateurs.", true);

    private static string NewMarker() => Guid.NewGuid().ToString("N")[..10];

    private static Body Officials(string marker, params Question[] questions) =>
        new(UniqueCode("CIPS"), $"Officials {marker}", $"Agents {marker}", questions.Length > 0 ? questions : [Example, Gifts]);

    private static List<Question> QuestionsOf(JsonElement questionnaire) =>
        questionnaire.GetProperty("questions").EnumerateArray().Select(q => new Question(
            q.GetProperty("code").GetString()!, q.GetProperty("keyFactorCode").GetString()!,
            q.GetProperty("textEn").GetString()!, q.GetProperty("textFr").GetString()!, q.GetProperty("reversed").GetBoolean())).ToList();

    private async Task<List<JsonElement>> ItemsAsync(string path) =>
        (await GetJsonAsync(path)).GetProperty("items").EnumerateArray().ToList();

    [Test]
    public async Task A_registered_questionnaire_reads_back_as_sent_with_its_questions_in_order()
    {
        var marker = NewMarker();
        // Out of key factor order, to show the questions keep the order sent.
        var body = Officials(marker, Gifts, Example, Example with { Code = "OFF-03", KeyFactorCode = "RAD-10", Reversed = true });
        var response = await Client.PostAsJsonAsync(Questionnaires, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Questionnaires}/{id}"));

        var read = await Client.GetAsync($"{Questionnaires}/{id}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        var questionnaire = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(questionnaire.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(questionnaire.GetProperty("code").GetString(), Is.EqualTo(body.Code));
            Assert.That(questionnaire.GetProperty("titleEn").GetString(), Is.EqualTo(body.TitleEn));
            Assert.That(questionnaire.GetProperty("titleFr").GetString(), Is.EqualTo(body.TitleFr));
            Assert.That(QuestionsOf(questionnaire), Is.EqualTo(body.Questions));
            Assert.That(questionnaire.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
        var listed = await ItemsAsync($"{Questionnaires}?q={marker}");
        Assert.That(listed.Select(q => q.GetProperty("id").GetGuid()), Is.EqualTo(new[] { id }));
        Assert.That(QuestionsOf(listed[0]), Is.EqualTo(body.Questions), "the list carries the questions too");
    }

    [Test]
    public async Task A_second_questionnaire_with_the_same_code_is_a_conflict()
    {
        var marker = NewMarker();
        var first = Officials(marker);
        await CreateAsync(Questionnaires, first);

        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Questionnaires, first with { TitleEn = "second" }), 409);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(first.Code));
        Assert.That(await ItemsAsync($"{Questionnaires}?q={marker}"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_question_code_used_twice_ignoring_case_is_refused_on_the_second_question()
    {
        var marker = NewMarker();
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Questionnaires,
            Officials(marker, Example, Gifts, Gifts with { Code = "off-01" })), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { "questions[2].code" }), errors.ToString());
        Assert.That(errors.GetProperty("questions[2].code")[0].GetString(), Does.Contain("off-01"));
        Assert.That(await ItemsAsync($"{Questionnaires}?q={marker}"), Is.Empty, "nothing was stored");
    }

    [Test]
    public async Task An_unknown_key_factor_is_refused_naming_the_question()
    {
        var marker = NewMarker();
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Questionnaires,
            Officials(marker, Example, Gifts with { KeyFactorCode = "RAD-11" })), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { "questions[1].keyFactorCode" }), errors.ToString());
        Assert.That(errors.GetProperty("questions[1].keyFactorCode")[0].GetString(), Does.Contain("RAD-11"));
        Assert.That(await ItemsAsync($"{Questionnaires}?q={marker}"), Is.Empty, "nothing was stored");
    }

    [Test]
    public async Task Missing_question_fields_and_too_many_questions_are_refused_naming_the_field()
    {
        var marker = NewMarker();
        var missing = await ProblemAsync(await Client.PostAsJsonAsync(Questionnaires, new
        {
            code = UniqueCode("CIPS"), titleEn = $"Officials {marker}", titleFr = $"Agents {marker}",
            questions = new object[] { Example, new { code = "OFF-02", keyFactorCode = "RAD-02", textEn = "Without a French text or reversed." } },
        }), 400);
        Assert.That(missing.GetProperty("errors").EnumerateObject().Select(error => error.Name),
            Is.EquivalentTo(new[] { "questions[1].textFr", "questions[1].reversed" }), missing.ToString());

        var many = Enumerable.Range(1, 201).Select(n => Example with { Code = $"Q{n}" }).ToArray();
        var tooMany = await ProblemAsync(await Client.PostAsJsonAsync(Questionnaires, Officials(marker, many)), 400);
        Assert.That(tooMany.GetProperty("errors").GetProperty("questions")[0].GetString(), Does.Contain("200"));
        Assert.That(await ItemsAsync($"{Questionnaires}?q={marker}"), Is.Empty, "nothing was stored");
    }

    [Test]
    public async Task An_update_replaces_the_questions_bumps_the_version_and_needs_the_current_ETag()
    {
        var marker = NewMarker();
        var body = Officials(marker);
        var id = await CreateAsync(Questionnaires, body);
        var path = $"{Questionnaires}/{id}";
        var changes = body with { TitleEn = $"Officials {marker} (2023)", Questions = [Gifts with { TextEn = "Some officers accept gifts." }] };

        await ProblemAsync(await PutAsync(path, changes, ifMatch: null), 428);
        var updated = await PutAsync(path, changes, ifMatch: "\"1\"");
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await updated.Content.ReadAsStringAsync());
        Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var questionnaire = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(questionnaire.GetProperty("titleEn").GetString(), Is.EqualTo(changes.TitleEn));
            Assert.That(QuestionsOf(questionnaire), Is.EqualTo(changes.Questions), "the questions were replaced");
            Assert.That(questionnaire.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });

        var stale = await ProblemAsync(await PutAsync(path, changes with { TitleEn = "lost update" }, ifMatch: "\"1\""), 412);
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain("version 2"));
        Assert.That((await GetJsonAsync(path)).GetProperty("titleEn").GetString(), Is.EqualTo(changes.TitleEn), "the stale update changed nothing");
    }

    [Test]
    public async Task The_list_pages_through_the_questionnaires_in_code_order()
    {
        var marker = NewMarker().ToUpperInvariant();
        var codes = new[] { "PRIVATE", "OFFICIALS", "MANAGERS" }.Select(suffix => $"Q-{marker}-{suffix}").ToList();
        foreach (var code in codes)
            await CreateAsync(Questionnaires, Officials(marker) with { Code = code });

        var listed = await AllPagesAsync($"{Questionnaires}?q={marker}", limit: 2);
        Assert.That(listed.Select(q => q.GetProperty("code").GetString()), Is.EqualTo(codes.Order(StringComparer.Ordinal)));
    }

    [Test]
    public async Task Coordinators_read_questionnaires_only_administrators_change_them_and_donors_and_trainers_see_none()
    {
        var body = Officials(NewMarker());
        var id = await CreateAsync(Questionnaires, body);
        using var coordinator = await TrainingAccounts.SignInAsync(App, Client, "coordinator");
        using var trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer");
        using var donor = await TrainingAccounts.DonorTokenClientAsync(App, Client);

        Assert.That((await coordinator.GetAsync($"{Questionnaires}/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await coordinator.GetAsync(Questionnaires)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAsync(await coordinator.PostAsJsonAsync(Questionnaires, Officials(NewMarker())), 403);
        await ProblemAsync(await trainer.GetAsync($"{Questionnaires}/{id}"), 403);
        await ProblemAsync(await donor.GetAsync(Questionnaires), 403);
        await ProblemAsync(await donor.GetAsync($"{Questionnaires}/{id}"), 403);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"{Questionnaires}/{id}") { Content = JsonContent.Create(body with { TitleEn = "changed" }) };
        update.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await ProblemAsync(await donor.SendAsync(update), 403);
        Assert.That((await GetJsonAsync($"{Questionnaires}/{id}")).GetProperty("version").GetInt32(), Is.EqualTo(1), "nothing changed");
    }
}
