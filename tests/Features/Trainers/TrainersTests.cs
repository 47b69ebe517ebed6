using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Trainers, their accreditations and the cascade. The world: administrations A (Burkina Faso) and B (Mali),
/// programme P covering A, a coordinator of A, a national trainer of each, a WCO expert, and two modules.
/// </summary>
public sealed class TrainersTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Trainers = "/api/v1/trainers";

    private Guid administrationA;
    private Guid administrationB;
    private Guid programme;
    private Guid moduleOne;
    private Guid moduleTwo;
    private Guid nationalOfA;
    private Guid nationalOfB;
    private Guid expert;
    private HttpClient coordinatorOfA = null!;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        administrationA = await NewAdministrationAsync("BF", "Burkina Faso Customs", "Douanes burkinabè");
        administrationB = await NewAdministrationAsync("ML", "Mali Customs", "Douanes maliennes");
        programme = await NewProgrammeAsync(administrationA);
        moduleOne = await NewModuleAsync("RAD-PRACTICE");
        moduleTwo = await NewModuleAsync("HRM");
        nationalOfA = await RegisterAsync("Aminata Ouédraogo", "national_trainer", administrationA);
        nationalOfB = await RegisterAsync("Moussa Keïta", "national_trainer", administrationB);
        expert = await RegisterAsync("Wendy Expert", "wco_expert");
        coordinatorOfA = await TrainingAccounts.SignInAsync(App, Client, "coordinator", administrationIds: [administrationA]);
    }

    [OneTimeTearDown]
    public void SignOut() => coordinatorOfA?.Dispose();

    private Task<Guid> NewAdministrationAsync(string countryCode, string nameEn, string nameFr) =>
        CreateAsync("/api/v1/administrations", new { countryCode, regionCode = "WCA", nameEn = $"{nameEn} {Guid.NewGuid():N}", nameFr = $"{nameFr} {Guid.NewGuid():N}" });

    private async Task<Guid> NewProgrammeAsync(params Guid[] administrationIds)
    {
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("DON"), name = "Trainers donor" });
        return await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode("ACIP"), name = "Trainers programme", startsOn = "2022-01-01", endsOn = "2027-12-31",
            donorIds = new[] { donor }, administrationIds,
        });
    }

    private Task<Guid> NewModuleAsync(string code) =>
        CreateAsync("/api/v1/modules", new { code = UniqueCode(code), titleEn = $"Module {code}", titleFr = $"Module {code}", hours = 6, keyFactorCodes = new[] { "RAD-07" } });

    private Task<Guid> RegisterAsync(string fullName, string kind, Guid? administrationId = null, string? email = null, Guid? userId = null) =>
        CreateAsync(Trainers, new { fullName, kind, administrationId, email, userId });

    private static string NewMarker() => Guid.NewGuid().ToString("N")[..10];

    private static string Accreditation(Guid trainer, Guid module) => $"{Trainers}/{trainer}/accreditations/{module}";

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private Task<HttpResponseMessage> RecordAsync(Guid trainer, Guid module, object body, string? ifMatch = null, HttpClient? client = null) =>
        SendAsync(client ?? Client, HttpMethod.Put, Accreditation(trainer, module), body, ifMatch);

    private async Task<List<JsonElement>> ItemsAsync(string path, HttpClient? client = null)
    {
        var response = await (client ?? Client).GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {await response.Content.ReadAsStringAsync()}");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null), $"{path} fits on one page");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<Guid> IdsOf(IEnumerable<JsonElement> items, string property = "id") =>
        items.Select(item => item.GetProperty(property).GetGuid()).ToList();

    private static string[] ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToArray();

    // Trainers

    [Test]
    public async Task A_registered_national_trainer_reads_back_with_its_administration_and_its_version_as_ETag()
    {
        var response = await Client.PostAsJsonAsync(Trainers,
            new { fullName = "Issa Sawadogo", kind = "national_trainer", administrationId = administrationA, email = "issa.sawadogo@douanes.bf" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Trainers}/{id}"));
        });

        var read = await Client.GetAsync($"{Trainers}/{id}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        var trainer = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(trainer.GetProperty("fullName").GetString(), Is.EqualTo("Issa Sawadogo"));
            Assert.That(trainer.GetProperty("kind").GetString(), Is.EqualTo("national_trainer"));
            Assert.That(trainer.GetProperty("administrationId").GetGuid(), Is.EqualTo(administrationA));
            Assert.That(trainer.GetProperty("administrationNameEn").GetString(), Does.StartWith("Burkina Faso Customs"));
            Assert.That(trainer.GetProperty("administrationNameFr").GetString(), Does.StartWith("Douanes burkinabè"));
            Assert.That(trainer.GetProperty("email").GetString(), Is.EqualTo("issa.sawadogo@douanes.bf"));
            Assert.That(trainer.GetProperty("userId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(trainer.GetProperty("accreditations").GetArrayLength(), Is.Zero);
            Assert.That(trainer.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_trainer_may_be_linked_to_one_account_with_the_role_trainer()
    {
        var account = await TrainingAccounts.AddAsync(Client, "trainer");
        var coordinatorAccount = await TrainingAccounts.AddAsync(Client, "coordinator");
        var linked = await RegisterAsync("Linked Expert", "wco_expert", userId: account);
        Assert.That((await GetJsonAsync($"{Trainers}/{linked}")).GetProperty("userId").GetGuid(), Is.EqualTo(account));

        var twice = await ProblemAsync(await Client.PostAsJsonAsync(Trainers, new { fullName = "Second claim", kind = "wco_expert", userId = account }), 409);
        Assert.That(twice.GetProperty("detail").GetString(), Does.Contain(account.ToString()));
        var notTrainer = await ProblemAsync(await Client.PostAsJsonAsync(Trainers, new { fullName = "Wrong role", kind = "wco_expert", userId = coordinatorAccount }), 400);
        Assert.That(notTrainer.GetProperty("errors").GetProperty("userId")[0].GetString(), Does.Contain("coordinator"));
        var unknown = await ProblemAsync(await Client.PostAsJsonAsync(Trainers, new { fullName = "No account", kind = "wco_expert", userId = Guid.CreateVersion7() }), 400);
        Assert.That(ErrorFields(unknown), Is.EqualTo(new[] { "userId" }));
    }

    [TestCase("fullName")]
    [TestCase("kind")]
    [TestCase("administrationId missing for a national trainer")]
    [TestCase("administrationId given for a WCO expert")]
    [TestCase("administrationId unknown")]
    [TestCase("email")]
    public async Task Invalid_trainer_input_gets_the_field_error_and_stores_nothing(string fault)
    {
        var name = $"Invalid {NewMarker()}";
        object body = fault switch
        {
            "fullName" => new { kind = "wco_expert" },
            "kind" => new { fullName = name },
            "administrationId missing for a national trainer" => new { fullName = name, kind = "national_trainer" },
            "administrationId given for a WCO expert" => new { fullName = name, kind = "wco_expert", administrationId = administrationA },
            "administrationId unknown" => new { fullName = name, kind = "national_trainer", administrationId = Guid.CreateVersion7() },
            "email" => new { fullName = name, kind = "wco_expert", email = "not an e-mail" },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Trainers, body), 400);
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { fault.Split(' ')[0] }), problem.ToString());
        Assert.That(await ItemsAsync($"{Trainers}?q={Uri.EscapeDataString(name)}"), Is.Empty, "nothing was stored");
    }

    [Test]
    public async Task A_kind_that_is_not_one_of_the_two_is_a_bad_request()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Trainers, new { fullName = "Odd kind", kind = "consultant" }), 400);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("kind"));
    }

    [Test]
    public async Task A_search_lists_exactly_the_trainers_whose_name_holds_the_text_and_follows_renames()
    {
        var marker = NewMarker();
        static string UniqueWord() => $"w{Guid.NewGuid():N}"[..14];
        var (before, after) = (UniqueWord(), UniqueWord());
        var trainers = new Dictionary<Guid, string>();
        foreach (var name in new[] { $"Élodie Kaboré {marker}", $"Jean-Marie Ouédraogo {marker}", $"{before} Zongo {marker}" })
            trainers[await RegisterAsync(name, "national_trainer", administrationA)] = name;
        // What the search promises: the text, ignoring case, anywhere in the name.
        static bool Matches(string name, string q) => name.ToLowerInvariant().Contains(q.ToLowerInvariant(), StringComparison.Ordinal);
        async Task SearchesFindAsync(params string[] searches)
        {
            foreach (var q in searches)
                Assert.That((await AllPagesAsync($"{Trainers}?q={Uri.EscapeDataString(q)}", limit: 50)).Select(t => t.GetProperty("id").GetGuid()),
                    Is.EquivalentTo(trainers.Where(t => Matches(t.Value, q)).Select(t => t.Key)), q);
        }

        await SearchesFindAsync(marker, $"ÉLODIE KABORÉ {marker}", $"kaboré {marker}", $"ie ouédraogo {marker}", $"kabore {marker}", before);
        // Text too short for the index: every name is read, as before, so the whole list answers.
        var shortText = await AllPagesAsync($"{Trainers}?q=%C3%A9", limit: 50);
        Assert.That(shortText.Select(t => t.GetProperty("id").GetGuid()).Where(trainers.ContainsKey),
            Is.EquivalentTo(trainers.Where(t => Matches(t.Value, "é")).Select(t => t.Key)));
        Assert.That(shortText.Where(t => !Matches(t.GetProperty("fullName").GetString()!, "é")), Is.Empty, "nobody else without it");

        var renamed = trainers.Single(t => t.Value.StartsWith(before, StringComparison.Ordinal)).Key;
        var update = await PutAsync($"{Trainers}/{renamed}", new { fullName = $"{after} Zongo {marker}", kind = "national_trainer", administrationId = administrationA }, "\"1\"");
        Assert.That(update.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await update.Content.ReadAsStringAsync());
        trainers[renamed] = $"{after} Zongo {marker}";
        await SearchesFindAsync(before, after, $"zongo {marker}");
        Assert.That(await ItemsAsync($"{Trainers}?q={before}"), Is.Empty, "the old name no longer matches");

        await NameSearchIndex.AssertInStepAsync(App.Database, "trainer", "trainers", "full_name");
    }

    [Test]
    public async Task An_update_needs_the_current_ETag_and_replaces_every_field()
    {
        var id = await RegisterAsync("Before Update", "national_trainer", administrationA);
        var path = $"{Trainers}/{id}";
        var changes = new { fullName = "After Update", kind = "national_trainer", administrationId = administrationB, email = "after@douanes.ml" };

        await ProblemAsync(await PutAsync(path, changes, ifMatch: null), 428);
        await ProblemAsync(await PutAsync(path, changes, ifMatch: "\"3\""), 412);
        Assert.That((await GetJsonAsync(path)).GetProperty("fullName").GetString(), Is.EqualTo("Before Update"));

        var updated = await PutAsync(path, changes, ifMatch: "\"1\"");
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await updated.Content.ReadAsStringAsync());
        Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var trainer = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(trainer.GetProperty("fullName").GetString(), Is.EqualTo("After Update"));
            Assert.That(trainer.GetProperty("administrationId").GetGuid(), Is.EqualTo(administrationB));
            Assert.That(trainer.GetProperty("email").GetString(), Is.EqualTo("after@douanes.ml"));
            Assert.That(trainer.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });
        var stale = await ProblemAsync(await PutAsync(path, changes with { fullName = "Lost" }, ifMatch: "\"1\""), 412);
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain("version 2"));
        var invalid = await ProblemAsync(await PutAsync(path, new { fullName = "", kind = "wco_expert", administrationId = administrationB }, ifMatch: "\"2\""), 400);
        Assert.That(ErrorFields(invalid), Is.EquivalentTo(new[] { "fullName", "administrationId" }));
        await ProblemAsync(await PutAsync($"{Trainers}/{Guid.CreateVersion7()}", changes, ifMatch: "\"1\""), 404);
        Assert.That((await GetJsonAsync(path)).GetProperty("fullName").GetString(), Is.EqualTo("After Update"), "nothing changed since");
    }

    [Test]
    public async Task A_trainer_that_does_not_exist_is_not_found()
    {
        var missing = Guid.CreateVersion7();
        var problem = await ProblemAsync(await Client.GetAsync($"{Trainers}/{missing}"), 404);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(missing.ToString()));
    }

    [Test]
    public async Task The_list_pages_by_name_and_filters_by_text_kind_administration_module_and_stage()
    {
        var marker = NewMarker();
        var names = new[] { "Delta", "Alpha", "Echo", "Charlie", "Bravo" }.Select(n => $"{marker} {n}").ToList();
        var ids = new Dictionary<string, Guid>();
        foreach (var name in names)
            ids[name] = await RegisterAsync(name, name.EndsWith("Echo", StringComparison.Ordinal) ? "wco_expert" : "national_trainer",
                name.EndsWith("Echo", StringComparison.Ordinal) ? null : name.EndsWith("Delta", StringComparison.Ordinal) ? administrationB : administrationA);
        var trained = new { stage = "trained", candidateSince = "2023-01-10", trainedOn = "2023-06-09" };
        Assert.That((await RecordAsync(ids[$"{marker} Alpha"], moduleOne, trained)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await RecordAsync(ids[$"{marker} Bravo"], moduleOne, new { stage = "candidate", candidateSince = "2023-01-10" })).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await RecordAsync(ids[$"{marker} Charlie"], moduleTwo, trained)).StatusCode, Is.EqualTo(HttpStatusCode.Created));

        var all = await AllPagesAsync($"{Trainers}?q={marker}", limit: 2);
        Assert.That(all.Select(t => t.GetProperty("fullName").GetString()), Is.EqualTo(names.Order(StringComparer.Ordinal)), "every trainer once, by name");
        var alpha = all[0];
        Assert.Multiple(() =>
        {
            Assert.That(alpha.GetProperty("accreditations").EnumerateArray().Select(a => a.GetProperty("moduleId").GetGuid()), Is.EqualTo(new[] { moduleOne }),
                "each item carries its accreditations");
            Assert.That(alpha.GetProperty("accreditations")[0].GetProperty("stage").GetString(), Is.EqualTo("trained"));
            Assert.That(all[3].GetProperty("administrationNameFr").GetString(), Does.StartWith("Douanes maliennes"), "Delta's administration, in French");
            Assert.That(all[4].GetProperty("administrationNameFr").ValueKind, Is.EqualTo(JsonValueKind.Null), "a WCO expert has none");
        });

        List<string?> Named(IEnumerable<JsonElement> items) => items.Select(t => t.GetProperty("fullName").GetString()![(marker.Length + 1)..]).ToList<string?>();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(Named(await ItemsAsync($"{Trainers}?q={marker.ToUpperInvariant()}%20ALPHA")), Is.EqualTo(new[] { "Alpha" }), "text, ignoring case");
            Assert.That(Named(await ItemsAsync($"{Trainers}?q={marker}&kind=wco_expert")), Is.EqualTo(new[] { "Echo" }));
            Assert.That(Named(await ItemsAsync($"{Trainers}?q={marker}&kind=national_trainer&administrationId={administrationA}")), Is.EqualTo(new[] { "Alpha", "Bravo", "Charlie" }));
            Assert.That(Named(await ItemsAsync($"{Trainers}?q={marker}&administrationId={administrationB}")), Is.EqualTo(new[] { "Delta" }));
            Assert.That(Named(await ItemsAsync($"{Trainers}?q={marker}&moduleId={moduleOne}")), Is.EqualTo(new[] { "Alpha", "Bravo" }));
            Assert.That(Named(await ItemsAsync($"{Trainers}?q={marker}&moduleId={moduleOne}&stage=trained")), Is.EqualTo(new[] { "Alpha" }));
            Assert.That(Named(await ItemsAsync($"{Trainers}?q={marker}&stage=trained")), Is.EqualTo(new[] { "Alpha", "Charlie" }));
            Assert.That(Named(await ItemsAsync($"{Trainers}?q={marker}&stage=accredited")), Is.Empty);
        });

        var invalid = await ProblemAsync(await Client.GetAsync($"{Trainers}?kind=expert&stage=done&limit=0"), 400);
        Assert.That(ErrorFields(invalid), Is.EquivalentTo(new[] { "kind", "stage", "limit" }));
    }

    // Scope and roles

    [Test]
    public async Task A_coordinator_sees_its_administrations_national_trainers_and_the_WCO_experts_but_not_other_national_trainers()
    {
        var recorded = await RecordAsync(nationalOfB, moduleOne, new { stage = "candidate", candidateSince = "2024-01-15" });
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await recorded.Content.ReadAsStringAsync());
        Assert.That((await Client.GetAsync(Accreditation(nationalOfB, moduleOne))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the administrator sees it");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await coordinatorOfA.GetAsync($"{Trainers}/{nationalOfA}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await coordinatorOfA.GetAsync($"{Trainers}/{expert}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            await ProblemAsync(await coordinatorOfA.GetAsync($"{Trainers}/{nationalOfB}"), 404);
            await ProblemAsync(await coordinatorOfA.GetAsync($"{Accreditation(nationalOfB, moduleOne)}"), 404);
        });
        var listed = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await coordinatorOfA.GetAsync($"{Trainers}?limit=200" + (cursor is null ? "" : $"&cursor={cursor}"))).Content.ReadFromJsonAsync<JsonElement>();
            listed.AddRange(IdsOf(page.GetProperty("items").EnumerateArray()));
            cursor = page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        Assert.That(listed, Does.Contain(nationalOfA).And.Contain(expert).And.Not.Contain(nationalOfB));
        Assert.That(IdsOf(await ItemsAsync($"{Trainers}?administrationId={administrationB}", coordinatorOfA)), Is.Empty,
            "filtering by another administration shows nothing");
    }

    [Test]
    public async Task A_coordinator_keeps_its_administrations_national_trainers_and_nothing_else()
    {
        var created = await coordinatorOfA.PostAsJsonAsync(Trainers, new { fullName = "Registered by coordinator", kind = "national_trainer", administrationId = administrationA });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var own = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var account = await TrainingAccounts.AddAsync(Client, "trainer");

        await ProblemAsync(await coordinatorOfA.PostAsJsonAsync(Trainers, new { fullName = "Of B", kind = "national_trainer", administrationId = administrationB }), 403);
        await ProblemAsync(await coordinatorOfA.PostAsJsonAsync(Trainers, new { fullName = "An expert", kind = "wco_expert" }), 403);
        await ProblemAsync(await coordinatorOfA.PostAsJsonAsync(Trainers, new { fullName = "With account", kind = "national_trainer", administrationId = administrationA, userId = account }), 403);
        var incomplete = await ProblemAsync(await coordinatorOfA.PostAsJsonAsync(Trainers, new { fullName = "No administration", kind = "national_trainer" }), 400);
        Assert.That(ErrorFields(incomplete), Is.EqualTo(new[] { "administrationId" }), "a missing field is a field error, not a refusal");

        var path = $"{Trainers}/{own}";
        var renamed = await SendAsync(coordinatorOfA, HttpMethod.Put, path, new { fullName = "Renamed by coordinator", kind = "national_trainer", administrationId = administrationA }, "\"1\"");
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await renamed.Content.ReadAsStringAsync());
        await ProblemAsync(await SendAsync(coordinatorOfA, HttpMethod.Put, path, new { fullName = "Moved", kind = "national_trainer", administrationId = administrationB }, "\"2\""), 403);
        await ProblemAsync(await SendAsync(coordinatorOfA, HttpMethod.Put, path, new { fullName = "Linked", kind = "national_trainer", administrationId = administrationA, userId = account }, "\"2\""), 403);
        await ProblemAsync(await SendAsync(coordinatorOfA, HttpMethod.Put, $"{Trainers}/{expert}", new { fullName = "Wendy Expert", kind = "wco_expert" }, "\"1\""), 403);
        await ProblemAsync(await SendAsync(coordinatorOfA, HttpMethod.Put, $"{Trainers}/{nationalOfB}", new { fullName = "Moussa Keïta", kind = "national_trainer", administrationId = administrationB }, "\"1\""), 404);

        var recorded = await RecordAsync(own, moduleOne, new { stage = "candidate", candidateSince = "2024-01-15" }, client: coordinatorOfA);
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await recorded.Content.ReadAsStringAsync());
        await ProblemAsync(await RecordAsync(nationalOfB, moduleTwo, new { stage = "candidate", candidateSince = "2024-01-15" }, client: coordinatorOfA), 404);
        await ProblemAsync(await RecordAsync(expert, moduleTwo, new { stage = "candidate", candidateSince = "2024-01-15" }, client: coordinatorOfA), 403);

        var after = await GetJsonAsync(path);
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(after.GetProperty("fullName").GetString(), Is.EqualTo("Renamed by coordinator"));
            Assert.That(after.GetProperty("administrationId").GetGuid(), Is.EqualTo(administrationA));
            Assert.That(after.GetProperty("userId").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That((await GetJsonAsync($"{Trainers}/{expert}")).GetProperty("version").GetInt32(), Is.EqualTo(1), "the expert is unchanged");
            Assert.That((await Client.GetAsync(Accreditation(expert, moduleTwo))).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "no accreditation was recorded");
        });
    }

    [Test]
    public async Task Donors_see_no_trainer_and_trainers_change_none()
    {
        using var donor = await TrainingAccounts.DonorTokenClientAsync(App, Client);
        using var trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer");
        await Assert.MultipleAsync(async () =>
        {
            await ProblemAsync(await donor.GetAsync(Trainers), 403);
            await ProblemAsync(await donor.GetAsync($"{Trainers}/{nationalOfA}"), 403);
            await ProblemAsync(await donor.GetAsync($"{Trainers}/cascade"), 403);
            await ProblemAsync(await donor.GetAsync(Accreditation(nationalOfA, moduleOne)), 403);
            await ProblemAsync(await trainer.PostAsJsonAsync(Trainers, new { fullName = "By a trainer", kind = "wco_expert" }), 403);
            await ProblemAsync(await RecordAsync(nationalOfA, moduleTwo, new { stage = "candidate", candidateSince = "2024-01-15" }, client: trainer), 403);
            await ProblemAsync(await trainer.GetAsync($"{Trainers}/{nationalOfA}"), 404);
        });
    }

    // Accreditations

    [Test]
    public async Task An_accreditation_is_recorded_new_without_If_Match_and_moves_forward_with_it()
    {
        var trainer = await RegisterAsync("Forward Only", "national_trainer", administrationA);
        var path = Accreditation(trainer, moduleOne);
        var candidate = new { stage = "candidate", candidateSince = "2023-01-10" };

        var created = await RecordAsync(trainer, moduleOne, candidate);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(created.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo(path));
        });
        var read = await Client.GetAsync(path);
        Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        Assert.That((await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString(), Is.EqualTo("candidate"));

        var again = await ProblemAsync(await RecordAsync(trainer, moduleOne, candidate), 428);
        Assert.That(again.GetProperty("detail").GetString(), Does.Contain("already has an accreditation"), "a retried first recording learns why");
        var accredited = new
        {
            stage = "accredited", candidateSince = "2023-01-10", trainedOn = "2023-06-09", supervisedDeliveryOn = "2023-11-30", accreditedOn = "2024-03-01",
        };
        await ProblemAsync(await RecordAsync(trainer, moduleOne, accredited, "\"2\""), 412);
        var moved = await RecordAsync(trainer, moduleOne, accredited, "\"1\"");
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await moved.Content.ReadAsStringAsync());
        Assert.That(moved.Headers.ETag?.Tag, Is.EqualTo("\"2\""));

        var back = await ProblemAsync(await RecordAsync(trainer, moduleOne, new { stage = "trained", candidateSince = "2023-01-10", trainedOn = "2023-06-09" }, "\"2\""), 409);
        Assert.That(back.GetProperty("detail").GetString(), Does.Contain("accredited").And.Contain("forward"));

        var corrected = await RecordAsync(trainer, moduleOne, accredited with { accreditedOn = "2024-03-04" }, "\"2\"");
        Assert.That(corrected.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a day of the same stage may be corrected");

        var stored = (await GetJsonAsync($"{Trainers}/{trainer}")).GetProperty("accreditations").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("moduleId").GetGuid(), Is.EqualTo(moduleOne));
            Assert.That(stored.GetProperty("moduleCode").GetString(), Does.StartWith("RAD-PRACTICE"));
            Assert.That(stored.GetProperty("stage").GetString(), Is.EqualTo("accredited"));
            Assert.That(stored.GetProperty("candidateSince").GetString(), Is.EqualTo("2023-01-10"));
            Assert.That(stored.GetProperty("trainedOn").GetString(), Is.EqualTo("2023-06-09"));
            Assert.That(stored.GetProperty("supervisedDeliveryOn").GetString(), Is.EqualTo("2023-11-30"));
            Assert.That(stored.GetProperty("accreditedOn").GetString(), Is.EqualTo("2024-03-04"));
            Assert.That(stored.GetProperty("version").GetInt32(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task If_Match_on_an_accreditation_not_yet_recorded_fails_and_unknown_trainers_and_modules_are_not_found()
    {
        var trainer = await RegisterAsync("Not Yet", "wco_expert");
        var candidate = new { stage = "candidate", candidateSince = "2023-01-10" };
        await ProblemAsync(await RecordAsync(trainer, moduleTwo, candidate, "\"1\""), 412);
        await ProblemAsync(await Client.GetAsync(Accreditation(trainer, moduleTwo)), 404);
        var noModule = await ProblemAsync(await RecordAsync(trainer, Guid.CreateVersion7(), candidate), 404);
        Assert.That(noModule.GetProperty("detail").GetString(), Does.Contain("module"));
        var noTrainer = await ProblemAsync(await RecordAsync(Guid.CreateVersion7(), moduleTwo, candidate), 404);
        Assert.That(noTrainer.GetProperty("detail").GetString(), Does.Contain("trainer"));
    }

    [TestCase("stage", """{ "candidateSince": "2023-01-10" }""")]
    [TestCase("candidateSince", """{ "stage": "candidate" }""")]
    [TestCase("trainedOn", """{ "stage": "trained", "candidateSince": "2023-01-10" }""")]
    [TestCase("trainedOn", """{ "stage": "candidate", "candidateSince": "2023-01-10", "trainedOn": "2023-06-09" }""")]
    [TestCase("trainedOn", """{ "stage": "trained", "candidateSince": "2023-01-10", "trainedOn": "2023-01-09" }""")]
    [TestCase("supervisedDeliveryOn", """{ "stage": "accredited", "candidateSince": "2023-01-10", "trainedOn": "2023-06-09", "accreditedOn": "2024-01-01" }""")]
    [TestCase("supervisedDeliveryOn", """{ "stage": "supervised_delivery", "candidateSince": "2023-01-10", "trainedOn": "2023-06-09", "supervisedDeliveryOn": "2023-06-08" }""")]
    [TestCase("accreditedOn", """{ "stage": "accredited", "candidateSince": "2023-01-10", "trainedOn": "2023-06-09", "supervisedDeliveryOn": "2023-11-30", "accreditedOn": "2023-11-29" }""")]
    [TestCase("accreditedOn", """{ "stage": "supervised_delivery", "candidateSince": "2023-01-10", "trainedOn": "2023-06-09", "supervisedDeliveryOn": "2023-11-30", "accreditedOn": "2024-01-01" }""")]
    [TestCase("trainedAtWorkshopId", """{ "stage": "candidate", "candidateSince": "2023-01-10", "trainedAtWorkshopId": "0190a000-0000-7000-8000-000000000000" }""")]
    public async Task Stages_are_reached_in_order_each_with_its_day_on_or_after_the_previous(string field, string body)
    {
        var trainer = await RegisterAsync($"Out of order {NewMarker()}", "wco_expert");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await ProblemAsync(await Client.PutAsync(Accreditation(trainer, moduleOne), content), 400);
        Assert.That(ErrorFields(problem), Is.EqualTo(new[] { field }), problem.ToString());
        await ProblemAsync(await Client.GetAsync(Accreditation(trainer, moduleOne)), 404);
    }

    [Test]
    public async Task The_workshop_a_trainer_was_trained_at_must_be_a_training_of_trainers_not_cancelled_and_not_after_the_day()
    {
        var trainer = await RegisterAsync("Trained Somewhere", "national_trainer", administrationA);
        var training = await RecordWorkshopAsync(programme, administrationA, "training_of_trainers", "held", "2023-06-05", "2023-06-09");
        var ordinary = await RecordWorkshopAsync(programme, administrationA, "workshop", "held", "2023-06-05", "2023-06-09");
        var cancelled = await RecordWorkshopAsync(programme, administrationA, "training_of_trainers", "cancelled", "2023-06-05", "2023-06-09");
        object At(Guid? workshop, string trainedOn = "2023-06-09") =>
            new { stage = "trained", candidateSince = "2023-01-10", trainedOn, trainedAtWorkshopId = workshop };

        var wrongKind = await ProblemAsync(await RecordAsync(trainer, moduleOne, At(ordinary)), 400);
        Assert.That(wrongKind.GetProperty("errors").GetProperty("trainedAtWorkshopId")[0].GetString(), Does.Contain("training of trainers"));
        Assert.That(ErrorFields(await ProblemAsync(await RecordAsync(trainer, moduleOne, At(cancelled)), 400)), Is.EqualTo(new[] { "trainedAtWorkshopId" }));
        Assert.That(ErrorFields(await ProblemAsync(await RecordAsync(trainer, moduleOne, At(Guid.CreateVersion7())), 400)), Is.EqualTo(new[] { "trainedAtWorkshopId" }));
        Assert.That(ErrorFields(await ProblemAsync(await RecordAsync(trainer, moduleOne, At(training, "2023-06-04")), 400)), Is.EqualTo(new[] { "trainedOn" }));
        await ProblemAsync(await Client.GetAsync(Accreditation(trainer, moduleOne)), 404);

        var recorded = await RecordAsync(trainer, moduleOne, At(training));
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await recorded.Content.ReadAsStringAsync());
        Assert.That((await GetJsonAsync(Accreditation(trainer, moduleOne))).GetProperty("trainedAtWorkshopId").GetGuid(), Is.EqualTo(training));
    }

    // The cascade

    [Test]
    public async Task The_cascade_counts_what_national_trainers_delivered_after_their_training_of_trainers_within_scope()
    {
        // Its own corner of the world: administrations C and D, programme PC covering C (with the training of
        // trainers), PD covering D, and a coordinator of C.
        var c = await NewAdministrationAsync("BF", "Cascade C", "Cascade C fr");
        var d = await NewAdministrationAsync("ML", "Cascade D", "Cascade D fr");
        var pc = await NewProgrammeAsync(c);
        var pd = await NewProgrammeAsync(d);
        using var coordinatorOfC = await TrainingAccounts.SignInAsync(App, Client, "coordinator", administrationIds: [c]);
        var marker = NewMarker();
        var first = await RegisterAsync($"{marker} A first national of C", "national_trainer", c);
        var idle = await RegisterAsync($"{marker} B idle national of C", "national_trainer", c);
        var ofD = await RegisterAsync($"{marker} C national of D", "national_trainer", d);
        var wco = await RegisterAsync($"{marker} D WCO expert", "wco_expert");

        var tot = await RecordWorkshopAsync(pc, c, "training_of_trainers", "held", "2023-06-05", "2023-06-09");
        foreach (var trainer in new[] { first, idle, ofD, wco })
        {
            var trained = await RecordAsync(trainer, moduleOne, new { stage = "trained", candidateSince = "2023-01-10", trainedOn = "2023-06-09", trainedAtWorkshopId = tot });
            Assert.That(trained.StatusCode, Is.EqualTo(HttpStatusCode.Created), await trained.Content.ReadAsStringAsync());
        }
        // Ouagadougou, 29 Nov–1 Dec 2023: two sessions of the module by the first national trainer, one of another module.
        var ouagadougou = await RecordWorkshopAsync(pc, c, "workshop", "held", "2023-11-29", "2023-12-01");
        await PlanSessionAsync(ouagadougou, moduleOne, "2023-11-29", first);
        await PlanSessionAsync(ouagadougou, moduleOne, "2023-11-30", first, wco);
        await PlanSessionAsync(ouagadougou, moduleTwo, "2023-12-01", first);
        var pe = await NewProgrammeAsync(c);
        var later = await RecordWorkshopAsync(pe, c, "workshop", "held", "2024-02-10", "2024-02-10");
        await PlanSessionAsync(later, moduleOne, "2024-02-10", first);
        // Not delivered: practice during the training of trainers itself, and a workshop not held yet.
        await PlanSessionAsync(tot, moduleOne, "2023-06-08", first, idle);
        var planned = await RecordWorkshopAsync(pc, c, "workshop", "planned", "2024-03-01", "2024-03-01");
        await PlanSessionAsync(planned, moduleOne, "2024-03-01", first, idle);
        // The national trainer of D delivers in D, in a programme that does not cover C.
        var inD = await RecordWorkshopAsync(pd, d, "workshop", "held", "2024-04-02", "2024-04-03");
        await PlanSessionAsync(inD, moduleOne, "2024-04-02", ofD);

        var cascade = await AllPagesAsync($"{Trainers}/cascade?programmeId={pc}", limit: 1);
        Assert.That(IdsOf(cascade, "trainerId"), Is.EqualTo(new[] { first, ofD }), "national trainers who delivered, by name");
        var entry = cascade[0];
        Assert.Multiple(() =>
        {
            Assert.That(entry.GetProperty("fullName").GetString(), Is.EqualTo($"{marker} A first national of C"));
            Assert.That(entry.GetProperty("administrationId").GetGuid(), Is.EqualTo(c));
            Assert.That(entry.GetProperty("moduleId").GetGuid(), Is.EqualTo(moduleOne));
            Assert.That(entry.GetProperty("stage").GetString(), Is.EqualTo("trained"));
            Assert.That(entry.GetProperty("trainedAtWorkshopId").GetGuid(), Is.EqualTo(tot));
            Assert.That(entry.GetProperty("trainedOn").GetString(), Is.EqualTo("2023-06-09"));
            Assert.That(entry.GetProperty("sessionsDelivered").GetInt32(), Is.EqualTo(3), "two in Ouagadougou and one later, of this module only");
            Assert.That(entry.GetProperty("workshopsDelivered").GetInt32(), Is.EqualTo(2));
            Assert.That(entry.GetProperty("firstDeliveredOn").GetString(), Is.EqualTo("2023-11-29"));
            Assert.That(entry.GetProperty("lastDeliveredOn").GetString(), Is.EqualTo("2024-02-10"));
            Assert.That(cascade[1].GetProperty("sessionsDelivered").GetInt32(), Is.EqualTo(1));
        });

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(IdsOf(await ItemsAsync($"{Trainers}/cascade?programmeId={pc}", coordinatorOfC), "trainerId"), Is.EqualTo(new[] { first }),
                "a coordinator of C does not see D's national trainer");
            Assert.That(IdsOf(await ItemsAsync($"{Trainers}/cascade?programmeId={pc}&moduleId={moduleOne}"), "trainerId"), Is.EqualTo(new[] { first, ofD }));
            Assert.That(await ItemsAsync($"{Trainers}/cascade?programmeId={pc}&moduleId={moduleTwo}"), Is.Empty, "nobody was trained in the other module");
            Assert.That(await ItemsAsync($"{Trainers}/cascade?programmeId={pd}"), Is.Empty, "D's programme ran no training of trainers");
        });
    }

    private Task<Guid> RecordWorkshopAsync(Guid programmeId, Guid hostAdministrationId, string kind, string status, string startsOn, string endsOn) =>
        CreateAsync("/api/v1/workshops", new
        {
            programmeId, kind, title = $"{kind} from {startsOn}", startsOn, endsOn, hostAdministrationId, city = "Ouagadougou", language = "fr", status,
        });

    private Task<Guid> PlanSessionAsync(Guid workshopId, Guid moduleId, string heldOn, params Guid[] trainerIds) =>
        CreateAsync($"/api/v1/workshops/{workshopId}/sessions", new { moduleId, heldOn, trainerIds });
}
