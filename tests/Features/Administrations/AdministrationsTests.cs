using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

public sealed class AdministrationsTests(string provider) : ApiOnEachDatabase(provider)
{
    private const string Administrations = "/api/v1/administrations";

    private static string NewMarker() => Guid.NewGuid().ToString("N")[..10];

    private Task<Guid> CreateAdministrationAsync(string countryCode, string regionCode, string nameEn, string nameFr) =>
        CreateAsync(Administrations, new { countryCode, regionCode, nameEn, nameFr });

    /// <summary>The items of the first page of a list (asserting it is the only page).</summary>
    private async Task<List<JsonElement>> OnlyPageAsync(string path)
    {
        var page = await GetJsonAsync(path);
        Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null), $"{path} fits on one page");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static List<Guid> Ids(IEnumerable<JsonElement> administrations) =>
        administrations.Select(administration => administration.GetProperty("id").GetGuid()).ToList();

    private static List<string?> NamesEn(IEnumerable<JsonElement> administrations) =>
        administrations.Select(administration => administration.GetProperty("nameEn").GetString()).ToList();

    private static string Query(string value) => Uri.EscapeDataString(value);

    [Test]
    public async Task A_registered_administration_reads_back_with_its_country_names_and_its_version_as_ETag()
    {
        var response = await Client.PostAsJsonAsync(Administrations,
            new { countryCode = "ML", regionCode = "WCA", nameEn = "Mali Customs", nameFr = "Douanes maliennes" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{Administrations}/{id}"));
        });

        var read = await Client.GetAsync($"{Administrations}/{id}");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK), await read.Content.ReadAsStringAsync());
        var administration = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(administration.GetProperty("id").GetGuid(), Is.EqualTo(id));
            Assert.That(administration.GetProperty("countryCode").GetString(), Is.EqualTo("ML"));
            Assert.That(administration.GetProperty("countryNameEn").GetString(), Is.EqualTo("Mali"));
            Assert.That(administration.GetProperty("countryNameFr").GetString(), Is.EqualTo("Mali"));
            Assert.That(administration.GetProperty("regionCode").GetString(), Is.EqualTo("WCA"));
            Assert.That(administration.GetProperty("nameEn").GetString(), Is.EqualTo("Mali Customs"));
            Assert.That(administration.GetProperty("nameFr").GetString(), Is.EqualTo("Douanes maliennes"));
            Assert.That(administration.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_country_names_come_from_the_reference_data_in_both_languages()
    {
        var marker = NewMarker();
        var id = await CreateAdministrationAsync("SN", "WCA", $"{marker} Senegal Customs", $"Douanes sénégalaises {marker}");
        var administration = await GetJsonAsync($"{Administrations}/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(administration.GetProperty("countryNameEn").GetString(), Is.EqualTo("Senegal"));
            Assert.That(administration.GetProperty("countryNameFr").GetString(), Is.EqualTo("Sénégal"));
            Assert.That(administration.GetProperty("nameFr").GetString(), Is.EqualTo($"Douanes sénégalaises {marker}"), "accents survive the round trip");
        });
    }

    [TestCase("mali", "WCA", "countryCode")]
    [TestCase("ml", "WCA", "countryCode")]
    [TestCase("", "WCA", "countryCode")]
    [TestCase("QQ", "WCA", "countryCode")]
    [TestCase("ML", "XYZ", "regionCode")]
    [TestCase("ML", "", "regionCode")]
    [TestCase("ML", "wca", "regionCode")]
    public async Task A_malformed_or_unknown_code_is_a_field_error_and_stores_nothing(string countryCode, string regionCode, string field)
    {
        var marker = NewMarker();
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Administrations,
            new { countryCode, regionCode, nameEn = $"{marker} Customs", nameFr = $"Douanes {marker}" }), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { field }), errors.ToString());
        Assert.That(errors.GetProperty(field).EnumerateArray().Select(message => message.GetString()), Is.Not.Empty.And.All.Not.Empty);
        Assert.That(await OnlyPageAsync($"{Administrations}?q={marker}"), Is.Empty, "nothing was stored");
    }

    [Test]
    public async Task An_unknown_country_and_an_unknown_region_are_both_reported()
    {
        var marker = NewMarker();
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Administrations,
            new { countryCode = "QQ", regionCode = "XYZ", nameEn = $"{marker} Customs", nameFr = $"Douanes {marker}" }), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EquivalentTo(new[] { "countryCode", "regionCode" }), errors.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(errors.GetProperty("countryCode")[0].GetString(), Does.Contain("QQ"));
            Assert.That(errors.GetProperty("regionCode")[0].GetString(), Does.Contain("XYZ"));
        });
        Assert.That(await OnlyPageAsync($"{Administrations}?q={marker}"), Is.Empty);
    }

    [Test]
    public async Task An_empty_body_gets_an_error_for_every_field()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Administrations, new { }), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name),
            Is.EquivalentTo(new[] { "countryCode", "regionCode", "nameEn", "nameFr" }), errors.ToString());
    }

    [Test]
    public async Task The_same_english_name_twice_in_a_country_is_a_conflict_but_not_in_another_country()
    {
        var marker = NewMarker();
        var nameEn = $"{marker} Revenue Authority";
        var first = await CreateAdministrationAsync("KE", "ESA", nameEn, $"Autorité fiscale {marker}");

        var problem = await ProblemAsync(await Client.PostAsJsonAsync(Administrations,
            new { countryCode = "KE", regionCode = "ESA", nameEn, nameFr = $"Autre nom {marker}" }), 409);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(nameEn).And.Contain("KE"));
        Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}")), Is.EqualTo(new[] { first }), "only the first was stored");

        var elsewhere = await CreateAdministrationAsync("UG", "ESA", nameEn, $"Autorité fiscale {marker}");
        Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}")), Is.EquivalentTo(new[] { first, elsewhere }));
    }

    [Test]
    public async Task An_update_needs_the_current_ETag()
    {
        var marker = NewMarker();
        var id = await CreateAdministrationAsync("BF", "WCA", $"{marker} Burkina Customs", $"Douane {marker}");
        var path = $"{Administrations}/{id}";
        var changes = new { countryCode = "SN", regionCode = "WCA", nameEn = $"{marker} Senegal Customs", nameFr = $"Douanes sénégalaises {marker}" };

        await ProblemAsync(await PutAsync(path, changes, ifMatch: null), 428);
        await ProblemAsync(await PutAsync(path, changes, ifMatch: "\"7\""), 412);
        var unchanged = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(unchanged.GetProperty("countryCode").GetString(), Is.EqualTo("BF"));
            Assert.That(unchanged.GetProperty("nameEn").GetString(), Is.EqualTo($"{marker} Burkina Customs"));
            Assert.That(unchanged.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });

        var updated = await PutAsync(path, changes, ifMatch: "\"1\"");
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await updated.Content.ReadAsStringAsync());
        Assert.That(updated.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        var read = await Client.GetAsync(path);
        var administration = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(read.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That(administration.GetProperty("countryCode").GetString(), Is.EqualTo("SN"));
            Assert.That(administration.GetProperty("countryNameEn").GetString(), Is.EqualTo("Senegal"));
            Assert.That(administration.GetProperty("countryNameFr").GetString(), Is.EqualTo("Sénégal"));
            Assert.That(administration.GetProperty("regionCode").GetString(), Is.EqualTo("WCA"));
            Assert.That(administration.GetProperty("nameEn").GetString(), Is.EqualTo($"{marker} Senegal Customs"));
            Assert.That(administration.GetProperty("nameFr").GetString(), Is.EqualTo($"Douanes sénégalaises {marker}"));
            Assert.That(administration.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });

        var stale = await ProblemAsync(await PutAsync(path,
            new { countryCode = "BF", regionCode = "WCA", nameEn = $"{marker} Lost update", nameFr = $"Perdu {marker}" }, ifMatch: "\"1\""), 412);
        Assert.That(stale.GetProperty("detail").GetString(), Does.Contain("version 2"));
        var after = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(after.GetProperty("nameEn").GetString(), Is.EqualTo($"{marker} Senegal Customs"));
            Assert.That(after.GetProperty("version").GetInt32(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task An_invalid_or_conflicting_update_changes_nothing()
    {
        var marker = NewMarker();
        var taken = $"{marker} Taken";
        await CreateAdministrationAsync("GH", "WCA", taken, $"Prise {marker}");
        var id = await CreateAdministrationAsync("GH", "WCA", $"{marker} Mine", $"La mienne {marker}");
        var path = $"{Administrations}/{id}";

        var conflict = await ProblemAsync(await PutAsync(path,
            new { countryCode = "GH", regionCode = "WCA", nameEn = taken, nameFr = $"La mienne {marker}" }, "\"1\""), 409);
        Assert.That(conflict.GetProperty("detail").GetString(), Does.Contain(taken));

        var unknown = await ProblemAsync(await PutAsync(path,
            new { countryCode = "QQ", regionCode = "ZZZ", nameEn = $"{marker} Mine", nameFr = $"La mienne {marker}" }, "\"1\""), 400);
        Assert.That(unknown.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EquivalentTo(new[] { "countryCode", "regionCode" }));

        var malformed = await ProblemAsync(await PutAsync(path,
            new { countryCode = "GHA", regionCode = "WCA", nameEn = "", nameFr = $"La mienne {marker}" }, "\"1\""), 400);
        Assert.That(malformed.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EquivalentTo(new[] { "countryCode", "nameEn" }));

        var administration = await GetJsonAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(administration.GetProperty("countryCode").GetString(), Is.EqualTo("GH"));
            Assert.That(administration.GetProperty("nameEn").GetString(), Is.EqualTo($"{marker} Mine"));
            Assert.That(administration.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });

        var keepName = await PutAsync(path, new { countryCode = "GH", regionCode = "WCA", nameEn = $"{marker} Mine", nameFr = $"Renommée {marker}" }, "\"1\"");
        Assert.That(keepName.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "keeping its own name is no conflict");
    }

    [Test]
    public async Task Other_names_read_back_are_replaced_by_an_update_and_belong_to_one_administration()
    {
        var m = NewMarker();
        var burkina = await CreateAsync(Administrations, new
        {
            countryCode = "BF", regionCode = "WCA", nameEn = $"Burkina Customs {m}", nameFr = $"Douanes burkinabè {m}",
            otherNames = new[] { $"DGD {m}", $"Douanes du Faso {m}" },
        });
        var read = await GetJsonAsync($"{Administrations}/{burkina}");
        Assert.That(read.GetProperty("otherNames").EnumerateArray().Select(name => name.GetString()), Is.EqualTo(new[] { $"DGD {m}", $"Douanes du Faso {m}" }));
        var listed = (await OnlyPageAsync($"{Administrations}?q={Query(m)}")).Single();
        Assert.That(listed.GetProperty("otherNames").GetArrayLength(), Is.EqualTo(2));

        var taken = await ProblemAsync(await Client.PostAsJsonAsync(Administrations, new
        {
            countryCode = "ML", regionCode = "WCA", nameEn = $"Mali Customs {m}", nameFr = $"Douanes maliennes {m}", otherNames = new[] { $"dgd {m}" },
        }), 409);
        Assert.That(taken.GetProperty("detail").GetString(), Does.Contain($"Burkina Customs {m}"), "the administration that holds the name is named");
        var french = new HttpRequestMessage(HttpMethod.Post, Administrations)
        {
            Content = JsonContent.Create(new { countryCode = "ML", regionCode = "WCA", nameEn = $"Mali Customs {m}", nameFr = $"Douanes maliennes {m}", otherNames = new[] { $"DGD {m}" } }),
        };
        french.Headers.AcceptLanguage.ParseAdd("fr-FR,fr;q=0.9");
        var takenInFrench = await ProblemAsync(await Client.SendAsync(french), 409);
        Assert.That(takenInFrench.GetProperty("detail").GetString(), Does.Contain("est déjà un autre nom de"));

        var invalid = await ProblemAsync(await Client.PostAsJsonAsync(Administrations, new
        {
            countryCode = "ML", regionCode = "WCA", nameEn = $"Mali Customs {m}", nameFr = $"Douanes maliennes {m}",
            otherNames = new[] { "", new string('x', 201), $"Dédé {m}", $"DEDE {m}" },
        }), 400);
        Assert.That(invalid.GetProperty("errors").EnumerateObject().Select(error => error.Name),
            Is.EquivalentTo(new[] { "otherNames[0]", "otherNames[1]", "otherNames[2]", "otherNames[3]" }));
        var tooMany = await ProblemAsync(await Client.PostAsJsonAsync(Administrations, new
        {
            countryCode = "ML", regionCode = "WCA", nameEn = $"Mali Customs {m}", nameFr = $"Douanes maliennes {m}",
            otherNames = Enumerable.Range(1, 21).Select(i => $"name {i} {m}").ToArray(),
        }), 400);
        Assert.That(tooMany.GetProperty("errors").GetProperty("otherNames")[0].GetString(), Does.Contain("20"));

        var updated = await PutAsync($"{Administrations}/{burkina}", new
        {
            countryCode = "BF", regionCode = "WCA", nameEn = $"Burkina Customs {m}", nameFr = $"Douanes burkinabè {m}", otherNames = new[] { $"DGD {m}" },
        }, "\"1\"");
        Assert.That(updated.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await updated.Content.ReadAsStringAsync());
        var kept = await PutAsync($"{Administrations}/{burkina}", new
        {
            countryCode = "BF", regionCode = "WCA", nameEn = $"Burkina Customs {m}", nameFr = $"Douanes burkinabè {m}",
        }, "\"2\"");
        Assert.That(kept.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await kept.Content.ReadAsStringAsync());
        var after = await GetJsonAsync($"{Administrations}/{burkina}");
        Assert.That(after.GetProperty("otherNames").EnumerateArray().Select(name => name.GetString()), Is.EqualTo(new[] { $"DGD {m}" }),
            "an update replaces the other names, and one that leaves them out keeps them");
        await CreateAsync(Administrations, new
        {
            countryCode = "ML", regionCode = "WCA", nameEn = $"Mali Customs {m}", nameFr = $"Douanes maliennes {m}", otherNames = new[] { $"Douanes du Faso {m}" },
        });
    }

    [Test]
    public async Task An_administration_that_does_not_exist_is_not_found()
    {
        var missing = Guid.CreateVersion7();
        var notFound = await ProblemAsync(await Client.GetAsync($"{Administrations}/{missing}"), 404);
        Assert.That(notFound.GetProperty("detail").GetString(), Does.Contain(missing.ToString()));
        await ProblemAsync(await PutAsync($"{Administrations}/{missing}",
            new { countryCode = "ML", regionCode = "WCA", nameEn = $"{NewMarker()} Nothing", nameFr = "Rien" }, "\"1\""), 404);
        await ProblemAsync(await Client.GetAsync($"{Administrations}/{missing}"), 404);
    }

    [Test]
    public async Task The_list_filters_by_region_country_and_text_in_either_language()
    {
        var marker = NewMarker();
        var burkina = await CreateAdministrationAsync("BF", "WCA", $"{marker} Burkina Faso Customs", $"Douane burkinabè {marker}");
        var kenya = await CreateAdministrationAsync("KE", "ESA", $"{marker} Kenya Revenue Authority", $"Autorité fiscale du Kenya {marker}");
        var senegal = await CreateAdministrationAsync("SN", "WCA", $"{marker} Senegal Customs", $"Douanes sénégalaises {marker}");
        var france = await CreateAdministrationAsync("FR", "EUR", $"{marker} French Customs", $"Douane française {marker}");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}")), Is.EqualTo(new[] { burkina, france, kenya, senegal }),
                "all four, by English name");
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}&regionCode=WCA")), Is.EqualTo(new[] { burkina, senegal }));
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}&regionCode=EUR")), Is.EqualTo(new[] { france }));
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}&regionCode=AMC")), Is.Empty);
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}&countryCode=KE")), Is.EqualTo(new[] { kenya }));
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}&countryCode=BF&regionCode=WCA")), Is.EqualTo(new[] { burkina }));
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={marker}&countryCode=BF&regionCode=ESA")), Is.Empty, "filters combine");
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={Query($"burkinabè {marker}")}")), Is.EqualTo(new[] { burkina }),
                "the French name, with its accent");
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={Query($"DOUANE BURKINABÈ {marker.ToUpperInvariant()}")}")), Is.EqualTo(new[] { burkina }),
                "ignoring case, accented capitals too");
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={Query($"sénégalaises {marker}")}")), Is.EqualTo(new[] { senegal }));
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={Query($"{marker} kenya revenue")}")), Is.EqualTo(new[] { kenya }),
                "the English name, ignoring case");
            Assert.That(Ids(await OnlyPageAsync($"{Administrations}?q={NewMarker()}")), Is.Empty, "no match");
        });

        var countryByCode = await OnlyPageAsync($"{Administrations}?countryCode=FR&q={marker}");
        Assert.That(countryByCode.Select(item => item.GetProperty("countryNameFr").GetString()), Is.EqualTo(new[] { "France" }),
            "list items carry the country's names");
    }

    [Test]
    public async Task The_list_pages_through_every_administration_in_english_name_order()
    {
        var marker = NewMarker();
        var created = new List<Guid>
        {
            await CreateAdministrationAsync("TG", "WCA", $"{marker} Delta", $"Delta {marker}"),
            await CreateAdministrationAsync("BJ", "WCA", $"{marker} Alpha", $"Alpha {marker}"),
            await CreateAdministrationAsync("TZ", "ESA", $"{marker} Echo", $"Echo {marker}"),
            // The same English name in two countries: the id breaks the tie, and a page break between them loses neither.
            await CreateAdministrationAsync("NE", "WCA", $"{marker} Charlie", $"Charlie {marker}"),
            await CreateAdministrationAsync("TD", "WCA", $"{marker} Charlie", $"Charlie bis {marker}"),
            await CreateAdministrationAsync("MA", "MENA", $"{marker} Bravo", $"Bravo {marker}"),
        };
        var expectedNames = new[] { "Alpha", "Bravo", "Charlie", "Charlie", "Delta", "Echo" }.Select(name => $"{marker} {name}").ToList();

        foreach (var limit in new[] { 1, 2, 4 })
        {
            var found = await AllPagesAsync($"{Administrations}?q={marker}", limit);
            Assert.Multiple(() =>
            {
                Assert.That(NamesEn(found), Is.EqualTo(expectedNames), $"by English name, limit {limit}");
                Assert.That(Ids(found), Is.EquivalentTo(created), $"every administration once, limit {limit}");
            });
        }

        var everything = await AllPagesAsync(Administrations, limit: 3);
        var everyId = Ids(everything);
        var names = NamesEn(everything);
        Assert.Multiple(() =>
        {
            Assert.That(everyId, Is.Unique, "no administration twice");
            Assert.That(everyId, Is.SupersetOf(created), "no administration skipped");
            Assert.That(names, Is.EqualTo(names.Order(StringComparer.Ordinal).ToList()).Or.EqualTo(names.Order(StringComparer.OrdinalIgnoreCase).ToList()),
                "pages follow the English name order");
        });
    }

    [Test]
    public async Task A_limit_out_of_range_and_a_foreign_cursor_are_field_errors()
    {
        var problem = await ProblemAsync(await Client.GetAsync($"{Administrations}?limit=201&cursor=not-a-cursor"), 400);
        var errors = problem.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(error => error.Name), Is.EquivalentTo(new[] { "limit", "cursor" }), errors.ToString());
    }
}
