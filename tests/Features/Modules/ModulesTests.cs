using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>The module catalogue: administrators keep it, staff read it, donors do not see it.</summary>
public sealed class ModulesTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Modules = "/api/v1/modules";
    private const string ArushaInPractice = "The Revised Arusha Declaration in practice in your daily work as a Customs officer";

    private static string NewMarker() => Guid.NewGuid().ToString("N")[..10];

    private Task<Guid> RegisterAsync(string code, string titleEn, decimal hours, params string[] keyFactorCodes) =>
        CreateAsync(Modules, new { code, titleEn, titleFr = $"{titleEn} (fr)", hours, keyFactorCodes });

    private async Task<List<JsonElement>> ItemsAsync(string path)
    {
        var page = await GetJsonAsync(path);
        Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null), $"{path} fits on one page");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<string?> CodesOf(IEnumerable<JsonElement> modules) => modules.Select(m => m.GetProperty("code").GetString()).ToList();

    private static List<string?> KeyFactorsOf(JsonElement module) =>
        module.GetProperty("keyFactorCodes").EnumerateArray().Select(code => code.GetString()).ToList();

    [Test]
    public async Task A_registered_module_reads_back_with_its_key_factors_in_order_and_its_version_as_ETag()
    {
        var code = UniqueCode("RAD-PRACTICE");
        var response = await Client.PostAsJsonAsync(Modules, new
        {
            code,
            titleEn = ArushaInPractice,
            titleFr = "La Déclaration d'Arusha révisée au quotidien du douanier",
            hours = 7.5m,
            keyFactorCodes = new[] { "RAD-07", "RAD-01", "RAD-10" },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Modules}/{id}"));
        });

        var read = await Client.GetAsync($"{Modules}/{id}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        var module = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(module.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(module.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(module.GetProperty("titleEn").GetString(), Is.EqualTo(ArushaInPractice));
            Assert.That(module.GetProperty("titleFr").GetString(), Is.EqualTo("La Déclaration d'Arusha révisée au quotidien du douanier"));
            Assert.That(module.GetProperty("hours").GetDecimal(), Is.EqualTo(7.5m));
            Assert.That(KeyFactorsOf(module), Is.EqualTo(new[] { "RAD-01", "RAD-07", "RAD-10" }), "key factors in code order");
            Assert.That(module.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [TestCase("code")]
    [TestCase("titleEn")]
    [TestCase("titleFr")]
    [TestCase("hours")]
    [TestCase("hours zero")]
    [TestCase("hours above 200")]
    [TestCase("hours with three decimals")]
    [TestCase("keyFactorCodes empty")]
    [TestCase("keyFactorCodes duplicated")]
    [TestCase("keyFactorCodes unknown")]
    public async Task Invalid_input_gets_the_field_error_and_stores_nothing(string fault)
    {
        var marker = NewMarker();
        var code = $"M-{marker}".ToUpperInvariant();
        var titleEn = $"Module {marker}";
        const string titleFr = "Module";
        string[] factors = ["RAD-03"];
        object body = fault switch
        {
            "code" => new { titleEn, titleFr, hours = 4, keyFactorCodes = factors },
            "titleEn" => new { code, titleFr, hours = 4, keyFactorCodes = factors },
            "titleFr" => new { code, titleEn, hours = 4, keyFactorCodes = factors },
            "hours" => new { code, titleEn, titleFr, keyFactorCodes = factors },
            "hours zero" => new { code, titleEn, titleFr, hours = 0, keyFactorCodes = factors },
            "hours above 200" => new { code, titleEn, titleFr, hours = 200.5m, keyFactorCodes = factors },
            "hours with three decimals" => new { code, titleEn, titleFr, hours = 1.125m, keyFactorCodes = factors },
            "keyFactorCodes empty" => new { code, titleEn, titleFr, hours = 4, keyFactorCodes = Array.Empty<string>() },
            "keyFactorCodes duplicated" => new { code, titleEn, titleFr, hours = 4, keyFactorCodes = new[] { "RAD-03", "RAD-03" } },
            "keyFactorCodes unknown" => new { code, titleEn, titleFr, hours = 4, keyFactorCodes = new[] { "RAD-03", "RAD-11" } },
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
        var field = fault.Split(' ')[0];

        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Modules, body), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { field }), errors.ToString());
        if (fault == "keyFactorCodes unknown")
            Assert.That(errors.GetProperty(field)[0].GetString(), Does.Contain("RAD-11").And.Not.Contain("RAD-03"), "the error names the unknown code only");
        Assert.That(await ItemsAsync($"{Modules}?q={marker}"), Is.Empty, "nothing was stored");
    }

    [Test]
    public async Task An_empty_body_gets_an_error_for_every_required_field()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Modules, new { }), 400);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(error => error.Name),
            Is.EquivalentTo(new[] { "code", "titleEn", "titleFr", "hours", "keyFactorCodes" }));
    }

    [Test]
    public async Task A_second_module_with_the_same_code_is_a_conflict()
    {
        var marker = NewMarker();
        var code = UniqueCode("DUP");
        var first = await RegisterAsync(code, $"{marker} first", 3, "RAD-02");

        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Modules,
            new { code, titleEn = $"{marker} second", titleFr = "second", hours = 3, keyFactorCodes = new[] { "RAD-02" } }), 409);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(code));
        Assert.That((await ItemsAsync($"{Modules}?q={marker}")).Select(m => m.GetProperty("id").GetGuid()), Is.EqualTo(new[] { first }));
    }

    [Test]
    public async Task A_retried_registration_with_the_same_idempotency_key_creates_one_module()
    {
        var marker = NewMarker();
        var body = new { code = UniqueCode("IDEM"), titleEn = $"{marker} retried", titleFr = "réessayé", hours = 2, keyFactorCodes = new[] { "RAD-04" } };
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Modules) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await Client.SendAsync(request);
        }

        var first = await SendAsync();
        var retry = await SendAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location), "the retry answers the first reply");
            Assert.That(await ItemsAsync($"{Modules}?q={marker}"), Has.Count.EqualTo(1), "one module");
        });
    }

    [Test]
    public async Task An_update_replaces_the_key_factors_bumps_the_version_and_needs_the_current_ETag()
    {
        var marker = NewMarker();
        var code = UniqueCode("UPD");
        var id = await RegisterAsync(code, $"{marker} original", 6, "RAD-01", "RAD-02");
        var path = $"{Modules}/{id}";
        var changes = new { code, titleEn = $"{marker} renamed", titleFr = "renommé", hours = 12.25m, keyFactorCodes = new[] { "RAD-08" } };

        await ProblemAsync(await PutAsync(path, changes, ifMatch: null), 428);
        await ProblemAsync(await PutAsync(path, changes, ifMatch: "\"5\""), 412);
        var unchanged = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(unchanged.GetProperty("titleEn").GetString(), Is.EqualTo($"{marker} original"));
            Assert.That(KeyFactorsOf(unchanged), Is.EqualTo(new[] { "RAD-01", "RAD-02" }));
        });

        var updated = await PutAsync(path, changes, ifMatch: "\"1\"");
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await updated.Content.ReadAsStringAsync());
        Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var module = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(module.GetProperty("titleEn").GetString(), Is.EqualTo($"{marker} renamed"));
            Assert.That(module.GetProperty("titleFr").GetString(), Is.EqualTo("renommé"));
            Assert.That(module.GetProperty("hours").GetDecimal(), Is.EqualTo(12.25m));
            Assert.That(KeyFactorsOf(module), Is.EqualTo(new[] { "RAD-08" }), "the key factors were replaced");
            Assert.That(module.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });
        Assert.That(await ItemsAsync($"{Modules}?q={marker}&keyFactor=RAD-01"), Is.Empty, "no longer listed under its old key factor");

        var stale = await ProblemAsync(await PutAsync(path, changes with { titleEn = "lost update" }, ifMatch: "\"1\""), 412);
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain("version 2"));
        Assert.That((await GetJsonAsync(path)).GetProperty("titleEn").GetString(), Is.EqualTo($"{marker} renamed"));
    }

    [Test]
    public async Task An_invalid_or_conflicting_update_changes_nothing()
    {
        var marker = NewMarker();
        var taken = UniqueCode("TAKEN");
        await RegisterAsync(taken, $"{marker} other", 1, "RAD-05");
        var code = UniqueCode("MINE");
        var id = await RegisterAsync(code, $"{marker} mine", 1, "RAD-05");
        var path = $"{Modules}/{id}";

        await ProblemAsync(await PutAsync(path, new { code = taken, titleEn = $"{marker} mine", titleFr = "x", hours = 1, keyFactorCodes = new[] { "RAD-05" } }, "\"1\""), 409);
        var invalid = await ProblemAsync(await PutAsync(path, new { code, titleEn = $"{marker} mine", titleFr = "x", hours = -1, keyFactorCodes = new[] { "RAD-00" } }, "\"1\""), 400);
        Assert.That(invalid.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EquivalentTo(new[] { "hours" }),
            "the validator's errors come first; the key factors are checked against the database after");
        await ProblemAsync(await PutAsync(path, new { code, titleEn = $"{marker} mine", titleFr = "x", hours = 1, keyFactorCodes = new[] { "RAD-00" } }, "\"1\""), 400);
        await ProblemAsync(await PutAsync($"{Modules}/{Guid.CreateVersion7()}", new { code = UniqueCode("NONE"), titleEn = "x", titleFr = "x", hours = 1, keyFactorCodes = new[] { "RAD-05" } }, "\"1\""), 404);

        var module = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(module.GetProperty("code").GetString(), Is.EqualTo(code));
            Assert.That(KeyFactorsOf(module), Is.EqualTo(new[] { "RAD-05" }));
            Assert.That(module.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_module_that_does_not_exist_is_not_found()
    {
        var missing = Guid.CreateVersion7();
        var problem = await ProblemAsync(await Client.GetAsync($"{Modules}/{missing}"), 404);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(missing.ToString()));
    }

    [Test]
    public async Task The_list_pages_through_the_modules_in_code_order_each_with_its_key_factors()
    {
        var marker = NewMarker().ToUpperInvariant();
        var codes = new[] { "DELTA", "ALPHA", "CHARLIE", "BRAVO", "ECHO" }.Select(suffix => $"MD-{marker}-{suffix}").ToList();
        // Whole and fractional hours on the same page: SQLite returns them as an integer and a real.
        var hours = new Dictionary<string, decimal>();
        foreach (var (code, index) in codes.Select((code, index) => (code, index)))
            await RegisterAsync(code, $"Module {code}", hours[code] = index % 2 == 0 ? 2 : 7.5m, "RAD-09", "RAD-06");

        var mine = await AllPagesAsync($"{Modules}?q={marker}", limit: 2);
        var onePage = (await GetJsonAsync($"{Modules}?q={marker}&limit=10")).GetProperty("items").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(CodesOf(mine), Is.EqualTo(codes.Order(StringComparer.Ordinal).ToList()), "every module once, by code");
            Assert.That(mine.Select(KeyFactorsOf), Has.All.EqualTo(new[] { "RAD-06", "RAD-09" }), "each item carries its key factors");
            Assert.That(onePage.Select(m => m.GetProperty("hours").GetDecimal()), Is.EqualTo(CodesOf(onePage).Select(code => hours[code!])));
        });
    }

    [Test]
    public async Task The_filters_match_code_or_either_title_ignoring_case_and_a_key_factor()
    {
        var marker = NewMarker();
        var byCode = $"CODE-{marker}".ToUpperInvariant();
        await RegisterAsync(byCode, "Human resource management", 5, "RAD-08");
        var byEnglish = UniqueCode("EN");
        await CreateAsync(Modules, new { code = byEnglish, titleEn = $"Code of Conduct {marker}", titleFr = "Code de conduite", hours = 5, keyFactorCodes = new[] { "RAD-07" } });
        var byFrench = UniqueCode("FR");
        await CreateAsync(Modules, new { code = byFrench, titleEn = "Morale", titleFr = $"Moral et culture ÉTHIQUE {marker}", hours = 5, keyFactorCodes = new[] { "RAD-07", "RAD-09" } });

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(CodesOf(await ItemsAsync($"{Modules}?q={byCode.ToLowerInvariant()}")), Is.EqualTo(new[] { byCode }), "code, other case");
            Assert.That(CodesOf(await ItemsAsync($"{Modules}?q={Uri.EscapeDataString($"OF CONDUCT {marker}")}")), Is.EqualTo(new[] { byEnglish }), "English title");
            Assert.That(CodesOf(await ItemsAsync($"{Modules}?q={Uri.EscapeDataString($"éthique {marker}")}")), Is.EqualTo(new[] { byFrench }), "French title, accents folded");
            Assert.That(CodesOf(await ItemsAsync($"{Modules}?q={marker}")), Is.EquivalentTo(new[] { byCode, byEnglish, byFrench }));
            Assert.That(CodesOf(await ItemsAsync($"{Modules}?q={marker}&keyFactor=RAD-07")), Is.EquivalentTo(new[] { byEnglish, byFrench }), "key factor");
            Assert.That(CodesOf(await ItemsAsync($"{Modules}?q={marker}&keyFactor=rad-09")), Is.EqualTo(new[] { byFrench }), "key factor, lower case");
            Assert.That(await ItemsAsync($"{Modules}?q={marker}&keyFactor=RAD-01"), Is.Empty, "a key factor none covers");
        });
    }

    [Test]
    public async Task Coordinators_and_trainers_read_the_catalogue_but_only_administrators_change_it_and_donors_see_none_of_it()
    {
        var id = await RegisterAsync(UniqueCode("ROLES"), $"{NewMarker()} for every role", 1, "RAD-01");
        var body = new { code = UniqueCode("NOPE"), titleEn = "Not allowed", titleFr = "Interdit", hours = 1, keyFactorCodes = new[] { "RAD-01" } };
        using var coordinator = await TrainingAccounts.SignInAsync(App, Client, "coordinator");
        using var trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer");
        using var donor = await TrainingAccounts.DonorTokenClientAsync(App, Client);

        Assert.That((await coordinator.GetAsync($"{Modules}/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await trainer.GetAsync(Modules)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAsync(await coordinator.PostAsJsonAsync(Modules, body), 403);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"{Modules}/{id}") { Content = JsonContent.Create(body) };
        update.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        await ProblemAsync(await coordinator.SendAsync(update), 403);
        await ProblemAsync(await donor.GetAsync(Modules), 403);
        await ProblemAsync(await donor.GetAsync($"{Modules}/{id}"), 403);
        Assert.That((await GetJsonAsync($"{Modules}/{id}")).GetProperty("version").GetInt32(), Is.EqualTo(1), "nothing changed");
    }
}
