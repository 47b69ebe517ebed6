using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// The world the results-framework fixtures share: administrations A (Burkina Faso) and B (Mali) that their programmes
/// cover, C (Senegal) that they do not; helpers for programmes, periods, accounts and values.
/// </summary>
public abstract class ResultsFrameworkWorld(string provider) : ApiOnEachDatabase(provider)
{
    private const string Password = "results-framework-password";

    protected Guid AdministrationA { get; private set; }
    protected Guid AdministrationB { get; private set; }
    protected Guid AdministrationC { get; private set; }
    private Guid donor;

    /// <summary>The donor funding the programmes of <see cref="ProgrammeAsync"/>.</summary>
    protected Guid DonorId => donor;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        AdministrationA = await AdministrationAsync("BF", "Burkina Faso Customs");
        AdministrationB = await AdministrationAsync("ML", "Mali Customs");
        AdministrationC = await AdministrationAsync("SN", "Senegal Customs");
        donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("NORAD"), name = "Norad" });
    }

    private Task<Guid> AdministrationAsync(string countryCode, string name) =>
        CreateAsync("/api/v1/administrations", new { countryCode, regionCode = "WCA", nameEn = $"{name} {Guid.NewGuid():N}", nameFr = name });

    /// <summary>A programme of 2020 to 2027 covering A and B unless said.</summary>
    protected Task<Guid> ProgrammeAsync(params Guid[] administrationIds) => CreateAsync("/api/v1/programmes", new
    {
        code = UniqueCode("A-CIP"), name = "Anti-Corruption and Integrity Promotion", startsOn = "2020-01-01", endsOn = "2027-12-31",
        donorIds = new[] { donor }, administrationIds = administrationIds.Length > 0 ? administrationIds : [AdministrationA, AdministrationB],
    });

    protected Task<Guid> PeriodAsync(Guid programme, string label, string startsOn, string endsOn) =>
        CreateAsync(ResultsApi.Periods(programme), new { label, startsOn, endsOn });

    /// <summary>A new account of the role with that scope, signed in.</summary>
    protected async Task<HttpClient> AccountAsync(string role, Guid[]? programmeIds = null, Guid[]? administrationIds = null, string? displayName = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@results.test";
        await CreateAsync("/api/v1/users", new { email, displayName = displayName ?? $"Results {role}", role, password = Password, programmeIds, administrationIds });
        return await App.SignedInClientAsync(email, Password);
    }

    protected static string[] ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).ToArray();

    protected static string?[] Strings(JsonElement array) => array.EnumerateArray().Select(item => item.GetString()).ToArray();

    protected static string? Text(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetString();

    protected static decimal? Number(JsonElement element, string property) =>
        element.GetProperty(property).ValueKind == JsonValueKind.Null ? null : element.GetProperty(property).GetDecimal();

    protected async Task<int> CountAsync(string sql, object id) =>
        Convert.ToInt32(await TestSql.ScalarAsync(App.Database, sql, ("id", id)), System.Globalization.CultureInfo.InvariantCulture);
}
