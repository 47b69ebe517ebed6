using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Problems follow Accept-Language: French for <c>fr</c> (titles, details, field errors, FluentValidation's own messages),
/// English without the header. A form sent with blank inputs gets every field it lacks, each as required.
/// </summary>
public sealed class LanguagesTests(string provider) : ApiOnEachDatabase(provider)
{
    private static readonly string[] WorkshopInputs = ["programmeId", "kind", "title", "startsOn", "endsOn", "hostAdministrationId", "city", "language"];

    private Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? language,
        string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = body as HttpContent ?? JsonContent.Create(body);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private async Task<(string Title, string Detail)> TextsAsync(HttpResponseMessage response, int status)
    {
        var problem = await ProblemAsync(response, status);
        return (problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()!);
    }

    [Test]
    public async Task Lang_in_the_query_chooses_French_over_Accept_Language()
    {
        var path = $"/api/v1/donors/{Guid.NewGuid()}";
        var french = await TextsAsync(await SendAsync(Client, HttpMethod.Get, path + "?lang=fr", null, "en"), 404);
        Assert.That(french.Title, Is.EqualTo("Introuvable"), "a link (a report to download) carries no header");
    }

    [Test]
    public async Task A_record_not_found_is_told_in_French_or_in_English()
    {
        var path = $"/api/v1/donors/{Guid.NewGuid()}";
        var french = await TextsAsync(await SendAsync(Client, HttpMethod.Get, path, null, "fr"), 404);
        var english = await TextsAsync(await SendAsync(Client, HttpMethod.Get, path, null, null), 404);
        Assert.Multiple(() =>
        {
            Assert.That(french.Title, Is.EqualTo("Introuvable"));
            Assert.That(french.Detail, Does.StartWith("Bailleur introuvable").And.Contain("hors de votre périmètre"));
            Assert.That(english.Title, Is.EqualTo("Not found"));
            Assert.That(english.Detail, Does.StartWith("No donor has the id"));
        });
    }

    [Test]
    public async Task A_path_no_operation_has_is_told_in_French()
    {
        var french = await TextsAsync(await SendAsync(Client, HttpMethod.Get, "/api/v1/no-such-thing", null, "fr-FR,fr;q=0.9"), 404);
        Assert.That(french, Is.EqualTo(("Introuvable", "Aucune opération de l'API n'a ce chemin. Les opérations sont listées sur /swagger.")));
    }

    [Test]
    public async Task The_framework_refusals_are_told_in_French()
    {
        using var anonymous = App.AnonymousClient();
        var unsigned = await TextsAsync(await SendAsync(anonymous, HttpMethod.Get, "/api/v1/donors", null, "fr"), 401);
        var form = await TextsAsync(await SendAsync(Client, HttpMethod.Post, "/api/v1/donors",
            new StringContent("code=X", Encoding.UTF8, "application/x-www-form-urlencoded"), "fr"), 415);
        Assert.Multiple(() =>
        {
            Assert.That(unsigned.Title, Is.EqualTo("Non authentifié"));
            Assert.That(unsigned.Detail, Does.StartWith("Connectez-vous d'abord"));
            Assert.That(form.Title, Is.EqualTo("Type de média non pris en charge"));
            Assert.That(form.Detail, Does.StartWith("Envoyez le corps en JSON"));
        });
    }

    [Test]
    public async Task A_failed_sign_in_and_the_back_off_after_it_are_told_in_French()
    {
        using var anonymous = App.AnonymousClient();
        var attempt = new { email = $"nobody-{Guid.NewGuid():N}@integrity.test", password = "not-the-password" };
        var refused = await TextsAsync(await SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/sign-in", attempt, "fr"), 401);
        HttpResponseMessage response;
        do response = await SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/sign-in", attempt, "fr");
        while ((int)response.StatusCode == 401);
        var backOff = await TextsAsync(response, 429);
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EqualTo(("Échec de la connexion", "Le courriel ou le mot de passe est erroné. Vérifiez les deux et réessayez.")));
            Assert.That(backOff.Title, Is.EqualTo("Trop de connexions échouées"));
            Assert.That(backOff.Detail, Does.StartWith("Trop de connexions échouées avec ce courriel"));
        });
    }

    [Test]
    public async Task A_role_that_may_not_is_told_in_French()
    {
        using var trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer");
        var french = await TextsAsync(await SendAsync(trainer, HttpMethod.Post, "/api/v1/donors", new { code = UniqueCode("FR"), name = "Donateur" }, "fr"), 403);
        var english = await TextsAsync(await SendAsync(trainer, HttpMethod.Post, "/api/v1/donors", new { code = UniqueCode("EN"), name = "Donor" }, null), 403);
        Assert.Multiple(() =>
        {
            Assert.That(french.Title, Is.EqualTo("Interdit"));
            Assert.That(french.Detail, Does.Contain("Demandez à un administrateur"));
            Assert.That(english.Title, Is.EqualTo("Forbidden"));
            Assert.That(english.Detail, Does.Contain("Ask an administrator"));
        });
    }

    [Test]
    public async Task A_duplicate_code_is_a_conflict_told_in_French()
    {
        var code = UniqueCode("DUP");
        await CreateAsync("/api/v1/donors", new { code, name = "Premier bailleur" });
        var french = await TextsAsync(await SendAsync(Client, HttpMethod.Post, "/api/v1/donors", new { code, name = "Second bailleur" }, "fr"), 409);
        Assert.That(french, Is.EqualTo(("Conflit", $"Un autre bailleur a déjà le code « {code} ». Choisissez un autre code, ou mettez ce bailleur à jour.")));
    }

    [Test]
    public async Task A_stale_version_is_told_in_French()
    {
        var code = UniqueCode("VER");
        var id = await CreateAsync("/api/v1/donors", new { code, name = "Bailleur versionné" });
        var french = await TextsAsync(await SendAsync(Client, HttpMethod.Put, $"/api/v1/donors/{id}", new { code, name = "Renommé" }, "fr", "\"7\""), 412);
        Assert.Multiple(() =>
        {
            Assert.That(french.Title, Is.EqualTo("Version périmée"));
            Assert.That(french.Detail, Does.StartWith("Bailleur : modifié par quelqu'un d'autre").And.Contain("version actuelle : 1"));
        });
    }

    [Test]
    public async Task Invalid_input_gets_French_field_errors_from_the_catalogue_and_from_FluentValidation()
    {
        var problem = await ProblemAsync(await SendAsync(Client, HttpMethod.Post, "/api/v1/donors", new { code = "no spaces allowed", name = "" }, "fr"), 400);
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Saisie invalide"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("Des champs manquent ou sont incorrects"));
            Assert.That(errors.GetProperty("code")[0].GetString(), Does.StartWith("N'utilisez que des lettres"));
            Assert.That(errors.GetProperty("name")[0].GetString(), Is.EqualTo("« name » est obligatoire."));
        });
    }

    [Test]
    public async Task A_blank_workshop_form_gets_every_field_as_required_in_French()
    {
        var blank = WorkshopInputs.ToDictionary(input => input, _ => "");
        var problem = await ProblemAsync(await SendAsync(Client, HttpMethod.Post, "/api/v1/workshops", blank, "fr"), 400);
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EquivalentTo(WorkshopInputs), problem.ToString());
            foreach (var input in WorkshopInputs)
                Assert.That(errors.GetProperty(input)[0].GetString(), Is.EqualTo($"« {input} » est obligatoire."), input);
        });
    }

    [Test]
    public async Task A_blank_workshop_form_without_a_language_gets_every_field_as_required_in_English()
    {
        var blank = WorkshopInputs.ToDictionary(input => input, _ => "");
        var problem = await ProblemAsync(await SendAsync(Client, HttpMethod.Post, "/api/v1/workshops", blank, null), 400);
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("title").GetString(), Is.EqualTo("Invalid input"));
            Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EquivalentTo(WorkshopInputs), problem.ToString());
            Assert.That(errors.GetProperty("title")[0].GetString(), Is.EqualTo("'title' is required."));
        });
    }

    [Test]
    public async Task A_malformed_value_is_still_refused_as_unreadable_and_an_unknown_choice_names_the_allowed_ones()
    {
        var malformed = await ProblemAsync(await SendAsync(Client, HttpMethod.Post, "/api/v1/workshops",
            new StringContent("""{"startsOn": "29/11/2023"}""", Encoding.UTF8, "application/json"), "fr"), 400);
        var choice = await ProblemAsync(await SendAsync(Client, HttpMethod.Post, "/api/v1/workshops",
            new StringContent("""{"kind": "seminar"}""", Encoding.UTF8, "application/json"), "fr"), 400);
        Assert.Multiple(() =>
        {
            Assert.That(malformed.GetProperty("errors").GetProperty("startsOn")[0].GetString(), Does.StartWith("Cette valeur est illisible"));
            Assert.That(choice.GetProperty("errors").GetProperty("kind")[0].GetString(),
                Does.StartWith("Choisissez parmi : ").And.Contain("capacity_building_mission"));
        });
    }
}
