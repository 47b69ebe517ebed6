using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Indicators of a programme's results framework, and the targets and actuals entered for them per reporting period.
/// Each test builds its own programme (covering the world's administrations A and B), so periods never collide.
/// </summary>
public sealed class IndicatorsTests(string provider) : ResultsFrameworkWorld(provider)
{
    [Test]
    public async Task A_defined_indicator_reads_back_whole_and_lists_by_code()
    {
        var programme = await ProgrammeAsync();
        var response = await Client.PostAsJsonAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("2.1", measure: "percentage", ascending: false,
            disaggregations: ["administration", "sex"]));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"{ResultsApi.Indicators(programme)}/{id}"));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
        });
        // Listed after one entered by hand: its rule must still read back (SQLite types a computed column by its first row).
        await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("3.1", computedBy: "officials_trained", disaggregations: ["sex"]));

        var indicator = await GetJsonAsync($"{ResultsApi.Indicators(programme)}/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(indicator.GetProperty("programmeId").GetGuid(), Is.EqualTo(programme));
            Assert.That(indicator.GetProperty("code").GetString(), Is.EqualTo("2.1"));
            Assert.That(indicator.GetProperty("titleFr").GetString(), Is.EqualTo("Indicateur 2.1"));
            Assert.That(indicator.GetProperty("unit").GetString(), Is.EqualTo("officials"));
            Assert.That(indicator.GetProperty("measure").GetString(), Is.EqualTo("percentage"));
            Assert.That(indicator.GetProperty("iatiMeasureCode").GetInt32(), Is.EqualTo(2), "IATI IndicatorMeasure 2: percentage");
            Assert.That(indicator.GetProperty("ascending").GetBoolean(), Is.False);
            Assert.That(Strings(indicator.GetProperty("disaggregations")), Is.EqualTo(new[] { "sex", "administration" }), "in the fixed order");
            Assert.That(indicator.GetProperty("computedBy").ValueKind, Is.EqualTo(JsonValueKind.Null), "entered by hand");
            Assert.That(indicator.GetProperty("version").GetInt32(), Is.EqualTo(1));
        });

        var listed = await AllPagesAsync(ResultsApi.Indicators(programme), 1);
        Assert.That(listed.Select(i => i.GetProperty("code").GetString()), Is.EqualTo(new[] { "2.1", "3.1" }), "by code, one page at a time");
        Assert.Multiple(() =>
        {
            Assert.That(listed[1].GetProperty("computedBy").GetString(), Is.EqualTo("officials_trained"));
            Assert.That(listed[1].GetProperty("iatiMeasureCode").GetInt32(), Is.EqualTo(1));
            Assert.That(Strings(listed[1].GetProperty("disaggregations")), Is.EqualTo(new[] { "sex" }));
        });
    }

    [Test]
    public async Task Invalid_indicators_get_field_errors_a_taken_code_409_and_store_nothing()
    {
        var programme = await ProgrammeAsync();
        var path = ResultsApi.Indicators(programme);

        var missing = await ProblemAsync(await Client.PostAsJsonAsync(path, new { code = "bad code", titleEn = "", titleFr = "T", unit = "officials" }), 400);
        Assert.That(ErrorFields(missing), Is.EquivalentTo(new[] { "code", "titleEn", "measure", "ascending" }));
        var twice = await ProblemAsync(await Client.PostAsJsonAsync(path, ResultsApi.Indicator("X1", disaggregations: ["sex", "sex"])), 400);
        Assert.That(ErrorFields(twice), Is.EqualTo(new[] { "disaggregations" }));
        var qualitative = await ProblemAsync(await Client.PostAsJsonAsync(path, ResultsApi.Indicator("X2", measure: "qualitative", disaggregations: ["sex"])), 400);
        Assert.That(ErrorFields(qualitative), Is.EqualTo(new[] { "disaggregations" }));
        var wrongMeasure = await ProblemAsync(await Client.PostAsJsonAsync(path, ResultsApi.Indicator("X3", measure: "percentage", computedBy: "workshops_held")), 400);
        Assert.That(wrongMeasure.GetProperty("errors").GetProperty("measure")[0].GetString(), Does.Contain("unit"));
        var unsupported = await ProblemAsync(await Client.PostAsJsonAsync(path, ResultsApi.Indicator("X4", computedBy: "workshops_held", disaggregations: ["sex"])), 400);
        Assert.That(unsupported.GetProperty("errors").GetProperty("disaggregations[0]")[0].GetString(), Does.Contain("cannot break its values down by sex"));
        var unknownRule = await ProblemAsync(await Client.PostAsJsonAsync(path, ResultsApi.Indicator("X5", computedBy: "people_happy")), 400);
        Assert.That(ErrorFields(unknownRule), Is.EqualTo(new[] { "computedBy" }));
        Assert.That(await CountAsync("SELECT count(*) FROM indicators WHERE programme_id = @id", programme), Is.Zero);

        await CreateAsync(path, ResultsApi.Indicator("1.1"));
        var taken = await ProblemAsync(await Client.PostAsJsonAsync(path, ResultsApi.Indicator("1.1")), 409);
        Assert.That(taken.GetProperty("detail").GetString(), Does.Contain("'1.1'"));
        await CreateAsync(ResultsApi.Indicators(await ProgrammeAsync()), ResultsApi.Indicator("1.1"));
        await ProblemAsync(await Client.PostAsJsonAsync(ResultsApi.Indicators(Guid.CreateVersion7()), ResultsApi.Indicator("1.1")), 404);
        Assert.That(await CountAsync("SELECT count(*) FROM indicators WHERE programme_id = @id", programme), Is.EqualTo(1));
    }

    [Test]
    public async Task An_update_needs_the_version_and_keeps_measure_rule_and_used_disaggregations_once_values_exist()
    {
        var programme = await ProgrammeAsync();
        var period = await PeriodAsync(programme, "2024", "2024-01-01", "2024-12-31");
        var indicator = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("3.1", disaggregations: ["sex", "key_factor"]));
        var path = $"{ResultsApi.Indicators(programme)}/{indicator}";

        await ProblemAsync(await PutAsync(path, ResultsApi.Indicator("3.1"), ifMatch: null), 428);
        var renamed = await PutAsync(path, ResultsApi.Indicator("3.2", disaggregations: ["sex", "key_factor", "administration"]), "\"1\"");
        Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await renamed.Content.ReadAsStringAsync());
        Assert.That(renamed.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        await ProblemAsync(await PutAsync(path, ResultsApi.Indicator("3.3"), "\"1\""), 412);
        Assert.That((await GetJsonAsync(path)).GetProperty("code").GetString(), Is.EqualTo("3.2"));

        var recorded = await PutAsync(ResultsApi.Values(programme, indicator, period), new
        {
            target = 40, disaggregations = new object[] { new { sex = "female", target = 20 } },
        }, ifMatch: null);
        Assert.That(recorded.StatusCode, Is.EqualTo(HttpStatusCode.Created), await recorded.Content.ReadAsStringAsync());

        var measure = await ProblemAsync(await PutAsync(path, ResultsApi.Indicator("3.2", measure: "nominal", disaggregations: ["sex"]), "\"2\""), 409);
        Assert.That(measure.GetProperty("detail").GetString(), Does.Contain("measure and rule"));
        await ProblemAsync(await PutAsync(path, ResultsApi.Indicator("3.2", computedBy: "officials_trained", disaggregations: ["sex"]), "\"2\""), 409);
        var used = await ProblemAsync(await PutAsync(path, ResultsApi.Indicator("3.2", disaggregations: ["administration"]), "\"2\""), 409);
        Assert.That(used.GetProperty("detail").GetString(), Does.Contain("sex"));
        var unused = await PutAsync(path, ResultsApi.Indicator("3.2", disaggregations: ["sex"]), "\"2\"");
        Assert.That(unused.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "key_factor and administration are used by no value: they may go");
        Assert.That(Strings((await GetJsonAsync(path)).GetProperty("disaggregations")), Is.EqualTo(new[] { "sex" }));
        await ProblemAsync(await PutAsync($"{ResultsApi.Indicators(await ProgrammeAsync())}/{indicator}", ResultsApi.Indicator("3.2"), "\"3\""), 404);
    }

    [Test]
    public async Task Values_are_created_without_If_Match_then_changed_with_it_and_read_back_per_period()
    {
        var programme = await ProgrammeAsync();
        var first = await PeriodAsync(programme, "2024-H1", "2024-01-01", "2024-06-30");
        var second = await PeriodAsync(programme, "2024-H2", "2024-07-01", "2024-12-31");
        var indicator = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("4.1", disaggregations: ["sex", "administration", "key_factor"]));
        var body = new
        {
            target = 30, actual = 28.5m, targetComment = "Half of the year's target", actualComment = "From the attendance sheets",
            disaggregations = new object[]
            {
                new { sex = "female", target = 15, actual = 14 },
                new { administrationId = AdministrationA, sex = "male", actual = 10 },
                new { keyFactorCode = "RAD-07", target = 30 },
            },
        };

        var created = await PutAsync(ResultsApi.Values(programme, indicator, second), body, ifMatch: null);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(created.Headers.ETag?.Tag, Is.EqualTo("\"1\""));
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo(ResultsApi.Values(programme, indicator, second)));
        });
        await ProblemAsync(await PutAsync(ResultsApi.Values(programme, indicator, second), body, ifMatch: null), 428);
        await ProblemAsync(await PutAsync(ResultsApi.Values(programme, indicator, first), body, "\"1\""), 412);

        var periods = (await GetJsonAsync(ResultsApi.Values(programme, indicator))).GetProperty("items").EnumerateArray().ToList();
        Assert.That(periods.Select(p => p.GetProperty("label").GetString()), Is.EqualTo(new[] { "2024-H1", "2024-H2" }), "every period, in date order");
        var empty = periods[0];
        var entered = periods[1];
        Assert.Multiple(() =>
        {
            Assert.That(empty.GetProperty("target").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(empty.GetProperty("version").ValueKind, Is.EqualTo(JsonValueKind.Null), "nothing entered yet");
            Assert.That(empty.GetProperty("disaggregations").GetArrayLength(), Is.Zero);
            Assert.That(entered.GetProperty("startsOn").GetString(), Is.EqualTo("2024-07-01"));
            Assert.That(entered.GetProperty("target").GetDecimal(), Is.EqualTo(30m));
            Assert.That(entered.GetProperty("actual").GetDecimal(), Is.EqualTo(28.5m));
            Assert.That(entered.GetProperty("actualComment").GetString(), Is.EqualTo("From the attendance sheets"));
            Assert.That(entered.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(Buckets(entered), Is.EqualTo(new[]
            {
                ("female", (Guid?)null, (string?)null, (decimal?)15m, (decimal?)14m),
                ("male", AdministrationA, null, null, 10m),
                (null, null, "RAD-07", 30m, null),
            }), "as entered, in order");
        });

        var changed = await PutAsync(ResultsApi.Values(programme, indicator, second), new { target = 30, actual = 29 }, "\"1\"");
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await changed.Content.ReadAsStringAsync());
        Assert.That(changed.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
        await ProblemAsync(await PutAsync(ResultsApi.Values(programme, indicator, second), new { target = 1 }, "\"1\""), 412);
        var one = await Client.GetAsync(ResultsApi.Values(programme, indicator, second));
        var read = await one.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Multiple(() =>
        {
            Assert.That(one.Headers.ETag?.Tag, Is.EqualTo("\"2\""));
            Assert.That(read.GetProperty("actual").GetDecimal(), Is.EqualTo(29m));
            Assert.That(read.GetProperty("actualComment").ValueKind, Is.EqualTo(JsonValueKind.Null), "replaced whole");
            Assert.That(read.GetProperty("disaggregations").GetArrayLength(), Is.Zero, "replaced whole");
        });
        await ProblemAsync(await Client.GetAsync(ResultsApi.Values(programme, indicator, Guid.CreateVersion7())), 404);
        await ProblemAsync(await PutAsync(ResultsApi.Values(await ProgrammeAsync(), indicator, second), new { target = 1 }, null), 404);
    }

    [Test]
    public async Task A_total_and_a_full_split_must_add_up_for_an_indicator_in_units()
    {
        var programme = await ProgrammeAsync();
        var period = await PeriodAsync(programme, "2025", "2025-01-01", "2025-12-31");
        var indicator = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("5.1", disaggregations: ["sex", "administration", "key_factor"]));
        var path = ResultsApi.Values(programme, indicator, period);
        object BySex(int female, int male, int notRecorded) => new object[]
        {
            new { sex = "female", actual = female, target = 10 }, new { sex = "male", actual = male, target = 10 },
            new { sex = "not_recorded", actual = notRecorded, target = 5 },
        };

        var wrong = await ProblemAsync(await PutAsync(path, new { target = 25, actual = 10, disaggregations = BySex(4, 5, 0) }, null), 400);
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFields(wrong), Is.EqualTo(new[] { "actual" }), "the targets 10 + 10 + 5 make 25");
            Assert.That(wrong.GetProperty("errors").GetProperty("actual")[0].GetString(), Does.Contain("by sex (9)"));
        });
        var byAdministration = new object[] { new { administrationId = AdministrationA, actual = 6 }, new { administrationId = AdministrationB, actual = 3 } };
        var notSummed = await ProblemAsync(await PutAsync(path, new { actual = 10, disaggregations = byAdministration }, null), 400);
        Assert.That(notSummed.GetProperty("errors").GetProperty("actual")[0].GetString(), Does.Contain("by administration (9)"));
        Assert.That(await CountAsync("SELECT count(*) FROM indicator_values WHERE indicator_id = @id", indicator), Is.Zero, "nothing stored");

        var partial = await PutAsync(path, new
        {
            target = 25, actual = 9,
            disaggregations = new object[]
            {
                new { sex = "female", actual = 4 }, new { sex = "male", actual = 5 },
                new { administrationId = AdministrationA, actual = 2 },
                new { keyFactorCode = "RAD-01", actual = 9 }, new { keyFactorCode = "RAD-07", actual = 9 },
            },
        }, null);
        Assert.That(partial.StatusCode, Is.EqualTo(HttpStatusCode.Created),
            "a split with a bucket missing need not add up, nor do key factors, which overlap: " + await partial.Content.ReadAsStringAsync());
        var full = await PutAsync(path, new { target = 25, actual = 9, disaggregations = BySex(4, 5, 0) }, "\"1\"");
        Assert.That(full.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await full.Content.ReadAsStringAsync());
        var withoutTotal = await PutAsync(path, new { disaggregations = BySex(4, 5, 7) }, "\"2\"");
        Assert.That(withoutTotal.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "no total given: nothing to add up to");

        var percentage = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("5.2", measure: "percentage", disaggregations: ["sex"]));
        var shares = await PutAsync(ResultsApi.Values(programme, percentage, period), new { actual = 50, disaggregations = BySex(40, 60, 50) }, null);
        Assert.That(shares.StatusCode, Is.EqualTo(HttpStatusCode.Created), "percentages do not add up: " + await shares.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Values_the_indicator_does_not_take_get_field_errors()
    {
        var programme = await ProgrammeAsync();
        var period = await PeriodAsync(programme, "2026", "2026-01-01", "2026-12-31");
        var bySex = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("6.1", disaggregations: ["sex", "administration"]));

        var problem = await ProblemAsync(await PutAsync(ResultsApi.Values(programme, bySex, period), new
        {
            disaggregations = new object[]
            {
                new { keyFactorCode = "RAD-02", actual = 1 },
                new { administrationId = AdministrationC, actual = 1 },
                new { sex = "female", actual = 1 },
                new { sex = "female", actual = 2 },
            },
        }, null), 400);
        Assert.Multiple(() =>
        {
            Assert.That(ErrorFields(problem), Is.EquivalentTo(new[] { "disaggregations[0]", "disaggregations[1].administrationId", "disaggregations[3]" }));
            Assert.That(problem.GetProperty("errors").GetProperty("disaggregations[0]")[0].GetString(), Does.Contain("not disaggregated by key_factor"));
            Assert.That(problem.GetProperty("errors").GetProperty("disaggregations[3]")[0].GetString(), Does.Contain("disaggregations[2]"));
        });
        var form = await ProblemAsync(await PutAsync(ResultsApi.Values(programme, bySex, period), new
        {
            target = 1.23456m,
            disaggregations = new object[] { new { actual = 1 }, new { sex = "male" }, new { sex = "female", keyFactorCode = "RAD-11", actual = 1 } },
        }, null), 400);
        Assert.That(ErrorFields(form), Is.EquivalentTo(new[] { "target", "disaggregations[0]", "disaggregations[1]", "disaggregations[2].keyFactorCode" }));

        var percentage = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("6.2", measure: "percentage"));
        var over = await ProblemAsync(await PutAsync(ResultsApi.Values(programme, percentage, period), new { target = 120, actual = -1 }, null), 400);
        Assert.That(ErrorFields(over), Is.EquivalentTo(new[] { "target", "actual" }));

        var qualitative = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("6.3", measure: "qualitative"));
        var numbers = await ProblemAsync(await PutAsync(ResultsApi.Values(programme, qualitative, period), new { target = 1, actual = 1 }, null), 400);
        Assert.That(ErrorFields(numbers), Is.EquivalentTo(new[] { "target", "actual" }));
        var words = await PutAsync(ResultsApi.Values(programme, qualitative, period),
            new { targetComment = "An HRM strategy adopted", actualComment = "HRM strategy 2018–2021 adopted with competency tools" }, null);
        Assert.That(words.StatusCode, Is.EqualTo(HttpStatusCode.Created), await words.Content.ReadAsStringAsync());

        var computed = await CreateAsync(ResultsApi.Indicators(programme), ResultsApi.Indicator("6.4", computedBy: "officials_trained", disaggregations: ["sex"]));
        var actuals = await ProblemAsync(await PutAsync(ResultsApi.Values(programme, computed, period), new
        {
            target = 30, actual = 25, disaggregations = new object[] { new { sex = "female", target = 15, actual = 12 } },
        }, null), 400);
        Assert.That(ErrorFields(actuals), Is.EquivalentTo(new[] { "actual", "disaggregations[0].actual" }));
        var targets = await PutAsync(ResultsApi.Values(programme, computed, period), new
        {
            target = 30, disaggregations = new object[] { new { sex = "female", target = 15 } },
        }, null);
        Assert.That(targets.StatusCode, Is.EqualTo(HttpStatusCode.Created), await targets.Content.ReadAsStringAsync());
        Assert.That(await CountAsync("SELECT count(*) FROM indicator_values WHERE indicator_id = @id", bySex), Is.Zero);
    }

    [Test]
    public async Task Coordinators_of_the_programme_keep_its_indicators_staff_read_them_donors_do_not()
    {
        var programme = await ProgrammeAsync();
        var period = await PeriodAsync(programme, "2023", "2023-01-01", "2023-12-31");
        using var coordinator = await AccountAsync("coordinator", programmeIds: [programme]);
        using var focalPointOfA = await AccountAsync("coordinator", administrationIds: [AdministrationA]);
        using var otherCoordinator = await AccountAsync("coordinator", programmeIds: [await ProgrammeAsync(AdministrationC)]);
        using var trainer = await AccountAsync("trainer", programmeIds: [programme]);
        using var donor = await TrainingAccounts.DonorTokenClientAsync(App, Client);
        var path = ResultsApi.Indicators(programme);

        var defined = await coordinator.PostAsJsonAsync(path, ResultsApi.Indicator("7.1", disaggregations: ["administration"]));
        Assert.That(defined.StatusCode, Is.EqualTo(HttpStatusCode.Created), await defined.Content.ReadAsStringAsync());
        var indicator = (await defined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await ProblemAsync(await otherCoordinator.PostAsJsonAsync(path, ResultsApi.Indicator("7.2")), 404);
        await ProblemAsync(await otherCoordinator.GetAsync(path), 404);
        await ProblemAsync(await trainer.PostAsJsonAsync(path, ResultsApi.Indicator("7.3")), 403);
        await ProblemAsync(await donor.PostAsJsonAsync(path, ResultsApi.Indicator("7.4")), 403);
        await ProblemAsync(await donor.GetAsync(path), 403);
        await ProblemAsync(await donor.GetAsync(ResultsApi.Values(programme, indicator)), 403);
        Assert.That((await trainer.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").GetArrayLength(), Is.EqualTo(1), "staff in scope read them");

        var values = ResultsApi.Values(programme, indicator, period);
        var byCoordinator = await coordinator.PutAsJsonAsync(values, new
        {
            actual = 5, disaggregations = new object[] { new { administrationId = AdministrationA, actual = 2 }, new { administrationId = AdministrationB, actual = 3 } },
        });
        Assert.That(byCoordinator.StatusCode, Is.EqualTo(HttpStatusCode.Created), await byCoordinator.Content.ReadAsStringAsync());

        var theirs = await SendAsync(focalPointOfA, values, new
        {
            actual = 6, disaggregations = new object[] { new { administrationId = AdministrationA, actual = 3 }, new { administrationId = AdministrationB, actual = 3 } },
        }, "\"1\"");
        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a focal point changes its own administration's bucket: " + await theirs.Content.ReadAsStringAsync());
        var another = await ProblemAsync(await SendAsync(focalPointOfA, values, new
        {
            actual = 7, disaggregations = new object[] { new { administrationId = AdministrationA, actual = 3 }, new { administrationId = AdministrationB, actual = 4 } },
        }, "\"2\""), 403);
        Assert.That(another.GetProperty("detail").GetString(), Does.Contain(AdministrationB.ToString()));
        await ProblemAsync(await SendAsync(trainer, values, new { actual = 1 }, "\"2\""), 403);
        var stored = await GetJsonAsync(values);
        Assert.That(stored.GetProperty("actual").GetDecimal(), Is.EqualTo(6m), "the refused changes stored nothing");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    private static List<(string?, Guid?, string?, decimal?, decimal?)> Buckets(JsonElement period) =>
        period.GetProperty("disaggregations").EnumerateArray().Select(row => (
            Text(row, "sex"),
            row.GetProperty("administrationId").ValueKind == JsonValueKind.Null ? (Guid?)null : row.GetProperty("administrationId").GetGuid(),
            Text(row, "keyFactorCode"), Number(row, "target"), Number(row, "actual"))).ToList();
}
