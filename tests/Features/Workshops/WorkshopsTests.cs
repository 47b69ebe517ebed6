using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>Workshops and their sessions: recording, the status and date rules, filters, and who sees what.</summary>
public sealed class WorkshopsTests(string provider) : ApiOnEachDatabase(provider)
{
    private Guid programme;
    private Guid otherProgramme;
    private Guid burkina;
    private Guid mali;
    private Guid niger;
    private Guid module;
    private Guid trainer;

    [OneTimeSetUp]
    public async Task World()
    {
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("W-DON"), name = "Workshop donor" });
        burkina = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = "BF Customs " + UniqueCode("W"), nameFr = "Douanes BF" });
        mali = await CreateAsync("/api/v1/administrations", new { countryCode = "ML", regionCode = "WCA", nameEn = "ML Customs " + UniqueCode("W"), nameFr = "Douanes ML" });
        niger = await CreateAsync("/api/v1/administrations", new { countryCode = "NE", regionCode = "WCA", nameEn = "NE Customs " + UniqueCode("W"), nameFr = "Douanes NE" });
        programme = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("W-ACIP"), name = "A-CIP", startsOn = "2016-01-01", endsOn = "2027-12-31", donorIds = new[] { donor }, administrationIds = new[] { burkina, niger } });
        otherProgramme = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("W-WACAM"), name = "WACAM", startsOn = "2017-01-01", endsOn = "2021-12-31", donorIds = new[] { donor }, administrationIds = new[] { mali, burkina } });
        module = await CreateAsync("/api/v1/modules", new { code = UniqueCode("RAD-PRACTICE"), titleEn = "The Revised Arusha Declaration in practice", titleFr = "La Déclaration d'Arusha révisée en pratique", hours = 7.5, keyFactorCodes = new[] { "RAD-07" } });
        trainer = await CreateAsync("/api/v1/trainers", new { fullName = "National Manager One", kind = "national_trainer", administrationId = burkina });
    }

    private object Ouagadougou(string? title = null, string startsOn = "2023-11-29", string endsOn = "2023-12-01", string status = "planned", Guid? programmeId = null) => new
    {
        programmeId = programmeId ?? programme,
        kind = "workshop",
        title = title ?? "Arusha in daily work " + Guid.NewGuid().ToString("N")[..6],
        startsOn,
        endsOn,
        hostAdministrationId = burkina,
        city = "Ouagadougou",
        language = "fr",
        status,
        keyFactorCodes = new[] { "RAD-01", "RAD-07" },
        partners = new[] { "UNODC" },
        outcomeNotes = "25 officials from operational and support services.",
    };

    private async Task<(Guid id, string etag)> PlanSessionAsync(Guid workshop, string heldOn)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/workshops/{workshop}/sessions", new { moduleId = module, heldOn, trainerIds = new[] { trainer } });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), response.Headers.ETag!.Tag);
    }

    [Test]
    public async Task A_recorded_workshop_reads_back_whole()
    {
        var id = await CreateAsync("/api/v1/workshops", new
        {
            programmeId = programme, kind = "capacity_building_mission", title = "HRM strategy 2018-2021", startsOn = "2018-03-12", endsOn = "2018-03-16",
            hostAdministrationId = burkina, city = "Bamako", language = "fr", administrationIds = new[] { niger, burkina },
            keyFactorCodes = new[] { "RAD-08" }, partners = new[] { "Sida", "Sida" },
        });
        var workshop = await GetJsonAsync($"/api/v1/workshops/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(workshop.GetProperty("kind").GetString(), Is.EqualTo("capacity_building_mission"));
            Assert.That(workshop.GetProperty("status").GetString(), Is.EqualTo("planned"), "planned unless said otherwise");
            Assert.That(workshop.GetProperty("startsOn").GetString(), Is.EqualTo("2018-03-12"));
            Assert.That(workshop.GetProperty("scope").GetString(), Is.EqualTo("regional"));
            Assert.That(workshop.GetProperty("administrations").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()), Is.EqualTo(new[] { niger }), "the host is not listed twice");
            Assert.That(workshop.GetProperty("keyFactorCodes").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { "RAD-08" }));
            Assert.That(workshop.GetProperty("partners").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(new[] { "Sida" }));
            Assert.That(workshop.GetProperty("programmeCode").GetString(), Does.StartWith("W-ACIP"));
            Assert.That(workshop.GetProperty("countryCode").GetString(), Is.EqualTo("BF"));
            Assert.That(workshop.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Invalid_workshops_get_field_errors_and_store_nothing()
    {
        var before = (await AllPagesAsync("/api/v1/workshops?q=Broken", 200)).Count;
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/workshops", new
        {
            programmeId = Guid.CreateVersion7(), kind = "workshop", title = "Broken", startsOn = "2023-12-01", endsOn = "2023-11-29",
            hostAdministrationId = burkina, city = "", language = "French", keyFactorCodes = new[] { "RAD-11" },
        }), 400);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.That(fields, Is.SupersetOf(new[] { "endsOn", "city", "language" }), problem.ToString());
        Assert.That((await AllPagesAsync("/api/v1/workshops?q=Broken", 200)).Count, Is.EqualTo(before));

        var unknown = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/workshops", new
        {
            programmeId = Guid.CreateVersion7(), kind = "workshop", title = "Broken", startsOn = "2023-11-29", endsOn = "2023-11-29",
            hostAdministrationId = Guid.CreateVersion7(), city = "X", language = "fr",
        }), 400);
        Assert.That(unknown.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.SupersetOf(new[] { "programmeId", "hostAdministrationId" }));

        var kind = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/workshops", new { programmeId = programme, kind = "seminar", title = "Broken" }), 400);
        Assert.That(kind.GetProperty("errors").TryGetProperty("kind", out _), Is.True, kind.ToString());
    }

    [Test]
    public async Task A_held_workshop_cannot_go_back_to_planned_or_be_cancelled()
    {
        var id = await CreateAsync("/api/v1/workshops", Ouagadougou(status: "held"));
        var path = $"/api/v1/workshops/{id}";
        var back = await ProblemAsync(await PutAsync(path, Ouagadougou(status: "planned"), "\"1\""), 400);
        Assert.That(back.GetProperty("errors").TryGetProperty("status", out _), Is.True);
        await ProblemAsync(await PutAsync(path, Ouagadougou(status: "cancelled"), "\"1\""), 400);
        Assert.That((await PutAsync(path, Ouagadougou(title: "Renamed, still held", status: "held"), "\"1\"")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        var workshop = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(workshop.GetProperty("status").GetString(), Is.EqualTo("held"));
            Assert.That(workshop.GetProperty("title").GetString(), Is.EqualTo("Renamed, still held"));
        });
        await ProblemAsync(await PutAsync(path, Ouagadougou(status: "held"), null), 428);
        await ProblemAsync(await PutAsync(path, Ouagadougou(status: "held"), "\"1\""), 412);
    }

    [Test]
    public async Task Sessions_fall_within_their_workshop_and_hold_its_dates_in_place()
    {
        var id = await CreateAsync("/api/v1/workshops", Ouagadougou());
        var (sessionId, etag) = await PlanSessionAsync(id, "2023-11-30");
        var outside = await ProblemAsync(await Client.PostAsJsonAsync($"/api/v1/workshops/{id}/sessions",
            new { moduleId = module, heldOn = "2023-12-02", trainerIds = new[] { trainer } }), 400);
        Assert.That(outside.GetProperty("errors").TryGetProperty("heldOn", out _), Is.True);
        var noTrainer = await ProblemAsync(await Client.PostAsJsonAsync($"/api/v1/workshops/{id}/sessions",
            new { moduleId = module, heldOn = "2023-11-29", trainerIds = Array.Empty<Guid>() }), 400);
        Assert.That(noTrainer.GetProperty("errors").TryGetProperty("trainerIds", out _), Is.True);

        var conflict = await ProblemAsync(await PutAsync($"/api/v1/workshops/{id}", Ouagadougou(startsOn: "2023-12-01", endsOn: "2023-12-01"), "\"1\""), 409);
        Assert.That(conflict.GetProperty("detail").GetString(), Does.Contain("sessions"));

        var moved = await PutAsync($"/api/v1/workshops/{id}/sessions/{sessionId}", new { moduleId = module, heldOn = "2023-12-01", trainerIds = new[] { trainer } }, etag);
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await PutAsync($"/api/v1/workshops/{id}", Ouagadougou(startsOn: "2023-12-01", endsOn: "2023-12-01"), "\"1\"")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        var sessions = (await GetJsonAsync($"/api/v1/workshops/{id}/sessions")).GetProperty("items");
        Assert.Multiple(() =>
        {
            Assert.That(sessions.GetArrayLength(), Is.EqualTo(1));
            Assert.That(sessions[0].GetProperty("heldOn").GetString(), Is.EqualTo("2023-12-01"));
            Assert.That(sessions[0].GetProperty("hours").GetDecimal(), Is.EqualTo(7.5m));
            Assert.That(sessions[0].GetProperty("trainers")[0].GetProperty("fullName").GetString(), Is.EqualTo("National Manager One"));
            Assert.That(sessions[0].GetProperty("version").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_cancelled_workshop_takes_no_sessions()
    {
        var id = await CreateAsync("/api/v1/workshops", Ouagadougou(status: "cancelled"));
        await ProblemAsync(await Client.PostAsJsonAsync($"/api/v1/workshops/{id}/sessions",
            new { moduleId = module, heldOn = "2023-11-30", trainerIds = new[] { trainer } }), 409);
    }

    [Test]
    public async Task The_list_pages_most_recent_first_and_filters()
    {
        var marker = "Filter " + Guid.NewGuid().ToString("N")[..8];
        var early = await CreateAsync("/api/v1/workshops", Ouagadougou(title: marker + " early", startsOn: "2019-05-06", endsOn: "2019-05-08", status: "held"));
        var middle = await CreateAsync("/api/v1/workshops", Ouagadougou(title: marker + " middle", startsOn: "2021-05-06", endsOn: "2021-05-06"));
        var late = await CreateAsync("/api/v1/workshops", Ouagadougou(title: marker + " late", startsOn: "2024-02-01", endsOn: "2024-02-02"));
        var elsewhere = await CreateAsync("/api/v1/workshops", new
        {
            programmeId = otherProgramme, kind = "training_of_trainers", title = marker + " elsewhere", startsOn = "2020-01-10", endsOn = "2020-01-12",
            hostAdministrationId = mali, city = "Bamako", language = "fr", keyFactorCodes = new[] { "RAD-04" }, administrationIds = new[] { burkina },
        });

        var all = (await AllPagesAsync($"/api/v1/workshops?q={Uri.EscapeDataString(marker)}", limit: 2)).Select(w => w.GetProperty("id").GetGuid()).ToList();
        Assert.That(all, Is.EqualTo(new[] { late, middle, elsewhere, early }));

        async Task<IEnumerable<Guid>> Only(string filter) =>
            (await AllPagesAsync($"/api/v1/workshops?q={Uri.EscapeDataString(marker)}&{filter}", limit: 50)).Select(w => w.GetProperty("id").GetGuid());
        Assert.Multiple(async () =>
        {
            Assert.That(await Only($"programmeId={otherProgramme}"), Is.EqualTo(new[] { elsewhere }));
            Assert.That(await Only($"administrationId={mali}"), Is.EqualTo(new[] { elsewhere }));
            Assert.That(await Only($"administrationId={burkina}"), Is.EqualTo(new[] { late, middle, elsewhere, early }), "host or taking part");
            Assert.That(await Only("from=2021-01-01&to=2021-12-31"), Is.EqualTo(new[] { middle }));
            Assert.That(await Only("from=2019-05-08&to=2019-05-08"), Is.EqualTo(new[] { early }), "a workshop overlapping the period's edge counts");
            Assert.That(await Only("status=held"), Is.EqualTo(new[] { early }));
            Assert.That(await Only("kind=training_of_trainers"), Is.EqualTo(new[] { elsewhere }));
            Assert.That(await Only("keyFactor=RAD-04"), Is.EqualTo(new[] { elsewhere }));
        });
        await ProblemAsync(await Client.GetAsync("/api/v1/workshops?status=finished"), 400);
        await ProblemAsync(await Client.GetAsync("/api/v1/workshops?from=2024-01-01&to=2023-01-01"), 400);
    }

    [Test]
    public async Task Coordinators_and_trainers_see_only_the_workshops_in_their_scope()
    {
        var mine = await CreateAsync("/api/v1/workshops", Ouagadougou());
        var theirs = await CreateAsync("/api/v1/workshops", new
        {
            programmeId = otherProgramme, kind = "workshop", title = "Not mine", startsOn = "2020-01-10", endsOn = "2020-01-12",
            hostAdministrationId = mali, city = "Bamako", language = "fr",
        });

        var coordinator = $"{Guid.NewGuid():N}@integrity.test";
        await CreateAsync("/api/v1/users", new { email = coordinator, displayName = "Coordinator", role = "coordinator", password = "coordinator-password", programmeIds = new[] { programme } });
        using var asCoordinator = await App.SignedInClientAsync(coordinator, "coordinator-password");
        Assert.That((await asCoordinator.GetAsync($"/api/v1/workshops/{mine}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await asCoordinator.GetAsync($"/api/v1/workshops/{theirs}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var listed = await asCoordinator.GetFromJsonAsync<JsonElement>("/api/v1/workshops?limit=200");
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()), Does.Contain(mine).And.Not.Contain(theirs));
        var outOfScope = await asCoordinator.PostAsJsonAsync("/api/v1/workshops", new
        {
            programmeId = otherProgramme, kind = "workshop", title = "Sneaky", startsOn = "2020-01-10", endsOn = "2020-01-12",
            hostAdministrationId = mali, city = "Bamako", language = "fr",
        });
        var refused = await ProblemAsync(outOfScope, 400);
        Assert.That(refused.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "programmeId", "hostAdministrationId" }),
            "neither the programme nor the host is the coordinator's to use");

        var trainerEmail = $"{Guid.NewGuid():N}@integrity.test";
        var trainerAccount = await CreateAsync("/api/v1/users", new { email = trainerEmail, displayName = "Trainer", role = "trainer", password = "trainer-password" });
        var trainerRecord = await CreateAsync("/api/v1/trainers", new { fullName = "Delivering Trainer", kind = "wco_expert", userId = trainerAccount });
        var taught = await CreateAsync("/api/v1/workshops", Ouagadougou());
        Assert.That((await Client.PostAsJsonAsync($"/api/v1/workshops/{taught}/sessions", new { moduleId = module, heldOn = "2023-11-29", trainerIds = new[] { trainerRecord } })).StatusCode,
            Is.EqualTo(HttpStatusCode.Created));
        using var asTrainer = await App.SignedInClientAsync(trainerEmail, "trainer-password");
        Assert.That((await asTrainer.GetAsync($"/api/v1/workshops/{taught}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await asTrainer.GetAsync($"/api/v1/workshops/{mine}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await asTrainer.PostAsJsonAsync("/api/v1/workshops", Ouagadougou())).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Donors_see_no_workshop_records()
    {
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("W-TOK"), name = "Token donor" });
        var issued = await (await Client.PostAsJsonAsync("/api/v1/api-tokens", new { donorId = donor, name = "w", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd") }))
            .Content.ReadFromJsonAsync<JsonElement>();
        using var asDonor = App.AnonymousClient();
        asDonor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.GetProperty("token").GetString());
        await ProblemAsync(await asDonor.GetAsync("/api/v1/workshops"), 403);
    }
}
