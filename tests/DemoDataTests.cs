namespace Integrity.Tests;

/// <summary>Demo:Seed=true gives what stands behind the two real events in DESIGN.md, once.</summary>
public sealed class DemoDataTests
{
    [TestCaseSource(typeof(Databases), nameof(Databases.Names))]
    public async Task Demo_data_holds_A_CIP_and_WACAM_with_their_donors_and_administrations_once(string provider)
    {
        await using var database = await Databases.CreateAsync(provider);
        var demo = new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
        await using (var first = new ApiFactory(database, demo)) first.CreateClient().Dispose();

        await using var second = new ApiFactory(database, demo);
        using var client = await second.SignedInClientAsync("admin@integrity.demo", "integrity-demo");
        var programmes = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/programmes")).RootElement
            .GetProperty("items").EnumerateArray()
            .ToDictionary(p => p.GetProperty("code").GetString()!,
                p => p.GetProperty("donors").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Order().ToList());
        var administrations = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/administrations")).RootElement
            .GetProperty("items").EnumerateArray().Select(a => a.GetProperty("countryCode").GetString()).Order().ToList();
        var donors = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/donors")).RootElement
            .GetProperty("items").GetArrayLength();

        Assert.Multiple(() =>
        {
            Assert.That(programmes.Keys, Is.EquivalentTo(new[] { "A-CIP", "WACAM" }));
            Assert.That(programmes["A-CIP"], Is.EqualTo(new[] { "GAC", "NORAD" }));
            Assert.That(programmes["WACAM"], Is.EqualTo(new[] { "SIDA" }));
            Assert.That(administrations, Is.EqualTo(new[] { "BF", "ML" }));
            Assert.That(donors, Is.EqualTo(3), "a second start seeds nothing twice");
        });
    }
}
