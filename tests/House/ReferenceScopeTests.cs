using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Scope on every reference, tried on the demo data as Mali's focal point (a coordinator of Mali Customs, so of WACAM)
/// would: every id a command takes must be hers to use, not merely one of them.
/// </summary>
public sealed class ReferenceScopeTests
{
    private const string Password = "integrity-demo";

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] ErrorFields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();

    private static Guid IdOf(JsonElement list, string property, string value) =>
        list.GetProperty("items").EnumerateArray().Single(item => item.GetProperty(property).GetString() == value).GetProperty("id").GetGuid();

    [TestCaseSource(typeof(Databases), nameof(Databases.Names))]
    public async Task Malis_focal_point_cannot_place_a_workshop_in_A_CIP_nor_move_the_Bamako_mission_there_and_Norads_figures_stay(string provider)
    {
        await using var database = await Databases.CreateAsync(provider);
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var admin = await app.SignedInClientAsync("admin@integrity.demo", Password);
        using var mali = await app.SignedInClientAsync("focal.mali@integrity.demo", Password);

        var programmes = await JsonAsync(admin, "/api/v1/programmes");
        var acip = IdOf(programmes, "code", "A-CIP");
        var wacam = IdOf(programmes, "code", "WACAM");
        var maliCustoms = IdOf(await JsonAsync(admin, "/api/v1/administrations"), "countryCode", "ML");
        var bamako = IdOf(await JsonAsync(admin, "/api/v1/workshops"), "city", "Bamako");
        var report = $"/api/v1/programmes/{acip}/reports/progress";
        var noradBefore = await admin.GetStringAsync(report);

        var recorded = await ProblemAsync(await mali.PostAsJsonAsync("/api/v1/workshops", new
        {
            programmeId = acip, kind = "workshop", title = "Arusha in Bamako", startsOn = "2023-06-05", endsOn = "2023-06-06",
            hostAdministrationId = maliCustoms, city = "Bamako", language = "fr", status = "held",
        }), 400);
        var nobodys = Guid.CreateVersion7();
        var unknown = await ProblemAsync(await mali.PostAsJsonAsync("/api/v1/workshops", new
        {
            programmeId = nobodys, kind = "workshop", title = "Arusha in Bamako", startsOn = "2023-06-05", endsOn = "2023-06-06",
            hostAdministrationId = maliCustoms, city = "Bamako", language = "fr", status = "held",
        }), 400);
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFields(recorded), Is.EqualTo(new[] { "programmeId" }), "the field is named");
            Assert.That(recorded.GetProperty("errors").GetProperty("programmeId")[0].GetString()!.Replace(acip.ToString(), "…"),
                Is.EqualTo(unknown.GetProperty("errors").GetProperty("programmeId")[0].GetString()!.Replace(nobodys.ToString(), "…")),
                "the same answer as for a programme that does not exist");
        });

        var mission = await mali.GetAsync($"/api/v1/workshops/{bamako}");
        var current = await mission.Content.ReadFromJsonAsync<JsonElement>();
        var moved = Workshop(current, acip);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/workshops/{bamako}") { Content = JsonContent.Create(moved) };
        put.Headers.TryAddWithoutValidation("If-Match", mission.Headers.ETag!.Tag);
        var refused = await ProblemAsync(await mali.SendAsync(put), 400);
        Assert.That(ErrorFields(refused), Does.Contain("programmeId"));

        // An administrator may move it only where its administrations are covered: A-CIP does not work with Mali Customs.
        using var adminPut = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/workshops/{bamako}") { Content = JsonContent.Create(moved) };
        adminPut.Headers.TryAddWithoutValidation("If-Match", mission.Headers.ETag!.Tag);
        var uncovered = await ProblemAsync(await admin.SendAsync(adminPut), 400);
        Assert.That(ErrorFields(uncovered), Is.EqualTo(new[] { "hostAdministrationId" }));

        Assert.Multiple(async () =>
        {
            Assert.That((await JsonAsync(admin, $"/api/v1/workshops/{bamako}")).GetProperty("programmeId").GetGuid(), Is.EqualTo(wacam), "the mission stays in WACAM");
            Assert.That(await admin.GetStringAsync(report), Is.EqualTo(noradBefore), "Norad's report is unchanged");
        });

        // Her own placement still works: WACAM, hosted by Mali Customs.
        var own = await mali.PostAsJsonAsync("/api/v1/workshops", new
        {
            programmeId = wacam, kind = "workshop", title = "Arusha in Bamako", startsOn = "2019-06-05", endsOn = "2019-06-06",
            hostAdministrationId = maliCustoms, city = "Bamako", language = "fr",
        });
        Assert.That(own.StatusCode, Is.EqualTo(HttpStatusCode.Created), await own.Content.ReadAsStringAsync());
    }

    [TestCaseSource(typeof(Databases), nameof(Databases.Names))]
    public async Task A_session_with_a_trainer_outside_scope_is_refused_and_the_trainer_stays_unreadable(string provider)
    {
        await using var database = await Databases.CreateAsync(provider);
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["Demo:Seed"] = "true" });
        using var admin = await app.SignedInClientAsync("admin@integrity.demo", Password);
        using var mali = await app.SignedInClientAsync("focal.mali@integrity.demo", Password);

        var burkinaTrainer = IdOf(await JsonAsync(admin, "/api/v1/trainers?limit=100"), "fullName", "Aïcha Sawadogo");
        var expert = IdOf(await JsonAsync(admin, "/api/v1/trainers?limit=100"), "fullName", "Hélène Martin (WCO HRM expert)");
        var bamako = IdOf(await JsonAsync(admin, "/api/v1/workshops"), "city", "Bamako");
        var sessions = await JsonAsync(admin, $"/api/v1/workshops/{bamako}/sessions");
        var module = sessions.GetProperty("items")[0].GetProperty("moduleId").GetGuid();
        Assert.That((await mali.GetAsync($"/api/v1/trainers/{burkinaTrainer}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var planned = await ProblemAsync(await mali.PostAsJsonAsync($"/api/v1/workshops/{bamako}/sessions",
            new { moduleId = module, heldOn = "2018-03-14", trainerIds = new[] { expert, burkinaTrainer } }), 400);
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFields(planned), Is.EqualTo(new[] { "trainerIds" }));
            Assert.That(planned.GetProperty("errors").GetProperty("trainerIds")[0].GetString(), Does.StartWith("No trainer you may use has the id"));
        });

        var first = sessions.GetProperty("items")[0];
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/workshops/{bamako}/sessions/{first.GetProperty("id").GetGuid()}")
        {
            Content = JsonContent.Create(new { moduleId = module, heldOn = first.GetProperty("heldOn").GetString(), trainerIds = new[] { burkinaTrainer } }),
        };
        update.Headers.TryAddWithoutValidation("If-Match", $"\"{first.GetProperty("version").GetInt32()}\"");
        Assert.That(ErrorFields(await ProblemAsync(await mali.SendAsync(update), 400)), Is.EqualTo(new[] { "trainerIds" }));

        Assert.That((await mali.GetAsync($"/api/v1/trainers/{burkinaTrainer}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "still unreadable to her");
        var mine = await mali.PostAsJsonAsync($"/api/v1/workshops/{bamako}/sessions", new { moduleId = module, heldOn = "2018-03-14", trainerIds = new[] { expert } });
        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.Created), await mine.Content.ReadAsStringAsync());
    }

    /// <summary>The body of PUT /workshops/{id} that keeps everything of <paramref name="workshop"/> but its programme.</summary>
    private static object Workshop(JsonElement workshop, Guid programmeId) => new
    {
        programmeId,
        kind = workshop.GetProperty("kind").GetString(),
        title = workshop.GetProperty("title").GetString(),
        startsOn = workshop.GetProperty("startsOn").GetString(),
        endsOn = workshop.GetProperty("endsOn").GetString(),
        hostAdministrationId = workshop.GetProperty("hostAdministrationId").GetGuid(),
        city = workshop.GetProperty("city").GetString(),
        language = workshop.GetProperty("language").GetString(),
        status = workshop.GetProperty("status").GetString(),
    };
}
