using System.Net;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// What the perception survey tests share: a minimum cell size small enough for rounds of a few dozen respondents to have
/// cells on both sides of it, and one questionnaire (<see cref="PerceptionRounds.Questions"/>) registered through the API.
/// </summary>
public abstract class PerceptionFixture(string provider) : ApiOnEachDatabase(provider)
{
    protected const int MinimumCellSize = 4;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:MinimumCellSize"] = $"{MinimumCellSize}" };

    protected PerceptionRounds Rounds { get; private set; } = null!;
    protected Guid Questionnaire { get; private set; }

    [OneTimeSetUp]
    public async Task RegisterTheQuestionnaire()
    {
        Rounds = new PerceptionRounds(Client);
        Questionnaire = await Rounds.QuestionnaireAsync();
    }

    protected static int? Int(JsonElement item, string name) => item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : item.GetProperty(name).GetInt32();

    protected static decimal? Number(JsonElement item, string name) => item.GetProperty(name).ValueKind == JsonValueKind.Null ? null : item.GetProperty(name).GetDecimal();

    /// <summary>
    /// An administration's detailed results at <paramref name="path"/>: a coordinator whose scope covers the administration
    /// reads them; one out of scope gets 404; a trainer of the administration and the donor funding its programme 403.
    /// </summary>
    protected async Task AssertOnlyStaffInScopeReadAsync(string path, Guid administration, Guid donorId)
    {
        using var inScope = await TrainingAccounts.SignInAsync(App, Client, "coordinator", [administration]);
        using var outOfScope = await TrainingAccounts.SignInAsync(App, Client, "coordinator", [await Rounds.AdministrationAsync("Other Customs")]);
        using var trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer", [administration]);
        using var donor = await DonorTokens.ClientAsync(App, Client, donorId, "perception results");

        var read = await inScope.GetAsync(path);
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        await ProblemAsync(await outOfScope.GetAsync(path), 404);
        await ProblemAsync(await trainer.GetAsync(path), 403);
        await ProblemAsync(await donor.GetAsync(path), 403);
    }
}
