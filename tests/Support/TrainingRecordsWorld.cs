using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// The world the participant fixtures share: administrations A (Burkina Faso) and B (Mali), a programme covering
/// both, a module, the trainer T (with an account, <see cref="Trainer"/>) and another trainer, a coordinator of A
/// and a donor's token; and helpers for workshops, sessions and participants.
/// </summary>
public abstract class TrainingRecordsWorld(string provider) : ApiOnEachDatabase(provider)
{
    protected Guid AdministrationA { get; private set; }
    protected Guid AdministrationB { get; private set; }
    protected Guid Programme { get; private set; }
    protected Guid Module { get; private set; }
    protected Guid TrainerT { get; private set; }
    protected Guid OtherTrainer { get; private set; }
    protected HttpClient Trainer { get; private set; } = null!;
    protected HttpClient CoordinatorOfA { get; private set; } = null!;
    protected HttpClient Donor { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        AdministrationA = await AdministrationAsync("BF", "Burkina Faso Customs");
        AdministrationB = await AdministrationAsync("ML", "Mali Customs");
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("NORAD"), name = "Norad" });
        Programme = await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode("A-CIP"), name = "Anti-Corruption and Integrity Promotion", startsOn = "2018-01-01", endsOn = "2030-12-31",
            donorIds = new[] { donor }, administrationIds = new[] { AdministrationA, AdministrationB },
        });
        Module = await CreateAsync("/api/v1/modules", new
        {
            code = UniqueCode("RAD"), titleEn = "The Revised Arusha Declaration in practice", titleFr = "La Déclaration d'Arusha révisée en pratique",
            hours = 6, keyFactorCodes = new[] { "RAD-07" },
        });
        Trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer");
        var trainerAccount = (await Trainer.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("userId").GetGuid();
        TrainerT = await CreateAsync("/api/v1/trainers", new { fullName = "Wendy Expert", kind = "wco_expert", userId = trainerAccount });
        OtherTrainer = await CreateAsync("/api/v1/trainers", new { fullName = "Other Expert", kind = "wco_expert" });
        CoordinatorOfA = await TrainingAccounts.SignInAsync(App, Client, "coordinator", administrationIds: [AdministrationA]);
        Donor = await TrainingAccounts.DonorTokenClientAsync(App, Client);
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        Trainer?.Dispose();
        CoordinatorOfA?.Dispose();
        Donor?.Dispose();
    }

    /// <summary>A word no other test uses, that sorts after the words of names ("zz…"), so lists in name order stay predictable.</summary>
    protected static string NewMarker() => $"zz{Guid.NewGuid():N}"[..10];

    protected static string Participants(Guid workshopId) => $"/api/v1/workshops/{workshopId}/participants";

    protected static string[] ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToArray();

    protected Task<Guid> AdministrationAsync(string countryCode, string name) =>
        CreateAsync("/api/v1/administrations", new { countryCode, regionCode = "WCA", nameEn = $"{name} {Guid.NewGuid():N}", nameFr = name });

    /// <summary>A workshop of the programme, hosted by A unless said; a trainer sees it once they deliver one of its sessions.</summary>
    protected Task<Guid> WorkshopAsync(string startsOn, string endsOn, string status, Guid? hostId = null) =>
        CreateAsync("/api/v1/workshops", WorkshopBody(startsOn, endsOn, status, hostId ?? AdministrationA));

    protected Task<Guid> SessionAsync(Guid workshopId, string heldOn, params Guid[] trainerIds) =>
        CreateAsync($"/api/v1/workshops/{workshopId}/sessions", new { moduleId = Module, heldOn, trainerIds });

    /// <summary>Cancels a planned workshop of version 1.</summary>
    protected async Task CancelAsync(Guid workshopId)
    {
        var current = await GetJsonAsync($"/api/v1/workshops/{workshopId}");
        var body = WorkshopBody(current.GetProperty("startsOn").GetString()!, current.GetProperty("endsOn").GetString()!, "cancelled",
            current.GetProperty("hostAdministrationId").GetGuid());
        var response = await PutAsync($"/api/v1/workshops/{workshopId}", body, "\"1\"");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    private object WorkshopBody(string startsOn, string endsOn, string status, Guid hostId) => new
    {
        programmeId = Programme, kind = "workshop", title = "The Revised Arusha Declaration in practice", startsOn, endsOn,
        hostAdministrationId = hostId, city = "Ouagadougou", language = "fr", status,
    };

    /// <summary>The fields of a person, as registering and enrolling take them.</summary>
    protected static Dictionary<string, object?> Person(string familyName, string givenNames, Guid administrationId, string sex = "male",
        string service = "operational", string? email = null, string? staffNumber = null, string? position = null) => new()
    {
        ["familyName"] = familyName, ["givenNames"] = givenNames, ["sex"] = sex, ["administrationId"] = administrationId,
        ["service"] = service, ["position"] = position, ["email"] = email, ["staffNumber"] = staffNumber,
    };

    /// <summary>A body with more fields, or other values for some.</summary>
    protected static Dictionary<string, object?> Merge(Dictionary<string, object?> body, object more)
    {
        var merged = new Dictionary<string, object?>(body);
        foreach (var property in more.GetType().GetProperties()) merged[property.Name] = property.GetValue(more);
        return merged;
    }

    protected Task<Guid> RegisterAsync(Dictionary<string, object?> person) => CreateAsync("/api/v1/participants", person);

    protected Task<HttpResponseMessage> EnrolAsync(Guid workshopId, object body) => Client.PostAsJsonAsync(Participants(workshopId), body);

    protected async Task<int> CountAsync(string sql, object id) =>
        Convert.ToInt32(await TestSql.ScalarAsync(App.Database, sql, ("id", id)), System.Globalization.CultureInfo.InvariantCulture);
}
