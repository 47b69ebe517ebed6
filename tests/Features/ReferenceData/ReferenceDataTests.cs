using System.Text.Json;

namespace Integrity.Tests;

public sealed class ReferenceDataTests(string provider) : ApiOnEachDatabase(provider)
{
    [Test]
    public async Task The_ten_key_factors_come_in_the_Declarations_order_in_English_and_French()
    {
        var page = await GetJsonAsync("/api/v1/key-factors");
        var factors = page.GetProperty("items").EnumerateArray().ToList();
        Assert.That(factors.Select(f => f.GetProperty("code").GetString()), Is.EqualTo(Enumerable.Range(1, 10).Select(i => $"RAD-{i:D2}")));
        Assert.Multiple(() =>
        {
            Assert.That(factors[0].GetProperty("nameEn").GetString(), Is.EqualTo("Leadership and Commitment"));
            Assert.That(factors[0].GetProperty("nameFr").GetString(), Is.EqualTo("Leadership et engagement"));
            Assert.That(factors[6].GetProperty("nameEn").GetString(), Is.EqualTo("Code of Conduct"));
            Assert.That(factors[9].GetProperty("nameEn").GetString(), Is.EqualTo("Relationship with the Private Sector"));
            Assert.That(factors[9].GetProperty("nameFr").GetString(), Is.EqualTo("Relations avec le secteur privé"));
            Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task The_six_WCO_regions_are_listed()
    {
        var regions = (await GetJsonAsync("/api/v1/regions")).GetProperty("items").EnumerateArray().ToList();
        Assert.That(regions.Select(r => r.GetProperty("code").GetString()), Is.EqualTo(new[] { "WCA", "ESA", "MENA", "EUR", "AP", "AMC" }));
        Assert.That(regions[0].GetProperty("nameFr").GetString(), Is.EqualTo("Afrique occidentale et centrale"));
    }

    [Test]
    public async Task Countries_have_ISO_codes_and_names_in_English_and_French()
    {
        var countries = (await GetJsonAsync("/api/v1/countries")).GetProperty("items").EnumerateArray()
            .ToDictionary(c => c.GetProperty("code").GetString()!, c => (en: c.GetProperty("nameEn").GetString(), fr: c.GetProperty("nameFr").GetString()));
        Assert.Multiple(() =>
        {
            Assert.That(countries, Has.Count.GreaterThan(240));
            Assert.That(countries["ML"], Is.EqualTo(("Mali", "Mali")));
            Assert.That(countries["BF"].en, Is.EqualTo("Burkina Faso"));
            Assert.That(countries["CI"].fr, Is.EqualTo("Côte d'Ivoire"));
            Assert.That(countries["DE"].fr, Is.EqualTo("Allemagne"));
            Assert.That(countries.ContainsKey("AN"), Is.False, "withdrawn codes are left out");
        });
    }
}
