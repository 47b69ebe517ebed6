using System.Net;
using System.Net.Http.Json;

namespace Integrity.Tests;

public sealed class DonorsTests(string provider) : ApiOnEachDatabase(provider)
{
    [Test]
    public async Task A_registered_donor_reads_back_with_its_version_as_ETag()
    {
        var code = UniqueCode("NORAD");
        var response = await Client.PostAsJsonAsync("/api/v1/donors",
            new { code, name = "Norwegian Agency for Development Cooperation", iatiOrganisationId = "NO-BRC-971277882" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        var location = response.Headers.Location!.ToString();

        var read = await Client.GetAsync(location);
        var donor = await read.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(donor.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(donor.GetProperty("name").GetString(), Is.EqualTo("Norwegian Agency for Development Cooperation"));
            Assert.That(donor.GetProperty("iatiOrganisationId").GetString(), Is.EqualTo("NO-BRC-971277882"));
            Assert.That(donor.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Registering_without_code_or_name_gets_field_errors_and_stores_nothing()
    {
        var before = (await AllPagesAsync("/api/v1/donors", 200)).Count;
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/donors", new { code = "has space" }), 400);
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(errors.TryGetProperty("code", out _), Is.True, errors.ToString());
            Assert.That(errors.TryGetProperty("name", out _), Is.True, errors.ToString());
        });
        Assert.That((await AllPagesAsync("/api/v1/donors", 200)).Count, Is.EqualTo(before));
    }

    [Test]
    public async Task A_second_donor_with_the_same_code_is_a_conflict()
    {
        var code = UniqueCode("SIDA");
        await CreateAsync("/api/v1/donors", new { code, name = "Sida" });
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/donors", new { code, name = "Another" }), 409);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(code));
    }

    [Test]
    public async Task An_update_needs_the_current_ETag()
    {
        var code = UniqueCode("GAC");
        var id = await CreateAsync("/api/v1/donors", new { code, name = "Global Affairs Canada" });
        var path = $"/api/v1/donors/{id}";
        var changes = new { code, name = "Global Affairs Canada (GAC)" };

        await ProblemAsync(await PutAsync(path, changes, ifMatch: null), 428);
        await ProblemAsync(await PutAsync(path, changes, ifMatch: "\"7\""), 412);
        Assert.That((await GetJsonAsync(path)).GetProperty("name").GetString(), Is.EqualTo("Global Affairs Canada"));

        var updated = await PutAsync(path, changes, ifMatch: "\"1\"");
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var donor = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(donor.GetProperty("name").GetString(), Is.EqualTo("Global Affairs Canada (GAC)"));
            Assert.That(donor.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });

        var stale = await ProblemAsync(await PutAsync(path, new { code, name = "Lost update" }, ifMatch: "\"1\""), 412);
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain("version 2"));
        Assert.That((await GetJsonAsync(path)).GetProperty("name").GetString(), Is.EqualTo("Global Affairs Canada (GAC)"));
    }

    [Test]
    public async Task An_if_match_that_names_no_version_changes_nothing()
    {
        var code = UniqueCode("IFM");
        var id = await CreateAsync("/api/v1/donors", new { code, name = "Original" });
        var path = $"/api/v1/donors/{id}";
        await ProblemAsync(await PutAsync(path, new { code, name = "Star" }, ifMatch: "*"), 428);
        await ProblemAsync(await PutAsync(path, new { code, name = "Weak" }, ifMatch: "W/\"1\""), 412);
        Assert.That((await GetJsonAsync(path)).GetProperty("name").GetString(), Is.EqualTo("Original"));
    }

    [Test]
    public async Task Updating_a_donor_that_does_not_exist_is_not_found()
    {
        await ProblemAsync(await PutAsync($"/api/v1/donors/{Guid.CreateVersion7()}", new { code = "X", name = "X" }, "\"1\""), 404);
        await ProblemAsync(await Client.GetAsync($"/api/v1/donors/{Guid.CreateVersion7()}"), 404);
    }

    [Test]
    public async Task The_list_pages_through_every_donor_by_name_and_filters_by_text()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var names = new[] { "Delta", "alpha", "Charlie", "Bravo", "Echo" }.Select(name => $"{marker} {name}").ToList();
        foreach (var name in names) await CreateAsync("/api/v1/donors", new { code = UniqueCode("D"), name });

        var found = await AllPagesAsync($"/api/v1/donors?q={marker}", limit: 2);
        var foundNames = found.Select(donor => donor.GetProperty("name").GetString()).ToList();
        Assert.That(foundNames, Is.EquivalentTo(names));
        Assert.That(foundNames, Is.EqualTo(foundNames.Order(StringComparer.Ordinal).ToList()).Or.EqualTo(foundNames.Order(StringComparer.OrdinalIgnoreCase).ToList()),
            "pages follow the name order");

        var one = await GetJsonAsync($"/api/v1/donors?q={marker.ToUpperInvariant()} CHARLIE");
        Assert.That(one.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("name").GetString()), Is.EqualTo(new[] { $"{marker} Charlie" }),
            "the text filter ignores case");
    }

    [Test]
    public async Task A_cursor_that_was_not_issued_and_a_limit_out_of_range_are_field_errors()
    {
        var problem = await ProblemAsync(await Client.GetAsync("/api/v1/donors?limit=500&cursor=not-a-cursor"), 400);
        var errors = problem.GetProperty("errors");
        Assert.Multiple(() =>
        {
            Assert.That(errors.TryGetProperty("limit", out _), Is.True, errors.ToString());
            Assert.That(errors.TryGetProperty("cursor", out _), Is.True, errors.ToString());
        });
    }
}
