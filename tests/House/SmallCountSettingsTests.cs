namespace Integrity.Tests;

/// <summary>
/// The small-count thresholds are checked when the API starts: a value that is not a whole number of at least 1 stops
/// it with the setting named, instead of failing every report (not a number) or showing every small count (below 1).
/// </summary>
public sealed class SmallCountSettingsTests
{
    [TestCase("Reporting:MinimumCellSize", "0")]
    [TestCase("Reporting:MinimumCellSize", "five")]
    [TestCase("Reporting:MinimumAdministrations", "-3")]
    [TestCase("Reporting:MinimumAdministrations", "2.5")]
    public async Task A_threshold_that_is_not_a_whole_number_of_at_least_one_stops_the_start_and_names_the_setting(string key, string value)
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { [key] = value });
        var refusal = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.That(refusal!.Message, Does.StartWith($"{key} is \"{value}\"").And.Contain("whole number of at least 1")
            .And.Contain(key.Replace(":", "__", StringComparison.Ordinal)));
    }

    [Test]
    public async Task One_is_allowed_and_withholds_nothing()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database, new Dictionary<string, string?> { ["Reporting:MinimumCellSize"] = "1", ["Reporting:MinimumAdministrations"] = "1" });
        using var client = app.AnonymousClient();
        var ready = await client.GetAsync("/health/ready");
        Assert.That(ready.IsSuccessStatusCode, Is.True, await ready.Content.ReadAsStringAsync());
    }
}
