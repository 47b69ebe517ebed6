using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integrity.Api.Features.Reports;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Integrity.Tests;

/// <summary>
/// Donors get aggregates, never personal data. With a donor's API token, the crawl calls every GET
/// operation of the OpenAPI document, follows the ids it finds in the answers (and tries the ids of
/// records it must not see), and looks through every answer for a personal field or for the e-mail or
/// name of any account, and for a person-count cell below the small-count threshold. D1's programme has an approved
/// 2024 report whose workshop trained two women and six men, so its progress report holds a small cell, and A1's perception
/// survey round, so that it holds perception figures of one administration, which must all be withheld.
/// </summary>
public sealed class DonorCrawlTests(string provider) : ApiOnEachDatabase(provider)
{
    private const int MaxUrls = 500;

    /// <summary>Property names that carry a person (compared lower-case, letters only).</summary>
    private static readonly string[] PersonalNameParts =
        ["email", "displayname", "firstname", "lastname", "givenname", "familyname", "surname", "fullname", "staffnumber", "password"];

    private static readonly string[] PersonalNames = ["names", "mail", "phone", "phonenumber"];

    private readonly Dictionary<string, Guid> world = [];
    private readonly List<string> accountEmails = [ApiFactory.AdminEmail];
    private readonly List<string> accountNames = [];
    private readonly Dictionary<string, HashSet<Guid>> found = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Response> responses = new(StringComparer.Ordinal);
    private readonly List<string> leaks = [];
    private readonly List<string> smallCells = [];
    private int suppressedCells;
    private int perceptionCells;
    private readonly List<string> perceptionShown = [];
    private List<string> getTemplates = null!;

    private sealed record Response(string Template, int Status, string? MediaType, JsonElement? Body);

    [OneTimeSetUp]
    public async Task CrawlAsTheDonor()
    {
        world["D1"] = await CreateAsync("/api/v1/donors", new { code = UniqueCode("CRAWL-D1"), name = "Crawl donor one" });
        world["D2"] = await CreateAsync("/api/v1/donors", new { code = UniqueCode("CRAWL-D2"), name = "Crawl donor two" });
        world["A1"] = await CreateAsync("/api/v1/administrations", new { countryCode = "ML", regionCode = "WCA", nameEn = $"Crawl Mali Customs {Guid.NewGuid():N}", nameFr = "Douanes maliennes" });
        world["A2"] = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = $"Crawl Burkina Faso Customs {Guid.NewGuid():N}", nameFr = "Douanes burkinabè" });
        world["P1"] = await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode("CRAWL-P1"), name = "Crawl programme of D1", startsOn = "2024-01-01", endsOn = "2027-12-31",
            donorIds = new[] { world["D1"] }, administrationIds = new[] { world["A1"] },
        });
        world["P2"] = await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode("CRAWL-P2"), name = "Crawl programme of D2", startsOn = "2024-01-01", endsOn = "2027-12-31",
            donorIds = new[] { world["D2"] }, administrationIds = new[] { world["A2"] },
        });

        // People whose data must never reach a donor, D1's own account included.
        var marker = Guid.NewGuid().ToString("N")[..8];
        world["U1"] = await AddAccountAsync($"aissata.coulibaly.{marker}@wco.test", "Aïssata Coulibaly", "coordinator", programmeIds: [world["P1"]]);
        world["U2"] = await AddAccountAsync($"boukary.ouedraogo.{marker}@douanes.test", "Boukary Ouédraogo", "coordinator", administrationIds: [world["A1"]]);
        world["U3"] = await AddAccountAsync($"mariam.diallo.{marker}@wco.test", "Mariam Diallo", "trainer", programmeIds: [world["P1"]]);
        world["U4"] = await AddAccountAsync($"ingrid.halvorsen.{marker}@norad.test", "Ingrid Halvorsen", "donor", donorId: world["D1"]);
        // The rounds first: the approved report locks the answers of the rounds it reads.
        await SurveyAsync();
        await TrainAndApproveAsync(marker);

        var issued = await Client.PostAsJsonAsync("/api/v1/api-tokens", new
        {
            donorId = world["D1"], name = "Crawl results dashboard",
            expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        var token = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        using var donor = App.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        donor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await CrawlAsync(donor);
    }

    private async Task<Guid> AddAccountAsync(string email, string displayName, string role,
        Guid[]? programmeIds = null, Guid[]? administrationIds = null, Guid? donorId = null)
    {
        accountEmails.Add(email);
        accountNames.Add(displayName);
        return await CreateAsync("/api/v1/users", new { email, displayName, role, password = "crawl-password-123", donorId, programmeIds, administrationIds });
    }

    /// <summary>
    /// P1's 2024: an indicator of officials trained by sex, a held workshop hosted by A1 where two women and six men
    /// attended (the women a cell below the threshold), and A1's report for 2024 submitted and approved.
    /// </summary>
    private async Task TrainAndApproveAsync(string marker)
    {
        var programme = world["P1"];
        var period = await CreateAsync($"/api/v1/programmes/{programme}/periods", new { label = "2024", startsOn = "2024-01-01", endsOn = "2024-12-31" });
        await CreateAsync($"/api/v1/programmes/{programme}/indicators", new
        {
            code = PeopleIndicator, titleEn = "Officials trained", titleFr = "Fonctionnaires formés", unit = "officials", measure = "unit", ascending = true,
            disaggregations = new[] { "sex" }, computedBy = "officials_trained",
        });
        var module = await CreateAsync("/api/v1/modules", new { code = UniqueCode("CRAWL-MOD"), titleEn = "Integrity", titleFr = "Intégrité", hours = 6, keyFactorCodes = new[] { "RAD-07" } });
        var trainer = await CreateAsync("/api/v1/trainers", new { fullName = $"Crawl Trainer {marker}", kind = "wco_expert" });
        var workshop = await CreateAsync("/api/v1/workshops", new
        {
            programmeId = programme, kind = "workshop", title = "Integrity workshop", startsOn = "2024-03-12", endsOn = "2024-03-12",
            hostAdministrationId = world["A1"], city = "Bamako", language = "fr", status = "held",
        });
        var session = await CreateAsync($"/api/v1/workshops/{workshop}/sessions", new { moduleId = module, heldOn = "2024-03-12", trainerIds = new[] { trainer } });
        var officials = new List<Guid>();
        foreach (var (sex, i) in Enumerable.Repeat("female", 2).Concat(Enumerable.Repeat("male", 6)).Select((sex, i) => (sex, i)))
        {
            var official = await CreateAsync("/api/v1/participants", new
            {
                familyName = "Traoré", givenNames = $"Official{i} {marker}", sex, administrationId = world["A1"], service = "operational", staffNumber = $"C-{marker}-{i}",
            });
            var enrolled = await Client.PostAsJsonAsync($"/api/v1/workshops/{workshop}/participants", new { participantId = official });
            Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Created), await enrolled.Content.ReadAsStringAsync());
            officials.Add(official);
        }
        var attended = await Client.PutAsJsonAsync($"/api/v1/workshops/{workshop}/sessions/{session}/attendance",
            new { entries = officials.Select(official => new { participantId = official, status = "present" }) });
        Assert.That(attended.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await attended.Content.ReadAsStringAsync());
        await PerceptionIndicatorAsync(programme);
        await ResultsApi.ApproveReportAsync(Client, programme, period, world["A1"]);
    }

    /// <summary>
    /// A perception survey round of A1 in P1's 2024, and an indicator computed from it: P1 covers A1 alone, so no perception
    /// figure of its reports may reach the donor (fewer than Reporting:MinimumAdministrations administrations).
    /// </summary>
    private async Task PerceptionIndicatorAsync(Guid programme)
    {
        SurveyResponses.Question[] questions = [new("Q1", "RAD-07", false), new("Q2", "RAD-01", true)];
        var questionnaire = await CreateAsync("/api/v1/questionnaires", new
        {
            code = UniqueCode("CRAWL-CIPS"), titleEn = "Perceptions", titleFr = "Perceptions",
            questions = questions.Select(q => new { code = q.Code, keyFactorCode = q.KeyFactorCode, textEn = q.Code, textFr = q.Code, q.Reversed }),
        });
        var survey = await CreateAsync("/api/v1/perception-surveys", new
        {
            administrationId = world["A1"], programmeId = programme, questionnaireId = questionnaire, label = "CIPS 2024",
            fieldworkStartsOn = "2024-02-01", fieldworkEndsOn = "2024-02-28",
        });
        await SurveyResponses.Generate(questions, 40, 7).ImportAsync(Client, survey);
        await CreateAsync($"/api/v1/programmes/{programme}/indicators", new
        {
            code = "2.1", titleEn = "Favourable perceptions", titleFr = "Perceptions favorables", unit = "%", measure = "percentage", ascending = true,
            disaggregations = new[] { "administration", "key_factor" }, computedBy = "perception_favourable_percent",
        });
    }

    /// <summary>A perception survey round in each administration, S1 under D1's programme, both with answers: scores a donor must never read.</summary>
    private async Task SurveyAsync()
    {
        var rounds = new PerceptionRounds(Client);
        world["Q"] = await rounds.QuestionnaireAsync();
        world["S1"] = await rounds.RoundAsync(world["P1"], world["A1"], world["Q"], "CIPS 2024", "2024-02-01", "2024-03-31");
        world["S2"] = await rounds.RoundAsync(world["P2"], world["A2"], world["Q"], "CIPS 2024", "2024-02-01", "2024-03-31");
        await PerceptionRounds.Generate(30, seed: 1, lean: 0.5).ImportAsync(Client, world["S1"]);
        await PerceptionRounds.Generate(30, seed: 2, lean: 0.5).ImportAsync(Client, world["S2"]);
    }

    /// <summary>
    /// Ids the crawl tries as well, as a curious analyst might: of records outside D1's scope, of accounts, and of the survey
    /// rounds and their questionnaire, which no list shows a donor.
    /// </summary>
    private Dictionary<string, Guid[]> Foreign() => new(StringComparer.Ordinal)
    {
        ["programmes"] = [world["P2"]],
        ["administrations"] = [world["A2"]],
        ["donors"] = [world["D2"]],
        ["users"] = [world["U1"], world["U2"], world["U3"], world["U4"]],
        ["perception-surveys"] = [world["S1"], world["S2"]],
        ["questionnaires"] = [world["Q"]],
    };

    private async Task CrawlAsync(HttpClient donor)
    {
        var document = JsonNode.Parse(await donor.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        var operations = document["paths"]!.AsObject()
            .Where(path => path.Value!["get"] is not null)
            .Select(path => (Template: path.Key, Parameters: (path.Value!["get"]!["parameters"]?.AsArray() ?? [])
                .Select(parameter => (Name: (string)parameter!["name"]!, In: (string)parameter["in"]!)).ToList()))
            .ToList();
        getTemplates = operations.Select(operation => operation.Template).ToList();

        // Until no answer names an id not yet followed.
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var (template, parameters) in operations)
                foreach (var url in Expand(template, parameters).ToList())
                {
                    if (responses.ContainsKey(url)) continue;
                    Assert.That(responses, Has.Count.LessThan(MaxUrls), "the crawl does not end");
                    await FetchAsync(donor, template, url);
                    progress = true;
                }
        }
    }

    private static readonly Guid Unknown = Guid.CreateVersion7();

    /// <summary>The URLs to call for one operation: each known id in each path parameter, each known id in each id filter.</summary>
    private IEnumerable<string> Expand(string template, List<(string Name, string In)> parameters)
    {
        var paths = new List<string> { "" };
        var segments = template.Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (!segments[i].StartsWith('{'))
            {
                paths = paths.Select(path => $"{path}/{segments[i]}").ToList();
                continue;
            }
            var candidates = IdsOf(i > 0 ? segments[i - 1] : "").ToList();
            // No id known for this kind of record: one id that exists nowhere, the same on every pass, so the crawl ends.
            if (candidates.Count == 0) candidates.Add(Unknown);
            paths = paths.SelectMany(path => candidates.Select(id => $"{path}/{id}")).ToList();
        }
        var query = parameters.Any(parameter => parameter is { Name: "limit", In: "query" }) ? "?limit=100" : "";
        foreach (var path in paths)
        {
            yield return path + query;
            foreach (var (name, _) in parameters.Where(parameter => parameter.In == "query" && parameter.Name.EndsWith("Id", StringComparison.Ordinal)))
                foreach (var id in IdsOf(Collection(name[..^2])))
                    yield return $"{path}{(query.Length == 0 ? "?" : query + "&")}{name}={id}";
        }
    }

    private IEnumerable<Guid> IdsOf(string collection) =>
        (found.TryGetValue(collection, out var followed) ? followed : [])
        .Concat(Foreign().TryGetValue(collection, out var foreign) ? foreign : [])
        .Distinct();

    /// <summary>"donor" → "donors", "apiToken" → "api-tokens": the path segment of a record's collection.</summary>
    private static string Collection(string singular)
    {
        var kebab = string.Concat(singular.Select((c, i) => char.IsUpper(c) && i > 0 ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
        return kebab.EndsWith('s') ? kebab : kebab + "s";
    }

    private async Task FetchAsync(HttpClient donor, string template, string url)
    {
        var page = url;
        var pages = 0;
        while (true)
        {
            using var response = await donor.GetAsync(page);
            var text = await response.Content.ReadAsStringAsync();
            JsonElement? body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
                ? JsonDocument.Parse(text).RootElement.Clone()
                : null;
            if (page == url) responses[url] = new Response(template, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
            if (body is not { } json) return;
            FindPersonalData(json, page, "$");
            FindSmallCells(json, page);
            Follow(json, template.Trim('/').Split('/').Last(segment => !segment.StartsWith('{')));
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("nextCursor", out var cursor) || cursor.ValueKind != JsonValueKind.String)
                return;
            Assert.That(++pages, Is.LessThan(50), $"{url} pages without end");
            page = $"{url}{(url.Contains('?') ? '&' : '?')}cursor={Uri.EscapeDataString(cursor.GetString()!)}";
        }
    }

    /// <summary>Notes the ids an answer names: records of the collection it lists, and every <c>…Id</c> or <c>…Ids</c>.</summary>
    private void Follow(JsonElement element, string? collection)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Follow(item, collection);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = property.Name;
                    var value = property.Value;
                    var isGuid = value.ValueKind == JsonValueKind.String && value.TryGetGuid(out _);
                    if (name == "id" && collection is not null && isGuid) Note(collection, value.GetGuid());
                    else if (name.EndsWith("Id", StringComparison.Ordinal) && isGuid) Note(Collection(name[..^2]), value.GetGuid());
                    else if (name.EndsWith("Ids", StringComparison.Ordinal) && value.ValueKind == JsonValueKind.Array)
                        foreach (var each in value.EnumerateArray().Where(each => each.ValueKind == JsonValueKind.String))
                            if (each.TryGetGuid(out var listed)) Note(Collection(name[..^3]), listed);
                    if (value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                        Follow(value, name == "items" ? collection : Collection(name));
                }
                break;
        }
    }

    private void Note(string collection, Guid id)
    {
        if (!found.TryGetValue(collection, out var ids)) found[collection] = ids = [];
        ids.Add(id);
    }

    /// <summary>A property named like a person, or a value that is an account's e-mail or name. A property with no value carries nothing.</summary>
    private void FindPersonalData(JsonElement element, string url, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var letters = new string(property.Name.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
                    if (property.Value.ValueKind != JsonValueKind.Null
                        && (PersonalNameParts.Any(part => letters.Contains(part, StringComparison.Ordinal)) || PersonalNames.Contains(letters)))
                        leaks.Add($"{url} {path}.{property.Name} = {property.Value}");
                    FindPersonalData(property.Value, url, $"{path}.{property.Name}");
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) FindPersonalData(item, url, $"{path}[{index++}]");
                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                foreach (var person in accountEmails.Concat(accountNames))
                    if (text.Contains(person, StringComparison.OrdinalIgnoreCase))
                        leaks.Add($"{url} {path} = \"{text}\" names the account {person}");
                break;
        }
    }

    /// <summary>The code of this world's indicator computed from officials trained: its actuals count people.</summary>
    private const string PeopleIndicator = "1.1";

    /// <summary>The figures that count, or sum over, people (<see cref="SmallCounts"/>).</summary>
    private static readonly string[] PersonFigures = ["officials_trained", "participant_hours", "accredited_national_trainers"];

    /// <summary>
    /// A row of a report's values that counts people and holds a count above 0 and below the threshold, or a value
    /// withheld without saying so (or said withheld and shown).
    /// </summary>
    private void FindSmallCells(JsonElement body, string url)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array) return;
        foreach (var row in values.EnumerateArray())
        {
            var figure = row.GetProperty("figure").GetString();
            if (figure == "perception_favourable_percent" || (figure == "indicator_actual" && row.TryGetProperty("indicator", out var perception) && perception.GetString() == "2.1"))
            {
                perceptionCells++;
                if (row.GetProperty("value").ValueKind != JsonValueKind.Null || !(row.TryGetProperty("suppressed", out var withheld) && withheld.GetBoolean()))
                    perceptionShown.Add($"{url} {row}");
                continue;
            }
            var ofPeople = PersonFigures.Contains(figure)
                           || (figure == "indicator_actual" && row.TryGetProperty("indicator", out var code) && code.GetString() == PeopleIndicator);
            if (!ofPeople) continue;
            var value = row.GetProperty("value");
            var suppressed = row.TryGetProperty("suppressed", out var flag) && flag.GetBoolean();
            if (suppressed) suppressedCells++;
            var small = value.ValueKind == JsonValueKind.Number && value.GetDecimal() is > 0 and < SmallCounts.DefaultMinimumCellSize;
            if (small || suppressed != (value.ValueKind == JsonValueKind.Null)) smallCells.Add($"{url} {row}");
        }
    }

    private Response At(string url) =>
        responses.TryGetValue(url, out var response) ? response : throw new AssertionException($"The crawl never called {url}; it called:\n{string.Join("\n", responses.Keys)}");

    private static List<Guid> ItemIds(Response list) =>
        list.Body!.Value.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToList();

    [Test]
    public void No_answer_to_the_donor_carries_personal_data()
    {
        Assert.That(responses.Values.Count(response => response.Body is not null), Is.GreaterThanOrEqualTo(20), "answers looked through");
        Assert.That(leaks, Is.Empty, string.Join("\n", leaks));
    }

    [Test]
    public void No_answer_to_the_donor_holds_a_person_count_below_the_threshold()
    {
        Assert.That(suppressedCells, Is.GreaterThan(0), "the crawl met the two women's cell, withheld");
        Assert.That(smallCells, Is.Empty, string.Join("\n", smallCells));
    }

    [Test]
    public void The_crawl_called_every_get_operation_and_reached_data()
    {
        Assert.That(getTemplates, Has.Count.GreaterThanOrEqualTo(14), "GET operations in the document");
        var answered = responses.Values.Where(response => response.Status == 200).Select(response => response.Template).ToHashSet();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Values.Select(response => response.Template).Distinct(), Is.EquivalentTo(getTemplates), "operations called");
            Assert.That(answered, Is.SupersetOf(new[]
            {
                "/api/v1/auth/me", "/api/v1/key-factors", "/api/v1/regions", "/api/v1/countries",
                "/api/v1/programmes", "/api/v1/programmes/{id}", "/api/v1/administrations", "/api/v1/administrations/{id}",
                "/api/v1/donors", "/api/v1/donors/{id}",
            }), "operations that answered the donor with data");
            Assert.That(found.GetValueOrDefault("programmes"), Does.Contain(world["P1"]), "D1's programme was found by following the lists");
            Assert.That(found.GetValueOrDefault("administrations"), Does.Contain(world["A1"]), "the administration P1 covers was found by following P1");
            Assert.That(found.GetValueOrDefault("donors"), Does.Contain(world["D1"]), "D1 itself was found");
        });
    }

    [Test]
    public void The_donor_reads_its_own_programme_administration_and_record()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ItemIds(At("/api/v1/programmes?limit=100")), Does.Contain(world["P1"]));
            Assert.That(At($"/api/v1/programmes/{world["P1"]}").Status, Is.EqualTo(200));
            Assert.That(ItemIds(At("/api/v1/administrations?limit=100")), Does.Contain(world["A1"]));
            Assert.That(At($"/api/v1/administrations/{world["A1"]}").Status, Is.EqualTo(200));
            Assert.That(ItemIds(At("/api/v1/donors?limit=100")), Is.EqualTo(new[] { world["D1"] }));
            Assert.That(At($"/api/v1/donors/{world["D1"]}").Status, Is.EqualTo(200));
            Assert.That(ItemIds(At($"/api/v1/programmes?limit=100&donorId={world["D1"]}")), Does.Contain(world["P1"]));
        });
    }

    [Test]
    public void The_donor_cannot_see_what_another_donor_funds()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ItemIds(At("/api/v1/programmes?limit=100")), Does.Not.Contain(world["P2"]));
            Assert.That(ItemIds(At("/api/v1/administrations?limit=100")), Does.Not.Contain(world["A2"]));
            Assert.That(ItemIds(At($"/api/v1/programmes?limit=100&donorId={world["D2"]}")), Is.Empty);
            foreach (var url in new[] { $"/api/v1/programmes/{world["P2"]}", $"/api/v1/administrations/{world["A2"]}", $"/api/v1/donors/{world["D2"]}" })
            {
                Assert.That(At(url).Status, Is.EqualTo(404), url);
                Assert.That(At(url).MediaType, Is.EqualTo("application/problem+json"), url);
            }
        });
    }

    /// <summary>What a donor may read: reference data, and the programmes, administrations and donor its funding covers.</summary>
    private static readonly string[] DonorReadable =
    [
        "/api/v1/auth/me", "/api/v1/key-factors", "/api/v1/regions", "/api/v1/countries",
        "/api/v1/donors", "/api/v1/donors/{id}", "/api/v1/programmes", "/api/v1/programmes/{id}",
        "/api/v1/administrations", "/api/v1/administrations/{id}", "/api/v1/programmes/{id}/iati",
        "/api/v1/programmes/{id}/reports/progress", "/api/v1/programmes/{id}/reports/perception",
    ];

    [Test]
    public void The_donor_reads_no_administrations_perception_scores_only_its_programmes_summary_which_names_none()
    {
        Assert.Multiple(() =>
        {
            foreach (var url in new[]
                     {
                         $"/api/v1/perception-surveys/{world["S1"]}/scores", $"/api/v1/perception-surveys/{world["S2"]}/scores",
                         $"/api/v1/perception-surveys/{world["S1"]}", $"/api/v1/administrations/{world["A1"]}/perception-trend",
                         $"/api/v1/administrations/{world["A2"]}/perception-trend",
                         $"/api/v1/administrations/{world["A1"]}/perception-trend?questionnaireId={world["Q"]}",
                     })
                Assert.That(At(url).Status, Is.AnyOf(403, 404), $"{url}, even of D1's own programme");
            Assert.That(At($"/api/v1/programmes/{world["P2"]}/reports/perception").Status, Is.EqualTo(404), "another donor's programme");
            var summary = At($"/api/v1/programmes/{world["P1"]}/reports/perception");
            Assert.That(summary.Status, Is.EqualTo(200));
            Assert.That(summary.Body!.Value.GetRawText(), Does.Not.Contain(world["A1"].ToString()).And.Not.Contain("Crawl Mali Customs"),
                "the summary names no administration");
        });
    }

    [Test]
    public void The_token_is_refused_everything_but_what_donors_may_read_and_nothing_fails()
    {
        var refused = responses.Values.Where(response => response.Status == 403).Select(response => response.Template).Distinct();
        Assert.Multiple(() =>
        {
            Assert.That(refused, Is.EquivalentTo(getTemplates.Except(DonorReadable)),
                "accounts, tokens, the audit trail and every training record (personal data) are refused");
            Assert.That(refused, Is.SupersetOf(new[] { "/api/v1/users", "/api/v1/api-tokens", "/api/v1/audit/verify", "/api/v1/participants", "/api/v1/workshops" }));
            foreach (var (url, response) in responses)
            {
                Assert.That(response.Status, Is.AnyOf(200, 403, 404), url);
                if (response.Status != 200) Assert.That(response.MediaType, Is.EqualTo("application/problem+json"), url);
            }
        });
    }

    [Test]
    public void No_answer_to_the_donor_holds_a_perception_figure_of_one_administration()
    {
        Assert.That(perceptionCells, Is.GreaterThan(0), "the crawl met A1's perception figures");
        Assert.That(perceptionShown, Is.Empty, string.Join("\n", perceptionShown));
    }
}
