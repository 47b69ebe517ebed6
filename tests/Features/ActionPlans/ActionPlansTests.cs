using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Action plans, their objectives and actions, append-only progress updates and the dashboard. The world:
/// administrations Burkina Faso (in programme P) and Mali (in programme Q), a coordinator of Burkina Faso,
/// a trainer and a donor token. Dates are relative to today (UTC), as the API's clock sees it.
/// </summary>
public sealed class ActionPlansTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Plans = "/api/v1/action-plans";

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private Guid burkina;
    private Guid mali;
    private Guid programmeP;
    private Guid programmeQ;
    private HttpClient coordinatorOfBurkina = null!;
    private HttpClient trainer = null!;
    private HttpClient donor = null!;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        burkina = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = "BF Customs " + UniqueCode("AP"), nameFr = "Douanes BF" });
        mali = await CreateAsync("/api/v1/administrations", new { countryCode = "ML", regionCode = "WCA", nameEn = "ML Customs " + UniqueCode("AP"), nameFr = "Douanes ML" });
        var funder = await CreateAsync("/api/v1/donors", new { code = UniqueCode("AP-DON"), name = "Action plan donor" });
        programmeP = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("AP-P"), name = "A-CIP", startsOn = "2016-01-01", endsOn = "2035-12-31", donorIds = new[] { funder }, administrationIds = new[] { burkina } });
        programmeQ = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("AP-Q"), name = "WACAM", startsOn = "2016-01-01", endsOn = "2035-12-31", donorIds = new[] { funder }, administrationIds = new[] { mali } });
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

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(int daysFromToday) => Day(Today.AddDays(daysFromToday));

    private static string Marker() => "Plan " + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A draft plan over the given days around today, of Burkina Faso under P unless said otherwise.</summary>
    private Task<Guid> NewPlanAsync(int fromDay = -400, int toDay = 400, string? title = null, Guid? programmeId = null, Guid? administrationId = null) =>
        CreateAsync(Plans, new
        {
            programmeId = programmeId ?? programmeP, administrationId = administrationId ?? burkina,
            title = title ?? Marker(), startsOn = Day(fromDay), endsOn = Day(toDay),
        });

    private Task<Guid> AddObjectiveAsync(Guid plan, params string[] keyFactorCodes) =>
        CreateAsync($"{Plans}/{plan}/objectives", new
        {
            title = "Objective " + string.Join("+", keyFactorCodes), keyFactorCodes,
            outcomeIndicator = "Share of staff who signed the code of conduct", baseline = "35 %", target = "100 %",
        });

    private static object Action(Guid objective, int startsOn, int dueOn, string title = "Revise the code of conduct") => new
    {
        objectiveId = objective, title, leadUnit = "Inspection générale des services", owner = "Head of HR", startsOn = Day(startsOn), dueOn = Day(dueOn),
    };

    private Task<Guid> PlanActionAsync(Guid plan, Guid objective, int startsOn, int dueOn) =>
        CreateAsync($"{Plans}/{plan}/actions", Action(objective, startsOn, dueOn));

    private static object Update(int reportedOn, string status, int percentDone, params string[] evidenceLinks) =>
        new { reportedOn = Day(reportedOn), status, percentDone, narrative = $"{status} at {percentDone} %", evidenceLinks };

    private Task<HttpResponseMessage> ReportAsync(Guid action, object update, HttpClient? client = null) =>
        (client ?? Client).PostAsJsonAsync($"/api/v1/actions/{action}/updates", update);

    private async Task ReportedAsync(Guid action, object update)
    {
        var response = await ReportAsync(action, update);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object body, string? ifMatch, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await (client ?? Client).SendAsync(request);
    }

    private async Task ExpectAsync(HttpStatusCode status, HttpResponseMessage response) =>
        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());

    private Task<HttpResponseMessage> AdoptAsync(Guid plan, int adoptedOn, string? ifMatch) =>
        SendAsync(HttpMethod.Post, $"{Plans}/{plan}/adopt", new { adoptedOn = Day(adoptedOn) }, ifMatch);

    private Task<HttpResponseMessage> MoveAsync(Guid plan, string status, string? ifMatch) =>
        SendAsync(HttpMethod.Put, $"{Plans}/{plan}/status", new { status }, ifMatch);

    /// <summary>A plan adopted long ago and in implementation (version 3), with one objective.</summary>
    private async Task<(Guid plan, Guid objective)> PlanInImplementationAsync(Guid? programmeId = null, Guid? administrationId = null)
    {
        var plan = await NewPlanAsync(programmeId: programmeId, administrationId: administrationId);
        var objective = await AddObjectiveAsync(plan, "RAD-07");
        await ExpectAsync(HttpStatusCode.NoContent, await AdoptAsync(plan, -390, "\"1\""));
        await ExpectAsync(HttpStatusCode.NoContent, await MoveAsync(plan, "in_implementation", "\"2\""));
        return (plan, objective);
    }

    private static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(e => e.Name);

    [Test]
    public async Task A_recorded_plan_is_a_draft_that_reads_back_with_its_objectives()
    {
        var title = Marker();
        var response = await Client.PostAsJsonAsync(Plans, new { programmeId = programmeP, administrationId = burkina, title, startsOn = "2024-01-01", endsOn = "2026-12-31" });
        await ExpectAsync(HttpStatusCode.Created, response);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Plans}/{id}"));
        var first = await AddObjectiveAsync(id, "RAD-08", "RAD-01");
        var second = await CreateAsync($"{Plans}/{id}/objectives",
            new { title = "Transparent procedures", keyFactorCodes = new[] { "RAD-03" }, outcomeIndicator = "Procedures published", target = "All" });

        var plan = await GetJsonAsync($"{Plans}/{id}");
        var objectives = plan.GetProperty("objectives").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(plan.GetProperty("title").GetString(), Is.EqualTo(title));
            Assert.That(plan.GetProperty("status").GetString(), Is.EqualTo("draft"));
            Assert.That(plan.GetProperty("adoptedOn").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(plan.GetProperty("startsOn").GetString(), Is.EqualTo("2024-01-01"));
            Assert.That(plan.GetProperty("endsOn").GetString(), Is.EqualTo("2026-12-31"));
            Assert.That(plan.GetProperty("programmeCode").GetString(), Does.StartWith("AP-P"));
            Assert.That(plan.GetProperty("countryCode").GetString(), Is.EqualTo("BF"));
            Assert.That(plan.GetProperty("objectiveCount").GetInt32(), Is.EqualTo(2));
            Assert.That(plan.GetProperty("actionCount").GetInt32(), Is.EqualTo(0));
            Assert.That(plan.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(objectives.Select(o => o.GetProperty("id").GetGuid()), Is.EqualTo(new[] { first, second }));
            Assert.That(objectives.Select(o => o.GetProperty("position").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(objectives[0].GetProperty("keyFactorCodes").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { "RAD-01", "RAD-08" }));
            Assert.That(objectives[0].GetProperty("baseline").GetString(), Is.EqualTo("35 %"));
            Assert.That(objectives[1].GetProperty("baseline").ValueKind, Is.EqualTo(JsonValueKind.Null), "no baseline measured yet");
            Assert.That(objectives[1].GetProperty("target").GetString(), Is.EqualTo("All"));
        });
        var listed = (await GetJsonAsync($"{Plans}/{id}/objectives")).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid());
        Assert.That(listed, Is.EqualTo(new[] { first, second }));
    }

    [Test]
    public async Task Invalid_plans_get_field_errors_and_store_nothing()
    {
        var title = Marker();
        var dates = await ProblemAsync(await Client.PostAsJsonAsync(Plans,
            new { programmeId = programmeP, administrationId = burkina, title = "", startsOn = "2026-12-31", endsOn = "2024-01-01" }), 400);
        Assert.That(Fields(dates), Is.SupersetOf(new[] { "title", "endsOn" }));
        var unknown = await ProblemAsync(await Client.PostAsJsonAsync(Plans,
            new { programmeId = Guid.CreateVersion7(), administrationId = Guid.CreateVersion7(), title, startsOn = "2024-01-01", endsOn = "2026-12-31" }), 400);
        Assert.That(Fields(unknown), Is.SupersetOf(new[] { "programmeId", "administrationId" }));
        var uncovered = await ProblemAsync(await Client.PostAsJsonAsync(Plans,
            new { programmeId = programmeP, administrationId = mali, title, startsOn = "2024-01-01", endsOn = "2026-12-31" }), 400);
        Assert.That(Fields(uncovered), Is.EqualTo(new[] { "administrationId" }), "the programme does not cover Mali");
        Assert.That(await AllPagesAsync($"{Plans}?q={Uri.EscapeDataString(title)}", 50), Is.Empty);
    }

    [Test]
    public async Task Objectives_serve_one_or_more_known_key_factors_and_update_with_If_Match()
    {
        var plan = await NewPlanAsync();
        var objectives = $"{Plans}/{plan}/objectives";
        var none = await ProblemAsync(await Client.PostAsJsonAsync(objectives,
            new { title = "No factor", keyFactorCodes = Array.Empty<string>(), outcomeIndicator = "x", target = "y" }), 400);
        Assert.That(Fields(none), Does.Contain("keyFactorCodes"));
        var unknownFactor = await ProblemAsync(await Client.PostAsJsonAsync(objectives,
            new { title = "Bad factor", keyFactorCodes = new[] { "RAD-07", "RAD-11" }, outcomeIndicator = "x", target = "y" }), 400);
        Assert.That(Fields(unknownFactor), Does.Contain("keyFactorCodes[1]"));
        var twice = await ProblemAsync(await Client.PostAsJsonAsync(objectives,
            new { title = "Twice", keyFactorCodes = new[] { "RAD-07", "RAD-07" }, outcomeIndicator = "x", target = "y" }), 400);
        Assert.That(Fields(twice), Does.Contain("keyFactorCodes"));
        var incomplete = await ProblemAsync(await Client.PostAsJsonAsync(objectives,
            new { title = "No target", keyFactorCodes = new[] { "RAD-07" }, outcomeIndicator = "" }), 400);
        Assert.That(Fields(incomplete), Is.SupersetOf(new[] { "outcomeIndicator", "target" }));

        var objective = await AddObjectiveAsync(plan, "RAD-07");
        var path = $"{objectives}/{objective}";
        var changed = new { title = "Merit-based HR", keyFactorCodes = new[] { "RAD-09", "RAD-08" }, outcomeIndicator = "Posts filled by competition", baseline = "10 %", target = "60 %" };
        await ProblemAsync(await SendAsync(HttpMethod.Put, path, changed, null), 428);
        await ExpectAsync(HttpStatusCode.NoContent, await SendAsync(HttpMethod.Put, path, changed, "\"1\""));
        await ProblemAsync(await SendAsync(HttpMethod.Put, path, changed, "\"1\""), 412);
        var otherPlan = await NewPlanAsync();
        await ProblemAsync(await SendAsync(HttpMethod.Put, $"{Plans}/{otherPlan}/objectives/{objective}", changed, "\"2\""), 404);

        var stored = (await GetJsonAsync(objectives)).GetProperty("items")[0];
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("title").GetString(), Is.EqualTo("Merit-based HR"));
            Assert.That(stored.GetProperty("keyFactorCodes").EnumerateArray().Select(k => k.GetString()), Is.EqualTo(new[] { "RAD-08", "RAD-09" }), "replaced, not added");
            Assert.That(stored.GetProperty("target").GetString(), Is.EqualTo("60 %"));
            Assert.That(stored.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Actions_fall_within_the_plan_period_and_start_not_started()
    {
        var plan = await NewPlanAsync(-100, 100);
        var objective = await AddObjectiveAsync(plan, "RAD-07");
        var actions = $"{Plans}/{plan}/actions";
        var early = await ProblemAsync(await Client.PostAsJsonAsync(actions, Action(objective, -101, 10)), 400);
        Assert.That(Fields(early), Is.EqualTo(new[] { "startsOn" }));
        var late = await ProblemAsync(await Client.PostAsJsonAsync(actions, Action(objective, 0, 101)), 400);
        Assert.That(Fields(late), Is.EqualTo(new[] { "dueOn" }));
        var backwards = await ProblemAsync(await Client.PostAsJsonAsync(actions, Action(objective, 10, 5)), 400);
        Assert.That(Fields(backwards), Is.EqualTo(new[] { "dueOn" }));
        var otherObjective = await AddObjectiveAsync(await NewPlanAsync(), "RAD-01");
        var elsewhere = await ProblemAsync(await Client.PostAsJsonAsync(actions, Action(otherObjective, 0, 10)), 400);
        Assert.That(Fields(elsewhere), Is.EqualTo(new[] { "objectiveId" }));
        var blank = await ProblemAsync(await Client.PostAsJsonAsync(actions, new { objectiveId = objective, title = "", leadUnit = "", owner = "", startsOn = Day(0), dueOn = Day(1) }), 400);
        Assert.That(Fields(blank), Is.SupersetOf(new[] { "title", "leadUnit", "owner" }));

        var response = await Client.PostAsJsonAsync(actions, Action(objective, -100, 100));
        await ExpectAsync(HttpStatusCode.Created, response);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/v1/actions/{id}"));
        var action = await GetJsonAsync($"/api/v1/actions/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(action.GetProperty("actionPlanId").GetGuid(), Is.EqualTo(plan));
            Assert.That(action.GetProperty("objectiveId").GetGuid(), Is.EqualTo(objective));
            Assert.That(action.GetProperty("objectivePosition").GetInt32(), Is.EqualTo(1));
            Assert.That(action.GetProperty("owner").GetString(), Is.EqualTo("Head of HR"));
            Assert.That(action.GetProperty("status").GetString(), Is.EqualTo("not_started"));
            Assert.That(action.GetProperty("percentDone").GetInt32(), Is.EqualTo(0));
            Assert.That(action.GetProperty("reportedOn").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(action.GetProperty("dueOn").GetString(), Is.EqualTo(Day(100)), "the period's last day is inside it");
        });
        Assert.That((await GetJsonAsync($"{Plans}/{plan}")).GetProperty("actionCount").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_plan_is_adopted_then_moves_only_forward_and_a_closed_plan_is_final()
    {
        var plan = await NewPlanAsync();
        var path = $"{Plans}/{plan}";
        await ProblemAsync(await MoveAsync(plan, "in_implementation", "\"1\""), 409);
        var future = await ProblemAsync(await AdoptAsync(plan, 1, "\"1\""), 400);
        Assert.That(Fields(future), Is.EqualTo(new[] { "adoptedOn" }));
        await ProblemAsync(await AdoptAsync(plan, -10, null), 428);
        await ProblemAsync(await AdoptAsync(plan, -10, "\"7\""), 412);
        var adopted = await AdoptAsync(plan, -10, "\"1\"");
        await ExpectAsync(HttpStatusCode.NoContent, adopted);
        Assert.That(adopted.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var read = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(read.GetProperty("status").GetString(), Is.EqualTo("adopted"));
            Assert.That(read.GetProperty("adoptedOn").GetString(), Is.EqualTo(Day(-10)));
        });
        await ProblemAsync(await AdoptAsync(plan, -5, "\"2\""), 409);
        await ProblemAsync(await MoveAsync(plan, "adopted", "\"2\""), 409);
        await ProblemAsync(await MoveAsync(plan, "finished", "\"2\""), 400);
        await ProblemAsync(await MoveAsync(plan, "in_implementation", null), 428);
        await ExpectAsync(HttpStatusCode.NoContent, await MoveAsync(plan, "in_implementation", "\"2\""));
        await ProblemAsync(await MoveAsync(plan, "adopted", "\"3\""), 409);
        await ProblemAsync(await MoveAsync(plan, "draft", "\"3\""), 409);
        await ExpectAsync(HttpStatusCode.NoContent, await MoveAsync(plan, "closed", "\"3\""));
        await ProblemAsync(await MoveAsync(plan, "in_implementation", "\"4\""), 409);
        await ProblemAsync(await SendAsync(HttpMethod.Put, path, new { title = "Renamed", startsOn = Day(-400), endsOn = Day(400) }, "\"4\""), 409);
        var closed = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("closed"));
            Assert.That(closed.GetProperty("adoptedOn").GetString(), Is.EqualTo(Day(-10)), "closing keeps the adoption day");
            Assert.That(closed.GetProperty("version").GetInt32(), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task An_adopted_plan_goes_back_to_draft_only_while_no_progress_was_reported()
    {
        var plan = await NewPlanAsync();
        var objective = await AddObjectiveAsync(plan, "RAD-02");
        var action = await PlanActionAsync(plan, objective, -30, 30);
        await ExpectAsync(HttpStatusCode.NoContent, await AdoptAsync(plan, -20, "\"1\""));
        await ExpectAsync(HttpStatusCode.NoContent, await MoveAsync(plan, "draft", "\"2\""));
        var back = await GetJsonAsync($"{Plans}/{plan}");
        Assert.Multiple(() =>
        {
            Assert.That(back.GetProperty("status").GetString(), Is.EqualTo("draft"));
            Assert.That(back.GetProperty("adoptedOn").ValueKind, Is.EqualTo(JsonValueKind.Null), "the adoption day is cleared");
        });
        await ExpectAsync(HttpStatusCode.NoContent, await AdoptAsync(plan, -15, "\"3\""));
        await ReportedAsync(action, Update(-1, "in_progress", 10));
        var refused = await ProblemAsync(await MoveAsync(plan, "draft", "\"4\""), 409);
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("Progress was reported"));
        Assert.That((await GetJsonAsync($"{Plans}/{plan}")).GetProperty("status").GetString(), Is.EqualTo("adopted"));
    }

    [Test]
    public async Task Progress_updates_are_checked_before_they_are_kept()
    {
        var plan = await NewPlanAsync();
        var objective = await AddObjectiveAsync(plan, "RAD-06");
        var action = await PlanActionAsync(plan, objective, -30, 30);
        var draft = await ProblemAsync(await ReportAsync(action, Update(-1, "in_progress", 10)), 409);
        Assert.That(draft.GetProperty("detail").GetString(), Does.Contain("draft"));
        await ExpectAsync(HttpStatusCode.NoContent, await AdoptAsync(plan, -60, "\"1\""));

        async Task RefusedAsync(object update, string field) =>
            Assert.That(Fields(await ProblemAsync(await ReportAsync(action, update), 400)), Does.Contain(field), JsonSerializer.Serialize(update));
        await RefusedAsync(Update(1, "in_progress", 10), "reportedOn");
        await RefusedAsync(Update(-31, "in_progress", 10), "reportedOn");
        await RefusedAsync(Update(-1, "in_progress", 101), "percentDone");
        await RefusedAsync(Update(-1, "in_progress", -1), "percentDone");
        await RefusedAsync(Update(-1, "done", 90), "percentDone");
        await RefusedAsync(Update(-1, "not_started", 5), "percentDone");
        await RefusedAsync(Update(-1, "finished", 5), "status");
        await RefusedAsync(Update(-1, "in_progress", 10, "https://douanes.bf/ok.pdf", "ftp://douanes.bf/file"), "evidenceLinks[1]");
        await RefusedAsync(Update(-1, "in_progress", 10, "javascript:alert(1)"), "evidenceLinks[0]");
        await RefusedAsync(Update(-1, "in_progress", 10, "douanes.bf/report"), "evidenceLinks[0]");
        await RefusedAsync(Update(-1, "in_progress", 10, Enumerable.Range(0, 21).Select(i => $"https://douanes.bf/{i}").ToArray()), "evidenceLinks");
        Assert.That((await GetJsonAsync($"/api/v1/actions/{action}/updates")).GetProperty("items").GetArrayLength(), Is.EqualTo(0), "nothing refused was kept");

        await ReportedAsync(action, Update(-30, "in_progress", 5, "https://douanes.bf/minutes-2025.pdf", "http://intranet.douanes.bf/decision?id=12"));
        await ReportedAsync(action, Update(0, "done", 100));
        var history = (await GetJsonAsync($"/api/v1/actions/{action}/updates")).GetProperty("items");
        Assert.Multiple(() =>
        {
            Assert.That(history[1].GetProperty("evidenceLinks").EnumerateArray().Select(l => l.GetString()),
                Is.EqualTo(new[] { "https://douanes.bf/minutes-2025.pdf", "http://intranet.douanes.bf/decision?id=12" }));
            Assert.That(history[1].GetProperty("narrative").GetString(), Is.EqualTo("in_progress at 5 %"));
            Assert.That(history[0].GetProperty("reportedOn").GetString(), Is.EqualTo(Day(0)), "today is not the future");
        });
    }

    [Test]
    public async Task The_action_follows_its_latest_update_and_history_is_never_rewritten()
    {
        var (plan, objective) = await PlanInImplementationAsync();
        var action = await PlanActionAsync(plan, objective, -60, 60);
        await ReportedAsync(action, Update(-10, "in_progress", 30));
        await ReportedAsync(action, Update(-5, "delayed", 40));
        await ReportedAsync(action, Update(-8, "in_progress", 35));
        var current = await GetJsonAsync($"/api/v1/actions/{action}");
        Assert.Multiple(() =>
        {
            Assert.That(current.GetProperty("status").GetString(), Is.EqualTo("delayed"), "a backdated update does not become current");
            Assert.That(current.GetProperty("percentDone").GetInt32(), Is.EqualTo(40));
            Assert.That(current.GetProperty("reportedOn").GetString(), Is.EqualTo(Day(-5)));
        });
        await ReportedAsync(action, Update(-5, "in_progress", 50));
        current = await GetJsonAsync($"/api/v1/actions/{action}");
        Assert.Multiple(() =>
        {
            Assert.That(current.GetProperty("status").GetString(), Is.EqualTo("in_progress"), "on the same day, the one recorded last is current");
            Assert.That(current.GetProperty("percentDone").GetInt32(), Is.EqualTo(50));
            Assert.That(current.GetProperty("updateCount").GetInt32(), Is.EqualTo(4));
            Assert.That(current.GetProperty("version").GetInt32(), Is.EqualTo(5), "each update moves the action's version on");
        });

        var history = (await GetJsonAsync($"/api/v1/actions/{action}/updates")).GetProperty("items").EnumerateArray()
            .Select(u => (u.GetProperty("reportedOn").GetString(), u.GetProperty("status").GetString(), u.GetProperty("percentDone").GetInt32(), u.GetProperty("recordingOrder").GetInt32()))
            .ToList();
        Assert.That(history, Is.EqualTo(new[]
        {
            (Day(-5), "in_progress", 50, 4), (Day(-5), "delayed", 40, 2), (Day(-8), "in_progress", 35, 3), (Day(-10), "in_progress", 30, 1),
        }), "the whole history, latest first");

        var updateId = (await GetJsonAsync($"/api/v1/actions/{action}/updates")).GetProperty("items")[0].GetProperty("id").GetGuid();
        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            var response = await SendAsync(method, $"/api/v1/actions/{action}/updates/{updateId}", Update(-1, "done", 100), "\"1\"");
            Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed), $"{method} of an update");
        }
        Assert.That((await GetJsonAsync($"/api/v1/actions/{action}/updates")).GetProperty("items").GetArrayLength(), Is.EqualTo(4));

        var moved = Action(objective, -4, 60);
        var late = await ProblemAsync(await SendAsync(HttpMethod.Put, $"/api/v1/actions/{action}", moved, "\"5\""), 400);
        Assert.That(Fields(late), Is.EqualTo(new[] { "startsOn" }), "progress was reported before that start");
        await ProblemAsync(await SendAsync(HttpMethod.Put, $"/api/v1/actions/{action}", Action(objective, -20, 60, "Renamed"), null), 428);
        await ProblemAsync(await SendAsync(HttpMethod.Put, $"/api/v1/actions/{action}", Action(objective, -20, 60, "Renamed"), "\"4\""), 412);
        await ExpectAsync(HttpStatusCode.NoContent, await SendAsync(HttpMethod.Put, $"/api/v1/actions/{action}", Action(objective, -20, 60, "Renamed"), "\"5\""));
        var renamed = await GetJsonAsync($"/api/v1/actions/{action}");
        Assert.Multiple(() =>
        {
            Assert.That(renamed.GetProperty("title").GetString(), Is.EqualTo("Renamed"));
            Assert.That(renamed.GetProperty("startsOn").GetString(), Is.EqualTo(Day(-20)));
            Assert.That(renamed.GetProperty("status").GetString(), Is.EqualTo("in_progress"), "editing the plan of an action keeps its progress");
        });
    }

    [Test]
    public async Task A_closed_plan_takes_no_new_objectives_actions_or_updates()
    {
        var (plan, objective) = await PlanInImplementationAsync();
        var action = await PlanActionAsync(plan, objective, -30, 30);
        await ReportedAsync(action, Update(-2, "in_progress", 60));
        await ExpectAsync(HttpStatusCode.NoContent, await MoveAsync(plan, "closed", "\"3\""));

        await ProblemAsync(await Client.PostAsJsonAsync($"{Plans}/{plan}/actions", Action(objective, -10, 10)), 409);
        await ProblemAsync(await ReportAsync(action, Update(-1, "done", 100)), 409);
        await ProblemAsync(await Client.PostAsJsonAsync($"{Plans}/{plan}/objectives",
            new { title = "Late", keyFactorCodes = new[] { "RAD-04" }, outcomeIndicator = "x", target = "y" }), 409);
        await ProblemAsync(await SendAsync(HttpMethod.Put, $"/api/v1/actions/{action}", Action(objective, -30, 30, "Renamed"), "\"2\""), 409);
        var stored = await GetJsonAsync($"/api/v1/actions/{action}");
        Assert.Multiple(() =>
        {
            Assert.That(stored.GetProperty("status").GetString(), Is.EqualTo("in_progress"));
            Assert.That(stored.GetProperty("updateCount").GetInt32(), Is.EqualTo(1));
            Assert.That(stored.GetProperty("title").GetString(), Is.Not.EqualTo("Renamed"));
        });
    }

    [Test]
    public async Task A_new_period_must_hold_every_action()
    {
        var plan = await NewPlanAsync(-100, 100);
        var objective = await AddObjectiveAsync(plan, "RAD-05");
        await PlanActionAsync(plan, objective, -50, 50);
        var path = $"{Plans}/{plan}";
        var narrower = new { title = "Narrower", startsOn = Day(-40), endsOn = Day(100) };
        await ProblemAsync(await SendAsync(HttpMethod.Put, path, narrower, null), 428);
        var conflict = await ProblemAsync(await SendAsync(HttpMethod.Put, path, narrower, "\"1\""), 409);
        Assert.That(conflict.GetProperty("detail").GetString(), Does.Contain("actions"));
        await ProblemAsync(await SendAsync(HttpMethod.Put, path, new { title = "Backwards", startsOn = Day(10), endsOn = Day(0) }, "\"1\""), 400);
        var exact = new { title = "Exactly the action's days", startsOn = Day(-50), endsOn = Day(50) };
        await ProblemAsync(await SendAsync(HttpMethod.Put, path, exact, "\"0\""), 412);
        await ExpectAsync(HttpStatusCode.NoContent, await SendAsync(HttpMethod.Put, path, exact, "\"1\""));
        var plan2 = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(plan2.GetProperty("title").GetString(), Is.EqualTo("Exactly the action's days"));
            Assert.That(plan2.GetProperty("startsOn").GetString(), Is.EqualTo(Day(-50)));
            Assert.That(plan2.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task The_list_pages_most_recent_first_and_filters()
    {
        var marker = Marker();
        var oldest = await NewPlanAsync(-3000, -2000, marker + " HRM strategy", programmeQ, mali);
        var middle = await NewPlanAsync(-1000, -500, marker + " first plan");
        var newest = await NewPlanAsync(-100, 900, marker + " second plan");
        var sameStart = await NewPlanAsync(-100, 500, marker + " same start");
        await ExpectAsync(HttpStatusCode.NoContent, await AdoptAsync(middle, -990, "\"1\""));

        var all = (await AllPagesAsync($"{Plans}?q={Uri.EscapeDataString(marker)}", limit: 1)).Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.That(all.Take(2), Is.EquivalentTo(new[] { newest, sameStart }), "the two of the same start come first, in the order of their ids");
        Assert.That(all.Skip(2), Is.EqualTo(new[] { middle, oldest }));
        Assert.That(all, Is.Unique);

        async Task<IEnumerable<Guid>> Only(string filter) =>
            (await AllPagesAsync($"{Plans}?q={Uri.EscapeDataString(marker)}&{filter}", limit: 50)).Select(p => p.GetProperty("id").GetGuid());
        Assert.Multiple(async () =>
        {
            Assert.That(await Only($"programmeId={programmeQ}"), Is.EqualTo(new[] { oldest }));
            Assert.That(await Only($"administrationId={burkina}"), Is.EquivalentTo(new[] { newest, sameStart, middle }));
            Assert.That(await Only("status=adopted"), Is.EqualTo(new[] { middle }));
            Assert.That(await Only("status=draft"), Is.EquivalentTo(new[] { newest, sameStart, oldest }));
        });
        await ProblemAsync(await Client.GetAsync($"{Plans}?status=finished"), 400);
        await ProblemAsync(await Client.GetAsync($"{Plans}?cursor=not-a-cursor"), 400);
    }

    [Test]
    public async Task A_plans_actions_page_by_due_day_and_filter_by_objective_and_status()
    {
        var (plan, first) = await PlanInImplementationAsync();
        var second = await AddObjectiveAsync(plan, "RAD-10");
        var late = await PlanActionAsync(plan, first, -50, 40);
        var soon = await PlanActionAsync(plan, second, -50, 10);
        var done = await PlanActionAsync(plan, first, -50, 20);
        await ReportedAsync(done, Update(-3, "done", 100));

        var all = (await AllPagesAsync($"{Plans}/{plan}/actions", limit: 2)).Select(a => a.GetProperty("id").GetGuid());
        Assert.That(all, Is.EqualTo(new[] { soon, done, late }));
        var ofFirst = (await AllPagesAsync($"{Plans}/{plan}/actions?objectiveId={first}", limit: 50)).Select(a => a.GetProperty("id").GetGuid());
        Assert.That(ofFirst, Is.EqualTo(new[] { done, late }));
        var finished = (await AllPagesAsync($"{Plans}/{plan}/actions?status=done", limit: 50)).Select(a => a.GetProperty("id").GetGuid());
        Assert.That(finished, Is.EqualTo(new[] { done }));
        await ProblemAsync(await Client.GetAsync($"{Plans}/{plan}/actions?status=finished"), 400);
        await ProblemAsync(await Client.GetAsync($"{Plans}/{Guid.CreateVersion7()}/actions"), 404);
    }

    /// <summary>An action as the dashboard test plans it: due so many days from today, then its updates in the order recorded.</summary>
    private sealed record Planned(string Name, int DueOn, (int ReportedOn, string Status, int Percent)[] Updates)
    {
        /// <summary>The latest update by day, then by the order recorded; not_started before any.</summary>
        public string Status => Updates.Select((u, order) => (u, order)).OrderBy(x => x.u.ReportedOn).ThenBy(x => x.order).LastOrDefault().u.Status ?? "not_started";
        public bool Due => DueOn <= 0 && Status != "cancelled";
        public bool Overdue => DueOn < 0 && Status is not ("done" or "cancelled");
        public bool DoneOnTime => Status == "done" && Updates.Any(u => u.Status == "done" && u.ReportedOn <= DueOn);
    }

    [Test]
    public async Task The_dashboard_counts_what_the_plan_holds_as_of_today()
    {
        var plan = await NewPlanAsync();
        var codeOfConduct = await AddObjectiveAsync(plan, "RAD-07", "RAD-01");
        await AddObjectiveAsync(plan, "RAD-08");
        await AddObjectiveAsync(plan, "RAD-07");
        await ExpectAsync(HttpStatusCode.NoContent, await AdoptAsync(plan, -390, "\"1\""));
        var emptyDashboard = await GetJsonAsync($"{Plans}/{plan}/dashboard");
        Assert.That(emptyDashboard.GetProperty("implementationRate").ValueKind, Is.EqualTo(JsonValueKind.Null), "no action is due yet");

        Planned[] planned =
        [
            new("done on time", -100, [(-150, "in_progress", 50), (-110, "done", 100)]),
            new("done late", -60, [(-70, "in_progress", 20), (-30, "done", 100)]),
            new("delayed and overdue", -20, [(-40, "delayed", 10)]),
            new("never started, overdue", -5, []),
            new("cancelled before due", -50, [(-60, "cancelled", 0)]),
            new("due today", 0, [(-1, "in_progress", 90)]),
            new("done early", 30, [(-3, "done", 100)]),
            new("not due yet", 100, []),
            new("reopened after done", -80, [(-90, "done", 100), (-85, "in_progress", 80)]),
            new("backdated done does not count", -10, [(-2, "delayed", 70), (-12, "done", 100)]),
        ];
        var ids = new Dictionary<string, Guid>();
        foreach (var action in planned)
        {
            ids[action.Name] = await CreateAsync($"{Plans}/{plan}/actions", Action(codeOfConduct, -300, action.DueOn, action.Name));
            foreach (var (reportedOn, status, percent) in action.Updates) await ReportedAsync(ids[action.Name], Update(reportedOn, status, percent));
        }

        var dashboard = await GetJsonAsync($"{Plans}/{plan}/dashboard");
        var byStatus = dashboard.GetProperty("actionsByStatus").EnumerateArray()
            .ToDictionary(s => s.GetProperty("status").GetString()!, s => s.GetProperty("count").GetInt32());
        var statuses = new[] { "not_started", "in_progress", "done", "delayed", "cancelled" };
        var due = planned.Count(a => a.Due);
        var doneOfDue = planned.Count(a => a.Due && a.Status == "done");
        var overdue = planned.Where(a => a.Overdue).OrderBy(a => a.DueOn).Select(a => ids[a.Name]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(dashboard.GetProperty("asOf").GetString(), Is.EqualTo(Day(0)));
            Assert.That(dashboard.GetProperty("actionCount").GetInt32(), Is.EqualTo(planned.Length));
            Assert.That(byStatus.Keys, Is.EqualTo(statuses), "every status, in order, zeros included");
            foreach (var status in statuses)
                Assert.That(byStatus[status], Is.EqualTo(planned.Count(a => a.Status == status)), status);
            Assert.That(dashboard.GetProperty("actionsDue").GetInt32(), Is.EqualTo(due));
            Assert.That(dashboard.GetProperty("actionsDoneOfDue").GetInt32(), Is.EqualTo(doneOfDue));
            Assert.That(dashboard.GetProperty("implementationRate").GetDecimal(), Is.EqualTo(Math.Round(100m * doneOfDue / due, 1, MidpointRounding.AwayFromZero)));
            Assert.That(dashboard.GetProperty("actionsDoneOnTime").GetInt32(), Is.EqualTo(planned.Count(a => a.DoneOnTime)));
            Assert.That(dashboard.GetProperty("overdue").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()), Is.EqualTo(overdue));
        });
        // The same figures, worked out by hand once, so that the model above cannot drift from the rules unnoticed.
        Assert.Multiple(() =>
        {
            Assert.That((due, doneOfDue, overdue.Count), Is.EqualTo((7, 2, 4)));
            Assert.That(dashboard.GetProperty("implementationRate").GetDecimal(), Is.EqualTo(28.6m));
            Assert.That(dashboard.GetProperty("actionsDoneOnTime").GetInt32(), Is.EqualTo(2));
        });

        var factors = dashboard.GetProperty("keyFactors").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(factors.Select(f => f.GetProperty("code").GetString()), Is.EqualTo(Enumerable.Range(1, 10).Select(i => $"RAD-{i:00}")), "all ten, in order");
            Assert.That(factors.Where(f => f.GetProperty("covered").GetBoolean()).Select(f => f.GetProperty("code").GetString()),
                Is.EqualTo(new[] { "RAD-01", "RAD-07", "RAD-08" }));
            Assert.That(factors.Single(f => f.GetProperty("code").GetString() == "RAD-07").GetProperty("objectiveCount").GetInt32(), Is.EqualTo(2));
            Assert.That(factors[7].GetProperty("nameEn").GetString(), Is.EqualTo("Human Resource Management"));
        });
    }

    [Test]
    public async Task Coordinators_keep_the_plans_in_their_scope_and_trainers_and_donors_see_none()
    {
        var (ours, ourObjective) = await PlanInImplementationAsync();
        var ourAction = await PlanActionAsync(ours, ourObjective, -10, 10);
        var (theirs, theirObjective) = await PlanInImplementationAsync(programmeQ, mali);
        var theirAction = await PlanActionAsync(theirs, theirObjective, -10, 10);

        var mine = await coordinatorOfBurkina.PostAsJsonAsync(Plans, new { programmeId = programmeP, administrationId = burkina, title = Marker(), startsOn = Day(-10), endsOn = Day(10) });
        await ExpectAsync(HttpStatusCode.Created, mine);
        await ExpectAsync(HttpStatusCode.Created, await ReportAsync(ourAction, Update(-1, "in_progress", 10), coordinatorOfBurkina));
        await ExpectAsync(HttpStatusCode.OK, await coordinatorOfBurkina.GetAsync($"{Plans}/{ours}/dashboard"));
        foreach (var path in new[] { $"{Plans}/{theirs}", $"{Plans}/{theirs}/dashboard", $"{Plans}/{theirs}/objectives", $"{Plans}/{theirs}/actions",
                     $"/api/v1/actions/{theirAction}", $"/api/v1/actions/{theirAction}/updates" })
            await ProblemAsync(await coordinatorOfBurkina.GetAsync(path), 404);
        await ProblemAsync(await ReportAsync(theirAction, Update(-1, "in_progress", 10), coordinatorOfBurkina), 404);
        await ProblemAsync(await SendAsync(HttpMethod.Put, $"{Plans}/{theirs}/status", new { status = "closed" }, "\"3\"", coordinatorOfBurkina), 404);
        await ProblemAsync(await coordinatorOfBurkina.PostAsJsonAsync(Plans, new { programmeId = programmeQ, administrationId = mali, title = Marker(), startsOn = Day(-10), endsOn = Day(10) }), 404);
        var incomplete = await ProblemAsync(await coordinatorOfBurkina.PostAsJsonAsync(Plans, new { administrationId = burkina, title = Marker(), startsOn = Day(-10), endsOn = Day(10) }), 400);
        Assert.That(Fields(incomplete), Is.EqualTo(new[] { "programmeId" }), "a missing id is a field error, not a 404");
        var listed = (await coordinatorOfBurkina.GetFromJsonAsync<JsonElement>($"{Plans}?limit=200")).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.That(listed, Does.Contain(ours).And.Not.Contain(theirs));
        Assert.That((await GetJsonAsync($"/api/v1/actions/{theirAction}")).GetProperty("id").GetGuid(), Is.EqualTo(theirAction), "administrators see every plan");

        foreach (var outsider in new[] { trainer, donor })
        {
            foreach (var path in new[] { Plans, $"{Plans}/{ours}", $"{Plans}/{ours}/dashboard", $"{Plans}/{ours}/objectives", $"{Plans}/{ours}/actions",
                         $"/api/v1/actions/{ourAction}", $"/api/v1/actions/{ourAction}/updates" })
                await ProblemAsync(await outsider.GetAsync(path), 403);
            await ProblemAsync(await ReportAsync(ourAction, Update(-1, "done", 100), outsider), 403);
        }
        Assert.That((await GetJsonAsync($"/api/v1/actions/{ourAction}")).GetProperty("updateCount").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_retried_create_with_its_Idempotency_Key_records_one_plan()
    {
        var title = Marker();
        var key = Guid.NewGuid().ToString();
        var ids = new List<Guid>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Plans)
            {
                Content = JsonContent.Create(new { programmeId = programmeP, administrationId = burkina, title, startsOn = "2024-01-01", endsOn = "2026-12-31" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await Client.SendAsync(request);
            await ExpectAsync(HttpStatusCode.Created, response);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));
        Assert.That(await AllPagesAsync($"{Plans}?q={Uri.EscapeDataString(title)}", 50), Has.Count.EqualTo(1));
    }
}

/// <summary>The demo data holds an action plan for each demo administration, with progress.</summary>
public sealed class DemoActionPlansTests
{
    [TestCaseSource(typeof(Databases), nameof(Databases.Names))]
    public async Task Each_demo_administration_has_an_action_plan_with_progress(string provider)
    {
        await using var database = await Databases.CreateAsync(provider);
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var client = await app.SignedInClientAsync("admin@integrity.demo", "integrity-demo");
        async Task<JsonElement> GetAsync(string path) => JsonDocument.Parse(await client.GetStringAsync(path)).RootElement;

        var plans = (await GetAsync("/api/v1/action-plans")).GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("countryCode").GetString()!);
        Assert.That(plans.Keys, Is.EquivalentTo(new[] { "BF", "ML" }));
        var burkina = plans["BF"];
        var mali = plans["ML"];
        Assert.Multiple(() =>
        {
            Assert.That(burkina.GetProperty("programmeCode").GetString(), Is.EqualTo("A-CIP"));
            Assert.That((burkina.GetProperty("startsOn").GetString(), burkina.GetProperty("endsOn").GetString()), Is.EqualTo(("2024-01-01", "2026-12-31")));
            Assert.That(burkina.GetProperty("status").GetString(), Is.EqualTo("in_implementation"));
            Assert.That(burkina.GetProperty("adoptedOn").GetString(), Is.Not.Null);
            Assert.That(burkina.GetProperty("objectiveCount").GetInt32(), Is.InRange(3, 4));
            Assert.That(mali.GetProperty("programmeCode").GetString(), Is.EqualTo("WACAM"));
            Assert.That((mali.GetProperty("startsOn").GetString(), mali.GetProperty("endsOn").GetString()), Is.EqualTo(("2018-04-01", "2021-12-31")));
            Assert.That(mali.GetProperty("status").GetString(), Is.EqualTo("closed"));
        });

        var dashboard = await GetAsync($"/api/v1/action-plans/{burkina.GetProperty("id").GetGuid()}/dashboard");
        int Count(JsonElement board, string status) =>
            board.GetProperty("actionsByStatus").EnumerateArray().Single(s => s.GetProperty("status").GetString() == status).GetProperty("count").GetInt32();
        Assert.Multiple(() =>
        {
            Assert.That(dashboard.GetProperty("actionCount").GetInt32(), Is.GreaterThanOrEqualTo(6));
            Assert.That(dashboard.GetProperty("actionsDoneOnTime").GetInt32(), Is.GreaterThanOrEqualTo(2), "some done on time");
            Assert.That(Count(dashboard, "done"), Is.GreaterThan(dashboard.GetProperty("actionsDoneOnTime").GetInt32()), "and one done late");
            Assert.That(Count(dashboard, "delayed"), Is.EqualTo(1));
            Assert.That(dashboard.GetProperty("overdue").GetArrayLength(), Is.GreaterThanOrEqualTo(1));
            Assert.That(dashboard.GetProperty("keyFactors").EnumerateArray().Count(f => f.GetProperty("covered").GetBoolean()), Is.GreaterThanOrEqualTo(6));
        });
        var actions = (await GetAsync($"/api/v1/action-plans/{burkina.GetProperty("id").GetGuid()}/actions?limit=200")).GetProperty("items");
        var updates = await GetAsync($"/api/v1/actions/{actions[0].GetProperty("id").GetGuid()}/updates");
        Assert.That(updates.GetProperty("items").GetArrayLength(), Is.GreaterThanOrEqualTo(1), "dated updates");

        var closed = await GetAsync($"/api/v1/action-plans/{mali.GetProperty("id").GetGuid()}/dashboard");
        Assert.That(Count(closed, "done"), Is.GreaterThan(closed.GetProperty("actionCount").GetInt32() / 2), "mostly done");

        using var focalPoint = await app.SignedInClientAsync("focal.mali@integrity.demo", "integrity-demo");
        var seen = JsonDocument.Parse(await focalPoint.GetStringAsync("/api/v1/action-plans")).RootElement.GetProperty("items")
            .EnumerateArray().Select(p => p.GetProperty("countryCode").GetString());
        Assert.That(seen, Is.EqualTo(new[] { "ML" }), "Mali's focal point keeps Mali's plan only");
    }
}
