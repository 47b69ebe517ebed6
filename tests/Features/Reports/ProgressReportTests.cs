using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CsvHelper;
using MiniExcelLibs;

namespace Integrity.Tests;

/// <summary>
/// The progress report of a programme, checked against counts this test makes itself from what it recorded through
/// the API. The world: programme P (Norad's) covering administration A (West and Central Africa, whose name looks like
/// a formula) and B (East and Southern Africa); modules of key factors RAD-07 and RAD-07 + RAD-08; held workshops in
/// 2024 (hosted by A and B) and 2025, a planned one and a cancelled one with attendance; officials of every sex, not
/// recorded included, present, late, excused and absent, one at two workshops; periods 2024 (approved for A, submitted
/// for B) and 2025 (in progress); a computed indicator with a target. Programme Q is Sida's.
/// </summary>
public sealed class ProgressReportTests(string provider) : ApiOnEachDatabase(provider)
{
    // Its officials are a handful per cell: suppression of small counts is ApprovedFiguresTests' subject, not this fixture's.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:MinimumCellSize"] = "1" };

    private readonly string marker = Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> personalData = [];
    private readonly Dictionary<Guid, WorkshopFact> workshops = [];
    private readonly Dictionary<Guid, SessionFact> sessions = [];
    private readonly List<AttendanceFact> attendance = [];
    private readonly Dictionary<Guid, string[]> moduleKeyFactors = [];
    private readonly Dictionary<Guid, decimal> moduleHours = [];
    private readonly Dictionary<string, (DateOnly StartsOn, DateOnly EndsOn)> periodDays = [];
    private Guid administrationA;
    private Guid administrationB;
    private string nameA = null!;
    private string nameB = null!;
    private Guid programme;
    private Guid sidaProgramme;
    private Guid indicator;
    private Guid period2024;
    private HttpClient noradAnalyst = null!;
    private HttpClient trainer = null!;

    private sealed record Official(Guid Id, string Sex, Guid AdministrationId);
    private sealed record WorkshopFact(Guid Id, Guid HostId, DateOnly EndsOn, string Status);
    private sealed record SessionFact(Guid Id, Guid WorkshopId, DateOnly HeldOn, Guid ModuleId);
    private sealed record AttendanceFact(Official Person, Guid SessionId, string Status);

    /// <summary>A row of the report, in any format.</summary>
    private sealed record Row(string Period, string? Administration, string? Region, string? KeyFactor, string? Sex, string Figure, string? Indicator, decimal Value);

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        var norad = await CreateAsync("/api/v1/donors", new { code = UniqueCode("NORAD"), name = "Norad" });
        var sida = await CreateAsync("/api/v1/donors", new { code = UniqueCode("SIDA"), name = "Sida" });
        nameA = $"=HYPERLINK(\"http://evil.test\") Douane {marker}";
        nameB = $"Kenya Revenue Authority {marker}";
        administrationA = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = nameA, nameFr = $"Douane {marker}" });
        administrationB = await CreateAsync("/api/v1/administrations", new { countryCode = "KE", regionCode = "ESA", nameEn = nameB, nameFr = $"KRA {marker}" });
        programme = await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode("A-CIP"), name = "Anti-Corruption and Integrity Promotion", startsOn = "2020-01-01", endsOn = "2030-12-31",
            donorIds = new[] { norad }, administrationIds = new[] { administrationA, administrationB },
        });
        sidaProgramme = await CreateAsync("/api/v1/programmes", new
        {
            code = UniqueCode("WACAM"), name = "Sida programme", startsOn = "2020-01-01", endsOn = "2030-12-31",
            donorIds = new[] { sida }, administrationIds = new[] { administrationA },
        });
        period2024 = await PeriodAsync("2024");
        var period2025 = await PeriodAsync("2025");
        indicator = await CreateAsync($"/api/v1/programmes/{programme}/indicators", new
        {
            code = "1.1", titleEn = "Officials trained", titleFr = "Fonctionnaires formés", unit = "officials", measure = "unit", ascending = true,
            disaggregations = new[] { "sex", "administration" }, computedBy = "officials_trained",
        });
        var values = await PutAsync($"/api/v1/programmes/{programme}/indicators/{indicator}/values/{period2024}", new { target = 20 }, ifMatch: null);
        Assert.That(values.StatusCode, Is.EqualTo(HttpStatusCode.Created), await values.Content.ReadAsStringAsync());

        await TrainAsync();

        await TransitionAsync(period2024, administrationA, "submit");
        await TransitionAsync(period2024, administrationA, "approve");
        await TransitionAsync(period2024, administrationB, "submit");
        Assert.That(period2025, Is.Not.EqualTo(Guid.Empty));

        var issued = await Client.PostAsJsonAsync("/api/v1/api-tokens", new
        {
            donorId = norad, name = "Progress pull", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        noradAnalyst = App.AnonymousClient();
        noradAnalyst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer");
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        noradAnalyst?.Dispose();
        trainer?.Dispose();
    }

    private async Task<Guid> PeriodAsync(string year)
    {
        periodDays[year] = (new DateOnly(int.Parse(year, CultureInfo.InvariantCulture), 1, 1), new DateOnly(int.Parse(year, CultureInfo.InvariantCulture), 12, 31));
        return await CreateAsync($"/api/v1/programmes/{programme}/periods", new { label = year, startsOn = $"{year}-01-01", endsOn = $"{year}-12-31" });
    }

    private Task TransitionAsync(Guid period, Guid administration, string transition) =>
        ResultsApi.MoveReportAsync(Client, programme, period, administration, transition);

    private async Task TrainAsync()
    {
        var rad = await ModuleAsync(6, "RAD-07");
        var hrm = await ModuleAsync(7.5m, "RAD-07", "RAD-08");
        var expert = await CreateAsync("/api/v1/trainers", new { fullName = $"Mariam Diallo {marker}", kind = "wco_expert" });
        personalData.Add($"Mariam Diallo {marker}");

        var fA = await PersonAsync("female", administrationA, "Aminata");
        var mA = await PersonAsync("male", administrationA, "Issa");
        var nA = await PersonAsync("not_recorded", administrationA, "Yann");
        var fB = await PersonAsync("female", administrationB, "Wanjiru");
        var mB = await PersonAsync("male", administrationB, "Otieno");
        var nB = await PersonAsync("not_recorded", administrationB, "Kamau");

        var w1 = await WorkshopAsync("2024-03-12", "2024-03-13", administrationA, "held");
        await AttendAsync(await SessionAsync(w1, "2024-03-12", rad, expert), (fA, "present"), (mA, "late"), (nA, "present"), (fB, "present"), (mB, "absent"));
        await AttendAsync(await SessionAsync(w1, "2024-03-13", hrm, expert), (fA, "present"), (nA, "excused"), (fB, "late"));

        var w2 = await WorkshopAsync("2024-06-05", "2024-06-05", administrationB, "held");
        await AttendAsync(await SessionAsync(w2, "2024-06-05", rad, expert), (fA, "present"), (mB, "present"), (nB, "present"));

        var planned = await WorkshopAsync("2024-09-10", "2024-09-10", administrationA, "planned");
        await AttendAsync(await SessionAsync(planned, "2024-09-10", rad, expert), (mA, "present"));

        var cancelled = await WorkshopAsync("2024-10-10", "2024-10-10", administrationB, "planned");
        await AttendAsync(await SessionAsync(cancelled, "2024-10-10", hrm, expert), (mB, "present"), (fB, "present"));
        var current = await GetJsonAsync($"/api/v1/workshops/{cancelled}");
        var cancel = await PutAsync($"/api/v1/workshops/{cancelled}", WorkshopBody("2024-10-10", "2024-10-10", administrationB, "cancelled"),
            $"\"{current.GetProperty("version").GetInt32()}\"");
        Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await cancel.Content.ReadAsStringAsync());
        workshops[cancelled] = workshops[cancelled] with { Status = "cancelled" };

        var w3 = await WorkshopAsync("2025-02-10", "2025-02-11", administrationB, "held");
        await AttendAsync(await SessionAsync(w3, "2025-02-10", hrm, expert), (fB, "present"), (mB, "late"), (nB, "absent"), (fA, "present"));
    }

    private async Task<Guid> ModuleAsync(decimal hours, params string[] keyFactorCodes)
    {
        var id = await CreateAsync("/api/v1/modules", new { code = UniqueCode("MOD"), titleEn = $"Module {hours}", titleFr = $"Module {hours}", hours, keyFactorCodes });
        moduleKeyFactors[id] = keyFactorCodes;
        moduleHours[id] = hours;
        return id;
    }

    private async Task<Official> PersonAsync(string sex, Guid administrationId, string given)
    {
        var givenNames = $"{given} {marker}";
        var email = $"{given.ToLowerInvariant()}.{marker}@douanes.test";
        personalData.AddRange([givenNames, email, $"M-{marker}-{given}"]);
        var id = await CreateAsync("/api/v1/participants", new
        {
            familyName = "Ouédraogo", givenNames, sex, administrationId, service = "operational", email, staffNumber = $"M-{marker}-{given}",
        });
        return new Official(id, sex, administrationId);
    }

    private object WorkshopBody(string startsOn, string endsOn, Guid host, string status) => new
    {
        programmeId = programme, kind = "workshop", title = "Integrity workshop", startsOn, endsOn, hostAdministrationId = host, city = "Ouagadougou", language = "fr", status,
    };

    private async Task<Guid> WorkshopAsync(string startsOn, string endsOn, Guid host, string status)
    {
        var id = await CreateAsync("/api/v1/workshops", WorkshopBody(startsOn, endsOn, host, status));
        workshops[id] = new WorkshopFact(id, host, DateOnly.Parse(endsOn, CultureInfo.InvariantCulture), status);
        return id;
    }

    private async Task<Guid> SessionAsync(Guid workshopId, string heldOn, Guid moduleId, Guid trainerId)
    {
        var id = await CreateAsync($"/api/v1/workshops/{workshopId}/sessions", new { moduleId, heldOn, trainerIds = new[] { trainerId } });
        sessions[id] = new SessionFact(id, workshopId, DateOnly.Parse(heldOn, CultureInfo.InvariantCulture), moduleId);
        return id;
    }

    private async Task AttendAsync(Guid sessionId, params (Official Person, string Status)[] entries)
    {
        var workshopId = sessions[sessionId].WorkshopId;
        foreach (var (person, _) in entries)
            if (!attendance.Any(fact => fact.Person == person && sessions[fact.SessionId].WorkshopId == workshopId))
            {
                var enrolled = await Client.PostAsJsonAsync($"/api/v1/workshops/{workshopId}/participants", new { participantId = person.Id });
                Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Created), await enrolled.Content.ReadAsStringAsync());
            }
        var response = await Client.PutAsJsonAsync($"/api/v1/workshops/{workshopId}/sessions/{sessionId}/attendance",
            new { entries = entries.Select(entry => new { participantId = entry.Person.Id, status = entry.Status }) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        attendance.AddRange(entries.Select(entry => new AttendanceFact(entry.Person, sessionId, entry.Status)));
    }

    // ---- The independent counts ----

    private bool InPeriod(string period, DateOnly day) => day >= periodDays[period].StartsOn && day <= periodDays[period].EndsOn;

    private IEnumerable<SessionFact> HeldSessions(string period) =>
        sessions.Values.Where(session => workshops[session.WorkshopId].Status == "held" && InPeriod(period, session.HeldOn));

    private IEnumerable<AttendanceFact> Attended(string period, Guid? administration, string? sex) =>
        from fact in attendance
        join session in HeldSessions(period) on fact.SessionId equals session.Id
        where fact.Status is "present" or "late"
              && (administration is null || fact.Person.AdministrationId == administration)
              && (sex is null || fact.Person.Sex == sex)
        select fact;

    private decimal Expected(string figure, string period, Guid? administration = null, string? sex = null, string? keyFactor = null) => figure switch
    {
        "officials_trained" => Attended(period, administration, sex).Select(fact => fact.Person.Id).Distinct().Count(),
        "participant_hours" => Attended(period, administration, sex).Sum(fact => moduleHours[sessions[fact.SessionId].ModuleId]),
        "workshops_held" => workshops.Values.Count(workshop => workshop.Status == "held" && InPeriod(period, workshop.EndsOn)
                                                              && (administration is null || workshop.HostId == administration)),
        "modules_delivered" => HeldSessions(period).Count(session => (administration is null || workshops[session.WorkshopId].HostId == administration)
                                                                   && (keyFactor is null || moduleKeyFactors[session.ModuleId].Contains(keyFactor))),
        _ => 0,
    };

    // ---- Reading the report ----

    private string ReportPath(string query = "") => $"/api/v1/programmes/{programme}/reports/progress{query}";

    private static async Task<JsonElement> JsonReportAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        return JsonDocument.Parse(text).RootElement;
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<Row> Rows(JsonElement report) =>
        report.GetProperty("values").EnumerateArray().Select(row => new Row(
            row.GetProperty("period").GetString()!, Text(row, "administration"), Text(row, "region"), Text(row, "keyFactor"), Text(row, "sex"),
            row.GetProperty("figure").GetString()!, Text(row, "indicator"), row.GetProperty("value").GetDecimal())).ToList();

    private static decimal Value(List<Row> rows, string period, string figure, string? administration = null, string? sex = null, string? keyFactor = null,
        string? region = null)
    {
        var matching = rows.Where(row => row.Period == period && row.Figure == figure && row.Administration == administration && row.Sex == sex
                                         && row.KeyFactor == keyFactor && row.Indicator is null && (region is null || row.Region == region)).ToList();
        // A key factor that no session of the group covered has no row.
        return keyFactor is not null && matching.Count == 0 ? 0 : matching.Single().Value;
    }

    private string Name(Guid administration) => administration == administrationA ? nameA : nameB;

    private static readonly string[] Sexes = ["female", "male", "not_recorded"];

    [Test]
    public async Task Every_figure_equals_the_counts_made_from_the_records_by_period_and_administration()
    {
        var byPeriod = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true")));
        var byAdministration = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true&groupBy=administration")));
        var byKeyFactor = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true&groupBy=keyFactor")));
        Assert.Multiple(() =>
        {
            foreach (var period in new[] { "2024", "2025" })
            {
                foreach (var figure in new[] { "officials_trained", "participant_hours", "workshops_held", "modules_delivered" })
                {
                    Assert.That(Value(byPeriod, period, figure), Is.EqualTo(Expected(figure, period)), $"{period} {figure}");
                    foreach (var administration in new[] { administrationA, administrationB })
                        Assert.That(Value(byAdministration, period, figure, Name(administration)), Is.EqualTo(Expected(figure, period, administration)),
                            $"{period} {figure} {Name(administration)}");
                }
                foreach (var figure in new[] { "officials_trained", "participant_hours" })
                foreach (var sex in Sexes)
                {
                    Assert.That(Value(byPeriod, period, figure, sex: sex), Is.EqualTo(Expected(figure, period, sex: sex)), $"{period} {figure} {sex}");
                    foreach (var administration in new[] { administrationA, administrationB })
                        Assert.That(Value(byAdministration, period, figure, Name(administration), sex), Is.EqualTo(Expected(figure, period, administration, sex)));
                }
                foreach (var keyFactor in new[] { "RAD-07", "RAD-08" })
                {
                    Assert.That(Value(byKeyFactor, period, "modules_delivered", keyFactor: keyFactor), Is.EqualTo(Expected("modules_delivered", period, keyFactor: keyFactor)),
                        $"{period} modules {keyFactor}");
                    foreach (var administration in new[] { administrationA, administrationB })
                        Assert.That(Value(byAdministration, period, "modules_delivered", Name(administration), keyFactor: keyFactor),
                            Is.EqualTo(Expected("modules_delivered", period, administration, keyFactor: keyFactor)), $"{period} modules {keyFactor} {Name(administration)}");
                }
            }
            // The world is what the test thinks it is: someone at two workshops counts once, absent, planned and cancelled not.
            Assert.That(Expected("officials_trained", "2024"), Is.EqualTo(6));
            Assert.That(Expected("officials_trained", "2024", sex: "not_recorded"), Is.EqualTo(2));
            Assert.That(Expected("modules_delivered", "2024", keyFactor: "RAD-08"), Is.EqualTo(1));
            Assert.That(Expected("workshops_held", "2024"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Disaggregations_add_up_to_their_totals()
    {
        var byPeriod = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true")));
        var byAdministration = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true&groupBy=administration")));
        var byRegion = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true&groupBy=region")));
        Assert.Multiple(() =>
        {
            foreach (var rows in new[] { byPeriod, byAdministration, byRegion })
                foreach (var total in rows.Where(row => row.Sex is null && row.KeyFactor is null && row.Indicator is null
                                                        && row.Figure is "officials_trained" or "participant_hours"))
                    Assert.That(rows.Where(row => row.Period == total.Period && row.Figure == total.Figure && row.Administration == total.Administration
                                                  && row.Region == total.Region && row.Sex is not null && row.Indicator is null).Sum(row => row.Value),
                        Is.EqualTo(total.Value), $"{total} by sex");
            foreach (var total in byPeriod.Where(row => row.Sex is null && row.KeyFactor is null && row.Indicator is null && row.Figure != "actions_done_on_time_percent"))
            {
                // Key factors overlap (a module covers several): their rows are not part of the sum.
                Assert.That(byAdministration.Where(row => row.Period == total.Period && row.Figure == total.Figure && row.Sex is null && row.KeyFactor is null
                                                          && row.Indicator is null).Sum(row => row.Value), Is.EqualTo(total.Value), $"{total} by administration");
                Assert.That(byRegion.Where(row => row.Period == total.Period && row.Figure == total.Figure && row.Sex is null && row.KeyFactor is null
                                                  && row.Indicator is null).Sum(row => row.Value), Is.EqualTo(total.Value), $"{total} by region");
            }
            Assert.That(Value(byRegion, "2024", "officials_trained", region: "WCA"), Is.EqualTo(Expected("officials_trained", "2024", administrationA)));
        });
    }

    [Test]
    public async Task Indicator_targets_and_actuals_equal_the_indicator_values_endpoint()
    {
        var rows = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true&from=2024-01-01&to=2024-12-31")));
        var byAdministration = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true&groupBy=administration&to=2024-06-30")));
        var values = (await GetJsonAsync($"/api/v1/programmes/{programme}/indicators/{indicator}/values")).GetProperty("items").EnumerateArray()
            .Single(period => period.GetProperty("label").GetString() == "2024");
        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(row => row.Period).Distinct(), Is.EqualTo(new[] { "2024" }), "from and to select the periods overlapping them");
            Assert.That(byAdministration.Select(row => row.Period).Distinct(), Is.EqualTo(new[] { "2024" }));
            Assert.That(rows.Single(row => row is { Indicator: "1.1", Figure: "indicator_target", Sex: null }).Value, Is.EqualTo(20));
            Assert.That(rows.Single(row => row is { Indicator: "1.1", Figure: "indicator_actual", Sex: null }).Value,
                Is.EqualTo(values.GetProperty("actual").GetDecimal()).And.EqualTo(Expected("officials_trained", "2024")));
            foreach (var bucket in values.GetProperty("disaggregations").EnumerateArray())
            {
                var sex = Text(bucket, "sex");
                var administration = bucket.TryGetProperty("administrationId", out var id) && id.ValueKind == JsonValueKind.String ? Name(id.GetGuid()) : null;
                var source = administration is null ? rows : byAdministration;
                Assert.That(source.Single(row => row.Indicator == "1.1" && row.Figure == "indicator_actual" && row.Sex == sex && row.Administration == administration).Value,
                    Is.EqualTo(bucket.GetProperty("actual").GetDecimal()), $"bucket {sex} {administration}");
            }
        });
    }

    [Test]
    public async Task A_donor_sees_only_the_approved_reports_and_is_told_which_were_left_out()
    {
        var report = await JsonReportAsync(noradAnalyst, ReportPath("?groupBy=administration"));
        var rows = Rows(report);
        var leftOut = report.GetProperty("leftOut").EnumerateArray()
            .Select(left => (left.GetProperty("periodLabel").GetString(), left.GetProperty("administrationId").GetGuid(), left.GetProperty("state").GetString())).ToList();
        var byPeriod = Rows(await JsonReportAsync(noradAnalyst, ReportPath()));
        Assert.Multiple(() =>
        {
            Assert.That(leftOut, Is.EquivalentTo(new[]
            {
                ("2024", administrationB, "submitted"), ("2025", administrationA, "in_progress"), ("2025", administrationB, "in_progress"),
            }));
            Assert.That(rows.Select(row => (row.Period, row.Administration)).Distinct(), Is.EqualTo(new[] { ("2024", (string?)nameA) }), "only A's approved 2024");
            foreach (var figure in new[] { "officials_trained", "participant_hours", "workshops_held", "modules_delivered" })
            {
                Assert.That(Value(rows, "2024", figure, nameA), Is.EqualTo(Expected(figure, "2024", administrationA)), figure);
                Assert.That(Value(byPeriod, "2024", figure), Is.EqualTo(Expected(figure, "2024", administrationA)), $"{figure}: the total leaves B out");
                foreach (var sex in Sexes.Where(_ => figure is "officials_trained" or "participant_hours"))
                    Assert.That(Value(byPeriod, "2024", figure, sex: sex), Is.EqualTo(Expected(figure, "2024", administrationA, sex)));
            }
            Assert.That(byPeriod.Where(row => row.Indicator is not null), Is.Empty, "no programme-wide indicator value before every report is approved");
            Assert.That(byPeriod.Where(row => row.Period == "2025" && row.Value != 0), Is.Empty, "nothing of 2025");
            Assert.That(report.GetProperty("includesUnapproved").GetBoolean(), Is.False);
            // A donor cannot list indicators: the report names them, so the rows can be labelled.
            Assert.That(report.GetProperty("indicators").EnumerateArray().Select(one =>
                    (one.GetProperty("code").GetString(), one.GetProperty("titleEn").GetString(), one.GetProperty("titleFr").GetString(), one.GetProperty("measure").GetString())),
                Is.EqualTo(new[] { ((string?)"1.1", (string?)"Officials trained", (string?)"Fonctionnaires formés", (string?)"unit") }));
        });
    }

    [Test]
    public async Task Who_may_read_it()
    {
        await ProblemAsync(await noradAnalyst.GetAsync(ReportPath("?includeUnapproved=true")), 403);
        await ProblemAsync(await noradAnalyst.GetAsync($"/api/v1/programmes/{sidaProgramme}/reports/progress"), 404);
        await ProblemAsync(await noradAnalyst.GetAsync($"/api/v1/programmes/{Guid.NewGuid()}/reports/progress"), 404);
        await ProblemAsync(await trainer.GetAsync(ReportPath()), 403);
        using var coordinatorOfB = await TrainingAccounts.SignInAsync(App, Client, "coordinator", administrationIds: [administrationB]);
        Assert.That((await coordinatorOfB.GetAsync(ReportPath("?includeUnapproved=true"))).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a coordinator in scope previews");
        var elsewhere = await CreateAsync("/api/v1/administrations", new { countryCode = "SN", regionCode = "WCA", nameEn = $"Senegal {marker}", nameFr = $"Sénégal {marker}" });
        using var coordinatorElsewhere = await TrainingAccounts.SignInAsync(App, Client, "coordinator", administrationIds: [elsewhere]);
        await ProblemAsync(await coordinatorElsewhere.GetAsync(ReportPath()), 404);
        await ProblemAsync(await App.AnonymousClient().GetAsync(ReportPath()), 401);
        await ProblemAsync(await Client.GetAsync(ReportPath("?groupBy=country")), 400);
        await ProblemAsync(await Client.GetAsync(ReportPath("?format=docx")), 400);
        await ProblemAsync(await Client.GetAsync(ReportPath("?lang=de")), 400);
        await ProblemAsync(await Client.GetAsync(ReportPath("?from=2025-01-01&to=2024-01-01")), 400);
    }

    [Test]
    public async Task The_CSV_starts_with_a_BOM_parses_back_to_the_same_figures_and_neutralises_formulas()
    {
        var json = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true&groupBy=administration")));
        var request = new HttpRequestMessage(HttpMethod.Get, ReportPath("?includeUnapproved=true&groupBy=administration"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
            Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with a BOM");
        });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var csv = ParseCsv(text);
        Assert.Multiple(() =>
        {
            // The codes scripts read keep their columns and order; the labels come after them.
            Assert.That(csv.Header, Is.EqualTo(new[]
            {
                "programme", "period", "starts_on", "ends_on", "administration", "region", "key_factor", "sex", "figure", "indicator", "value", "status", "note",
                "administration_label", "region_label", "key_factor_label", "sex_label", "figure_label", "indicator_label", "status_label",
            }));
            Assert.That(csv.Rows[0][8], Is.EqualTo("minimum_cell_size"), "the first row states the small-count rule");
            Assert.That(csv.Rows.Select(cells => cells[4]).Distinct(), Does.Contain("'" + nameA), "a formula-looking name gets an apostrophe");
            Assert.That(csv.Rows.Select(cells => cells[4]), Has.None.StartsWith("="));
            Assert.That(csv.Rows.Skip(1).Select(ToRow), Is.EqualTo(json.Select(Neutralised)), "the same rows as the JSON");
        });
        var byFormat = await Client.GetAsync(ReportPath("?format=csv"));
        Assert.That(byFormat.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        Assert.That(ParseCsv(Encoding.UTF8.GetString(await byFormat.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF')).Rows, Is.Not.Empty);
        AssertNoPersonalData(text);
    }

    private static (string[] Header, List<string?[]> Rows) ParseCsv(string text)
    {
        using var reader = CsvReader.FromText(text, new CsvReaderOptions());
        var header = reader.Headers.ToArray();
        var rows = new List<string?[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(index => reader.IsEmpty(index) ? null : reader.GetString(index)).ToArray());
        return (header, rows);
    }

    private static Row ToRow(string?[] cells) =>
        new(cells[1]!, cells[4], cells[5], cells[6], cells[7], cells[8]!, cells[9], decimal.Parse(cells[10]!, CultureInfo.InvariantCulture));

    private static Row Neutralised(Row row) => row with { Administration = row.Administration is { } name && name.StartsWith('=') ? "'" + name : row.Administration };

    private async Task<byte[]> WorkbookAsync(string query, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ReportPath(query));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await Client.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static List<IDictionary<string, object?>> Sheet(byte[] workbook, string name)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
    }

    private static List<string> SheetNames(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.GetSheetNames();
    }

    private async Task<JsonElement> ReferenceAsync(string what, string code) =>
        (await GetJsonAsync($"/api/v1/{what}")).GetProperty("items").EnumerateArray().Single(item => item.GetProperty("code").GetString() == code);

    [Test]
    public async Task The_workbook_is_in_the_readers_language_with_a_sheet_per_view_numbers_and_dates()
    {
        var json = Rows(await JsonReportAsync(Client, ReportPath("?includeUnapproved=true&groupBy=administration")));
        var byHeader = await WorkbookAsync("?includeUnapproved=true&groupBy=administration", "fr");
        var byQuery = await WorkbookAsync("?includeUnapproved=true&groupBy=administration&lang=fr", null);
        var english = await WorkbookAsync("?includeUnapproved=true&groupBy=administration", null);
        var wca = await ReferenceAsync("regions", "WCA");
        var rad08 = await ReferenceAsync("key-factors", "RAD-08");
        Assert.Multiple(() =>
        {
            Assert.That(SheetNames(english), Is.EqualTo(new[] { "Read me", "Figures", "By administration", "Key factor coverage" }));
            foreach (var french in new[] { byHeader, byQuery })
            {
                Assert.That(SheetNames(french), Is.EqualTo(new[] { "Lisez-moi", "Chiffres", "Par administration", "Couverture des facteurs clés" }));
                var figures = Sheet(french, "Chiffres");
                Assert.That(figures[0].Keys, Is.EqualTo(new[]
                {
                    "Période", "Premier jour", "Dernier jour", "Administration des douanes", "Région", "Facteur clé", "Sexe", "Chiffre", "Indicateur", "Valeur", "Statut",
                }));
                Assert.That(figures.Select(row => row["Valeur"]), Is.All.InstanceOf<double>(), "values are numbers");
                Assert.That(figures.Select(row => Convert.ToDecimal(row["Valeur"], CultureInfo.InvariantCulture)), Is.EqualTo(json.Select(row => row.Value)), "the JSON's rows");
                Assert.That(figures.Select(row => row["Premier jour"]), Is.All.EqualTo(new DateTime(2024, 1, 1)).Or.EqualTo(new DateTime(2025, 1, 1)), "days are dates");
                Assert.That(figures.Select(row => row["Chiffre"]), Does.Contain("Fonctionnaires formés").And.Contain("Modules dispensés").And.Contain("Cible de l'indicateur"));
                Assert.That(figures.Select(row => row["Sexe"]), Does.Contain("Femmes").And.Contain("Non renseigné"));
                Assert.That(figures.Select(row => row["Indicateur"]), Does.Contain("1.1 Fonctionnaires formés (fonctionnaires)"));
                Assert.That(figures.Select(row => row["Région"]), Does.Contain(wca.GetProperty("nameFr").GetString()));
                Assert.That(figures.Select(row => row["Administration des douanes"]), Does.Contain($"Douane {marker}").And.Contain("Toutes les administrations"));
                Assert.That(figures.Select(row => row["Facteur clé"]), Does.Contain($"RAD-08 {rad08.GetProperty("nameFr").GetString()}").And.Contain("Tous les facteurs clés"));

                var readMe = Sheet(french, "Lisez-moi");
                Assert.That(readMe[0].Keys, Is.EqualTo(new[] { "Rubrique", "Détail" }));
                var lines = readMe.ToDictionary(row => (string)row["Rubrique"]!, row => row["Détail"]);
                Assert.That(lines["Rapport d'avancement"], Is.EqualTo("Anti-Corruption and Integrity Promotion"));
                Assert.That(lines["Premier jour"], Is.EqualTo(new DateTime(2024, 1, 1)));
                Assert.That(lines["Dernier jour"], Is.EqualTo(new DateTime(2025, 12, 31)));
                Assert.That(lines["Période 2024"], Is.EqualTo("Partiellement approuvé"));
                Assert.That(lines[$"Rapport de Douane {marker} pour 2024"], Is.EqualTo("Approuvé"));
                Assert.That(lines[$"Rapport de KRA {marker} pour 2024"], Is.EqualTo("Soumis, en attente d'approbation"), "a preview leaves nothing out, but tells the state");
                Assert.That(lines["Effectif minimal par cellule (personnes)"], Is.EqualTo(1d));
                Assert.That(lines.Keys, Does.Contain("Chiffres").And.Contain("Par administration").And.Contain("Couverture des facteurs clés").And.Contain("Petits effectifs"));

                var coverage = Sheet(french, "Couverture des facteurs clés");
                foreach (var period in new[] { "2024", "2025" })
                foreach (var administration in new[] { administrationA, administrationB })
                {
                    var row = coverage.SingleOrDefault(one => (string?)one["Période"] == period && (string?)one["Administration des douanes"] == $"{(administration == administrationA ? "Douane" : "KRA")} {marker}");
                    if (Expected("modules_delivered", period, administration) == 0) continue;
                    Assert.That(row, Is.Not.Null, $"{period} {Name(administration)}");
                    Assert.That(Convert.ToDecimal(row!["Modules dispensés"], CultureInfo.InvariantCulture), Is.EqualTo(Expected("modules_delivered", period, administration)));
                    Assert.That(Convert.ToDecimal(row[$"RAD-08 {rad08.GetProperty("nameFr").GetString()}"], CultureInfo.InvariantCulture),
                        Is.EqualTo(Expected("modules_delivered", period, administration, keyFactor: "RAD-08")));
                }
            }
            Assert.That(Sheet(english, "Figures")[0].Keys, Does.Contain("Customs administration").And.Contain("Value"));
            Assert.That(Sheet(english, "Figures").Select(row => row["Figure"]), Does.Contain("Officials trained"));
            Assert.That(HeaderIsBold(byHeader), Is.True, "the header row is bold");
        });
        AssertNoPersonalData(string.Join("\n", Sheet(english, "Figures").SelectMany(row => row.Values).Select(value => value?.ToString())));
    }

    /// <summary>Whether the first cell of the figures sheet has a bold font, read from the workbook's styles.</summary>
    private static bool HeaderIsBold(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook));
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XDocument Part(string name)
        {
            using var part = zip.GetEntry(name)!.Open();
            return XDocument.Load(part);
        }
        var styles = Part("xl/styles.xml").Root!;
        var first = Part("xl/worksheets/sheet2.xml").Descendants(main + "c").First();
        var style = styles.Element(main + "cellXfs")!.Elements(main + "xf").ElementAt((int)first.Attribute("s")!);
        var font = styles.Element(main + "fonts")!.Elements(main + "font").ElementAt((int)style.Attribute("fontId")!);
        return font.Element(main + "b") is not null;
    }

    [Test]
    public async Task The_CSV_keeps_its_codes_and_labels_them_in_the_readers_language()
    {
        async Task<(string[] Header, List<string?[]> Rows)> CsvAsync(string query)
        {
            var text = await (await Client.GetAsync(ReportPath(query))).Content.ReadAsStringAsync();
            return ParseCsv(text.TrimStart('\uFEFF'));
        }
        var english = await CsvAsync("?includeUnapproved=true&groupBy=region&format=csv");
        var french = await CsvAsync("?includeUnapproved=true&groupBy=region&format=csv&lang=fr");
        var wca = await ReferenceAsync("regions", "WCA");
        int Column(string name) => Array.IndexOf(french.Header, name);
        Assert.Multiple(() =>
        {
            Assert.That(french.Header, Is.EqualTo(english.Header));
            Assert.That(french.Rows.Select(row => row[..12]), Is.EqualTo(english.Rows.Select(row => row[..12])), "the codes do not depend on the language");
            Assert.That(french.Rows.Where(row => row[Column("region")] == "WCA").Select(row => row[Column("region_label")]).Distinct(),
                Is.EqualTo(new[] { wca.GetProperty("nameFr").GetString() }));
            Assert.That(english.Rows.Where(row => row[Column("region")] == "WCA").Select(row => row[Column("region_label")]).Distinct(),
                Is.EqualTo(new[] { wca.GetProperty("nameEn").GetString() }));
            Assert.That(french.Rows.Where(row => row[Column("figure")] == "officials_trained").Select(row => row[Column("figure_label")]).Distinct(),
                Is.EqualTo(new[] { "Fonctionnaires formés" }));
            Assert.That(french.Rows.Where(row => row[Column("sex")] == "not_recorded").Select(row => row[Column("sex_label")]).Distinct(), Is.EqualTo(new[] { "Non renseigné" }));
            Assert.That(french.Rows.Where(row => row[Column("indicator")] == "1.1").Select(row => row[Column("indicator_label")]).Distinct(),
                Is.EqualTo(new[] { "1.1 Fonctionnaires formés (fonctionnaires)" }));
            Assert.That(french.Rows[0][Column("status_label")], Is.EqualTo("Non appliquée : le personnel voit tous les chiffres"));
            Assert.That(french.Rows.Where(row => row[Column("figure")] == "modules_delivered" && row[Column("key_factor")] is null)
                .Select(row => row[Column("key_factor_label")]).Distinct(), Is.EqualTo(new[] { "Tous les facteurs clés" }));
        });
    }

    /// <summary>A row's dimensions: two rows of a report never share them all.</summary>
    private static (string, string?, string?, string?, string?, string, string?) Dimensions(JsonElement row) =>
        (row.GetProperty("periodId").GetString()!, Text(row, "administrationId"), Text(row, "region"), Text(row, "keyFactor"), Text(row, "sex"),
            row.GetProperty("figure").GetString()!, Text(row, "indicator"));

    [Test]
    public async Task Grouped_views_name_regions_and_administrations_keep_targets_and_repeat_no_row()
    {
        var wca = await ReferenceAsync("regions", "WCA");
        foreach (var groupBy in new[] { "period", "administration", "region", "keyFactor" })
        {
            var preview = await JsonReportAsync(Client, ReportPath($"?includeUnapproved=true&groupBy={groupBy}"));
            var donors = await JsonReportAsync(noradAnalyst, ReportPath($"?groupBy={groupBy}"));
            Assert.Multiple(() =>
            {
                foreach (var report in new[] { preview, donors })
                {
                    var dimensions = report.GetProperty("values").EnumerateArray().Select(Dimensions).ToList();
                    Assert.That(dimensions, Is.Unique, $"{groupBy}: no two rows alike");
                    var regions = report.GetProperty("regions").EnumerateArray().ToDictionary(region => region.GetProperty("code").GetString()!);
                    foreach (var code in report.GetProperty("values").EnumerateArray().Select(row => Text(row, "region")).OfType<string>())
                        Assert.That(regions, Does.ContainKey(code), $"{groupBy}: region {code} is named");
                    var administrations = report.GetProperty("administrations").EnumerateArray().Select(one => one.GetProperty("id").GetGuid()).ToList();
                    foreach (var id in report.GetProperty("values").EnumerateArray().Select(row => Text(row, "administrationId")).OfType<string>())
                        Assert.That(administrations, Does.Contain(Guid.Parse(id)), $"{groupBy}: administration {id} is named");
                }
                Assert.That(Rows(preview).Where(row => row is { Period: "2024", Figure: "indicator_target", Indicator: "1.1", Sex: null, Administration: null, Region: null })
                    .Select(row => row.Value), Is.EqualTo(new[] { 20m }), $"{groupBy}: the programme's target is kept");
                var named = preview.GetProperty("regions").EnumerateArray().Single(region => region.GetProperty("code").GetString() == "WCA");
                Assert.That(named.GetProperty("nameFr").GetString(), Is.EqualTo(wca.GetProperty("nameFr").GetString()));
                Assert.That(named.GetProperty("nameEn").GetString(), Is.EqualTo(wca.GetProperty("nameEn").GetString()));
                Assert.That(preview.GetProperty("administrations").EnumerateArray().Select(one => one.GetProperty("nameFr").GetString()),
                    Is.EquivalentTo(new[] { $"Douane {marker}", $"KRA {marker}" }));
            });
        }
    }

    [Test]
    public async Task No_personal_field_in_any_grouping()
    {
        foreach (var groupBy in new[] { "period", "administration", "region", "keyFactor" })
        {
            var response = await Client.GetAsync(ReportPath($"?includeUnapproved=true&groupBy={groupBy}"));
            AssertNoPersonalData(await response.Content.ReadAsStringAsync());
            AssertNoPersonalData(await (await noradAnalyst.GetAsync(ReportPath($"?groupBy={groupBy}"))).Content.ReadAsStringAsync());
        }
    }

    private void AssertNoPersonalData(string text)
    {
        Assert.That(personalData, Is.Not.Empty);
        foreach (var value in personalData) Assert.That(text, Does.Not.Contain(value), "no personal field");
    }
}
