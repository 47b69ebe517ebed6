using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

public sealed class ProgrammesTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Programmes = "/api/v1/programmes";

    private static string NewMarker() => Guid.NewGuid().ToString("N")[..10];

    private Task<Guid> CreateDonorAsync(string name) =>
        CreateAsync("/api/v1/donors", new { code = UniqueCode("DON"), name });

    private Task<Guid> CreateProgrammeAsync(string code, string name, string startsOn, string endsOn, params Guid[] donorIds) =>
        CreateAsync(Programmes, new { code, name, startsOn, endsOn, donorIds });

    /// <summary>The items of the first page of a list (asserting it is the only page).</summary>
    private async Task<List<JsonElement>> OnlyPageAsync(string path)
    {
        var page = await GetJsonAsync(path);
        Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null), $"{path} fits on one page");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<string?> Codes(IEnumerable<JsonElement> programmes) =>
        programmes.Select(programme => programme.GetProperty("code").GetString()).ToList();

    private static List<string?> DonorNames(JsonElement programme) =>
        programme.GetProperty("donors").EnumerateArray().Select(donor => donor.GetProperty("name").GetString()).ToList();

    private static List<Guid> DonorIds(JsonElement programme) =>
        programme.GetProperty("donors").EnumerateArray().Select(donor => donor.GetProperty("id").GetGuid()).ToList();

    private static void AssertInOrder(IReadOnlyList<string?> keys, string what) =>
        Assert.That(keys, Is.EqualTo(keys.Order(StringComparer.Ordinal).ToList()).Or.EqualTo(keys.Order(StringComparer.OrdinalIgnoreCase).ToList()),
            what);

    [Test]
    public async Task A_registered_programme_reads_back_with_its_donors_by_name_and_its_version_as_ETag()
    {
        var marker = NewMarker();
        var sida = await CreateDonorAsync($"{marker} Sida");
        var norad = await CreateDonorAsync($"{marker} Norad");
        var code = UniqueCode("A-CIP");

        var response = await Client.PostAsJsonAsync(Programmes, new
        {
            code,
            name = "Anti-Corruption and Integrity Promotion Programme",
            startsOn = "2024-01-01",
            endsOn = "2027-12-31",
            donorIds = new[] { sida, norad },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Programmes}/{id}"));
            Assert.That(created.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });

        var read = await Client.GetAsync($"{Programmes}/{id}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        var programme = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(programme.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(programme.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(programme.GetProperty("name").GetString(), Is.EqualTo("Anti-Corruption and Integrity Promotion Programme"));
            Assert.That(programme.GetProperty("startsOn").GetString(), Is.EqualTo("2024-01-01"));
            Assert.That(programme.GetProperty("endsOn").GetString(), Is.EqualTo("2027-12-31"));
            Assert.That(programme.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(DonorNames(programme), Is.EqualTo(new[] { $"{marker} Norad", $"{marker} Sida" }), "donors by name");
            Assert.That(DonorIds(programme), Is.EqualTo(new[] { norad, sida }));
        });
    }

    [TestCase("code")]
    [TestCase("name")]
    [TestCase("startsOn")]
    [TestCase("endsOn")]
    [TestCase("endsOn before startsOn")]
    [TestCase("donorIds empty")]
    [TestCase("donorIds duplicated")]
    [TestCase("donorIds unknown")]
    public async Task Invalid_input_gets_the_field_error_and_stores_nothing(string fault)
    {
        var marker = NewMarker();
        var donor = await CreateDonorAsync($"{marker} Donor");
        var code = $"P-{marker}".ToUpperInvariant();
        var name = $"Programme {marker}";
        var unknownDonor = Guid.CreateVersion7();
        object body = fault switch
        {
            "code" => new { name, startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { donor } },
            "name" => new { code, startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { donor } },
            "startsOn" => new { code, name, endsOn = "2024-12-31", donorIds = new[] { donor } },
            "endsOn" => new { code, name, startsOn = "2024-01-01", donorIds = new[] { donor } },
            "endsOn before startsOn" => new { code, name, startsOn = "2024-01-01", endsOn = "2023-12-31", donorIds = new[] { donor } },
            "donorIds empty" => new { code, name, startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = Array.Empty<Guid>() },
            "donorIds duplicated" => new { code, name, startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { donor, donor } },
            "donorIds unknown" => new { code, name, startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { donor, unknownDonor } },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        var field = fault.Split(' ')[0];

        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Programmes, body), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { field }), errors.ToString());
        var messages = errors.GetProperty(field).EnumerateArray().Select(message => message.GetString()).ToList();
        Assert.That(messages, Is.Not.Empty.And.All.Not.Empty);
        if (fault == "donorIds unknown")
            Assert.That(messages, Has.Some.Contains(unknownDonor.ToString()), "the error names the unknown donor");

        Assert.That(await OnlyPageAsync($"{Programmes}?q={marker}"), Is.Empty, "nothing was stored");
    }

    [Test]
    public async Task An_empty_body_gets_an_error_for_every_required_field()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Programmes, new { }), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name),
            Is.EquivalentTo(new[] { "code", "name", "startsOn", "endsOn", "donorIds" }), errors.ToString());
    }

    [Test]
    public async Task A_date_that_is_not_an_ISO_date_is_a_bad_request_and_stores_nothing()
    {
        var marker = NewMarker();
        var donor = await CreateDonorAsync($"{marker} Donor");
        var response = await Client.PostAsJsonAsync(Programmes,
            new { code = $"P-{marker}", name = $"Programme {marker}", startsOn = "31/12/2024", endsOn = "2025-12-31", donorIds = new[] { donor } });
        var problem = await ProblemAsync(response, 400);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("startsOn"));
        Assert.That(await OnlyPageAsync($"{Programmes}?q={marker}"), Is.Empty);
    }

    [Test]
    public async Task A_second_programme_with_the_same_code_is_a_conflict()
    {
        var marker = NewMarker();
        var donor = await CreateDonorAsync($"{marker} Donor");
        var code = UniqueCode("WACAM");
        var first = await CreateProgrammeAsync(code, $"{marker} first", "2024-01-01", "2024-12-31", donor);

        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Programmes,
            new { code, name = $"{marker} second", startsOn = "2025-01-01", endsOn = "2025-12-31", donorIds = new[] { donor } }), 409);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(code));

        var stored = await OnlyPageAsync($"{Programmes}?q={marker}");
        Assert.That(stored.Select(programme => programme.GetProperty("id").GetGuid()), Is.EqualTo(new[] { first }), "only the first was stored");
    }

    [Test]
    public async Task An_update_replaces_the_donors_bumps_the_version_and_needs_the_current_ETag()
    {
        var marker = NewMarker();
        var first = await CreateDonorAsync($"{marker} A first");
        var second = await CreateDonorAsync($"{marker} B second");
        var third = await CreateDonorAsync($"{marker} C third");
        var code = UniqueCode("UPD");
        var id = await CreateProgrammeAsync(code, $"{marker} original", "2024-01-01", "2024-12-31", first, second);
        var path = $"{Programmes}/{id}";
        var changes = new { code, name = $"{marker} renamed", startsOn = "2024-02-01", endsOn = "2026-06-30", donorIds = new[] { third } };

        await ProblemAsync(await PutAsync(path, changes, ifMatch: null), 428);
        await ProblemAsync(await PutAsync(path, changes, ifMatch: "\"7\""), 412);
        var unchanged = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(unchanged.GetProperty("name").GetString(), Is.EqualTo($"{marker} original"));
            Assert.That(unchanged.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(DonorIds(unchanged), Is.EqualTo(new[] { first, second }));
        });

        var updated = await PutAsync(path, changes, ifMatch: "\"1\"");
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await updated.Content.ReadAsStringAsync());
        Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var read = await Client.GetAsync(path);
        var programme = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That(programme.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(programme.GetProperty("name").GetString(), Is.EqualTo($"{marker} renamed"));
            Assert.That(programme.GetProperty("startsOn").GetString(), Is.EqualTo("2024-02-01"));
            Assert.That(programme.GetProperty("endsOn").GetString(), Is.EqualTo("2026-06-30"));
            Assert.That(programme.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(DonorNames(programme), Is.EqualTo(new[] { $"{marker} C third" }), "the donors were replaced");
        });
        Assert.That(await OnlyPageAsync($"{Programmes}?donorId={first}"), Is.Empty, "the old donor no longer funds it");
        Assert.That(Codes(await OnlyPageAsync($"{Programmes}?donorId={third}")), Is.EqualTo(new[] { code }));

        var stale = await ProblemAsync(await PutAsync(path, changes, ifMatch: "\"1\""), 412);
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain("version 2"));
        var lost = await ProblemAsync(await PutAsync(path,
            new { code, name = $"{marker} lost update", startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { first } }, ifMatch: "\"1\""), 412);
        Assert.That(lost.GetProperty("detail").GetString(), Does.Contain("version 2"));
        var after = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("name").GetString(), Is.EqualTo($"{marker} renamed"));
            Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(2));
            Assert.That(DonorIds(after), Is.EqualTo(new[] { third }), "a stale update leaves the donors alone");
        });
    }

    [Test]
    public async Task An_invalid_or_conflicting_update_changes_nothing()
    {
        var marker = NewMarker();
        var donor = await CreateDonorAsync($"{marker} Donor");
        var takenCode = UniqueCode("TAKEN");
        await CreateProgrammeAsync(takenCode, $"{marker} other", "2024-01-01", "2024-12-31", donor);
        var code = UniqueCode("MINE");
        var id = await CreateProgrammeAsync(code, $"{marker} mine", "2024-01-01", "2024-12-31", donor);
        var path = $"{Programmes}/{id}";

        var conflict = await ProblemAsync(await PutAsync(path,
            new { code = takenCode, name = $"{marker} mine", startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { donor } }, "\"1\""), 409);
        Assert.That(conflict.GetProperty("detail").GetString(), Does.Contain(takenCode));

        var invalid = await ProblemAsync(await PutAsync(path,
            new { code, name = $"{marker} mine", startsOn = "2024-01-01", endsOn = "2023-01-01", donorIds = Array.Empty<Guid>() }, "\"1\""), 400);
        Assert.That(invalid.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EquivalentTo(new[] { "endsOn", "donorIds" }));

        var unknownDonor = await ProblemAsync(await PutAsync(path,
            new { code, name = $"{marker} mine", startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { Guid.CreateVersion7() } }, "\"1\""), 400);
        Assert.That(unknownDonor.GetProperty("errors").TryGetProperty("donorIds", out _), Is.True, unknownDonor.ToString());

        var programme = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(programme.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(programme.GetProperty("endsOn").GetString(), Is.EqualTo("2024-12-31"));
            Assert.That(programme.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(DonorIds(programme), Is.EqualTo(new[] { donor }));
        });

        var sameCode = await PutAsync(path, new { code, name = $"{marker} mine, renamed", startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { donor } }, "\"1\"");
        Assert.That(sameCode.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "keeping its own code is no conflict");
    }

    [Test]
    public async Task A_programme_that_does_not_exist_is_not_found()
    {
        var donor = await CreateDonorAsync($"{NewMarker()} Donor");
        var missing = Guid.CreateVersion7();
        var notFound = await ProblemAsync(await Client.GetAsync($"{Programmes}/{missing}"), 404);
        Assert.That(notFound.GetProperty("detail").GetString(), Does.Contain(missing.ToString()));
        await ProblemAsync(await PutAsync($"{Programmes}/{missing}",
            new { code = UniqueCode("NONE"), name = "Nothing", startsOn = "2024-01-01", endsOn = "2024-12-31", donorIds = new[] { donor } }, "\"1\""), 404);
        await ProblemAsync(await Client.GetAsync($"{Programmes}/{missing}"), 404);
    }

    [Test]
    public async Task The_list_pages_through_every_programme_in_code_order()
    {
        var marker = NewMarker().ToUpperInvariant();
        var donor = await CreateDonorAsync($"{marker} Donor");
        var codes = new[] { "DELTA", "ALPHA", "ECHO", "CHARLIE", "BRAVO" }.Select(suffix => $"PG-{marker}-{suffix}").ToList();
        var ids = new List<Guid>();
        foreach (var code in codes) ids.Add(await CreateProgrammeAsync(code, $"Programme {code}", "2024-01-01", "2024-12-31", donor));

        var mine = await AllPagesAsync($"{Programmes}?q={marker}", limit: 2);
        Assert.That(Codes(mine), Is.EqualTo(codes.Order(StringComparer.Ordinal).ToList()), "every programme once, by code");
        Assert.That(mine.Select(DonorIds), Has.All.EqualTo(new[] { donor }), "each item carries its donors");

        var everything = await AllPagesAsync(Programmes, limit: 3);
        var everyId = everything.Select(programme => programme.GetProperty("id").GetGuid()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(everyId, Is.Unique, "no programme twice");
            Assert.That(everyId, Is.SupersetOf(ids), "no programme skipped");
        });
        AssertInOrder(Codes(everything), "pages follow the code order");
        var single = await GetJsonAsync($"{Programmes}?limit=1&q={marker}");
        Assert.That(single.GetProperty("nextCursor").GetString(), Is.Not.Null.And.Not.Empty, "a short page says where to go on");
    }

    [Test]
    public async Task The_text_filter_matches_code_or_name_ignoring_case()
    {
        var marker = NewMarker();
        var donor = await CreateDonorAsync($"{marker} Donor");
        var named = UniqueCode("ACIP");
        var byName = await CreateProgrammeAsync(named, $"Anti-Corruption {marker} Programme", "2024-01-01", "2024-12-31", donor);
        var coded = $"WACAM-{marker}".ToUpperInvariant();
        var byCode = await CreateProgrammeAsync(coded, "West Africa Customs Modernisation", "2024-01-01", "2024-12-31", donor);

        await Assert.MultipleAsync(async () =>
        {
            Assert.That((await OnlyPageAsync($"{Programmes}?q={Uri.EscapeDataString($"ANTI-CORRUPTION {marker.ToUpperInvariant()}")}"))
                .Select(programme => programme.GetProperty("id").GetGuid()), Is.EqualTo(new[] { byName }), "name, upper case");
            Assert.That((await OnlyPageAsync($"{Programmes}?q={Uri.EscapeDataString($"corruption {marker} programme")}"))
                .Select(programme => programme.GetProperty("id").GetGuid()), Is.EqualTo(new[] { byName }), "name, lower case");
            Assert.That((await OnlyPageAsync($"{Programmes}?q={coded.ToLowerInvariant()}"))
                .Select(programme => programme.GetProperty("id").GetGuid()), Is.EqualTo(new[] { byCode }), "code, lower case");
            Assert.That(Codes(await OnlyPageAsync($"{Programmes}?q={marker}")), Is.EquivalentTo(new[] { named, coded }), "either");
            Assert.That(await OnlyPageAsync($"{Programmes}?q={NewMarker()}"), Is.Empty, "no match");
        });
    }

    [Test]
    public async Task The_donor_filter_keeps_the_programmes_that_donor_funds()
    {
        var marker = NewMarker();
        var first = await CreateDonorAsync($"{marker} First");
        var second = await CreateDonorAsync($"{marker} Second");
        var unused = await CreateDonorAsync($"{marker} Unused");
        var onlyFirst = $"DF-{marker}-1".ToUpperInvariant();
        var both = $"DF-{marker}-2".ToUpperInvariant();
        var onlySecond = $"DF-{marker}-3".ToUpperInvariant();
        await CreateProgrammeAsync(onlyFirst, "Only first", "2024-01-01", "2024-12-31", first);
        await CreateProgrammeAsync(both, "Both", "2024-01-01", "2024-12-31", second, first);
        await CreateProgrammeAsync(onlySecond, "Only second", "2024-01-01", "2024-12-31", second);

        var byFirst = await OnlyPageAsync($"{Programmes}?donorId={first}");
        var bySecond = await OnlyPageAsync($"{Programmes}?donorId={second}");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(Codes(byFirst), Is.EqualTo(new[] { onlyFirst, both }));
            Assert.That(Codes(bySecond), Is.EqualTo(new[] { both, onlySecond }));
            Assert.That(DonorIds(bySecond[0]), Is.EqualTo(new[] { first, second }), "a filtered programme still lists all its donors");
            Assert.That(await OnlyPageAsync($"{Programmes}?donorId={unused}"), Is.Empty);
            Assert.That(await OnlyPageAsync($"{Programmes}?donorId={Guid.CreateVersion7()}"), Is.Empty, "an unknown donor funds nothing");
            Assert.That(Codes(await OnlyPageAsync($"{Programmes}?donorId={first}&q={Uri.EscapeDataString("only")}")), Is.EqualTo(new[] { onlyFirst }),
                "filters combine");
        });
    }

    [Test]
    public async Task The_active_on_filter_keeps_programmes_running_that_day_boundaries_included()
    {
        var marker = NewMarker();
        var donor = await CreateDonorAsync($"{marker} Donor");
        var y2024 = $"AO-{marker}-2024".ToUpperInvariant();
        var y2025 = $"AO-{marker}-2025".ToUpperInvariant();
        await CreateProgrammeAsync(y2024, "The year 2024", "2024-01-01", "2024-12-31", donor);
        await CreateProgrammeAsync(y2025, "Two years from 2025", "2025-01-01", "2026-12-31", donor);
        var oneDay = $"AO-{marker}-DAY".ToUpperInvariant();
        await CreateProgrammeAsync(oneDay, "A single day", "2025-06-15", "2025-06-15", donor);

        async Task<List<string?>> ActiveOn(string day) => Codes(await OnlyPageAsync($"{Programmes}?q={marker}&activeOn={day}"));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await ActiveOn("2023-12-31"), Is.Empty, "the day before the first starts");
            Assert.That(await ActiveOn("2024-01-01"), Is.EqualTo(new[] { y2024 }), "the first day counts");
            Assert.That(await ActiveOn("2024-06-15"), Is.EqualTo(new[] { y2024 }), "a day inside");
            Assert.That(await ActiveOn("2024-12-31"), Is.EqualTo(new[] { y2024 }), "the last day counts");
            Assert.That(await ActiveOn("2025-01-01"), Is.EqualTo(new[] { y2025 }), "the next one's first day");
            Assert.That(await ActiveOn("2025-06-15"), Is.EqualTo(new[] { y2025, oneDay }), "a one-day programme on its day");
            Assert.That(await ActiveOn("2025-06-16"), Is.EqualTo(new[] { y2025 }), "a one-day programme the day after");
            Assert.That(await ActiveOn("2026-12-31"), Is.EqualTo(new[] { y2025 }), "the last day counts");
            Assert.That(await ActiveOn("2027-01-01"), Is.Empty, "the day after the last ends");
            Assert.That(Codes(await OnlyPageAsync($"{Programmes}?q={marker}")), Is.EqualTo(new[] { y2024, y2025, oneDay }), "without the filter");
        });
    }

    [TestCase("donorId=not-a-guid", "donorId")]
    [TestCase("activeOn=31-12-2020", "activeOn")]
    [TestCase("activeOn=2020-02-30", "activeOn")]
    public async Task A_malformed_query_value_is_a_bad_request(string query, string parameter)
    {
        var problem = await ProblemAsync(await Client.GetAsync($"{Programmes}?{query}"), 400);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(parameter), "the problem names the parameter");
    }

    [Test]
    public async Task A_limit_out_of_range_and_a_foreign_cursor_are_field_errors()
    {
        var problem = await ProblemAsync(await Client.GetAsync($"{Programmes}?limit=0&cursor=not-a-cursor"), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EquivalentTo(new[] { "limit", "cursor" }), errors.ToString());
    }
}
