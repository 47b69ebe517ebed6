using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Integrity.Tests;

/// <summary>
/// The IATI 2.03 activity file of a programme. The world, built through the API: programme P (Norad with its IATI
/// identifier, and Canada without one) covering Burkina Faso and Mali; a held workshop in 2024 hosted in Burkina Faso
/// with officials of both, and one in 2025 in Mali; indicators computed and entered; reporting periods 2024
/// (approved for both administrations) and 2025 (submitted for Burkina Faso, in progress for Mali). Programme Q is
/// Sida's. Files are validated with .NET's own XSD validation against the repository's iati-2.03 folder (the official
/// 2.03 schema), and their codes checked against its codelists.
/// </summary>
public sealed class IatiExportTests(string provider) : ApiOnEachDatabase(provider)
{
    // Its officials are a handful per cell: suppression of small counts is ApprovedFiguresTests' subject, not this fixture's.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Reporting:MinimumCellSize"] = "1" };

    private static readonly string IatiFolder = Path.Combine(RepositoryRoot.Path, "iati-2.03");
    private const string Password = "iati-export-password";
    private const string NoradRef = "NO-BRC-971277882";
    private const string ReportingOrgRef = ApiFactory.IatiReportingOrgRef;

    private readonly string marker = Guid.NewGuid().ToString("N")[..8];
    private readonly List<Attendance> attended = [];
    private readonly List<string> personalData = [];
    private Guid norad;
    private Guid sida;
    private Guid burkina;
    private Guid mali;
    private Guid programme;
    private string programmeCode = null!;
    private Guid sidaProgramme;
    private Guid trained;
    private Guid entered;
    private HttpClient noradAnalyst = null!;
    private HttpClient coordinatorOfBurkina = null!;
    private XDocument donorFile = null!;

    /// <summary>Someone at a session, as the records say: whom the independent counts are made from.</summary>
    private sealed record Attendance(Guid Participant, Guid Administration, string Sex, int Year, string Status);

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        norad = await CreateAsync("/api/v1/donors", new { code = UniqueCode("NORAD"), name = "Norad", iatiOrganisationId = NoradRef });
        var canada = await CreateAsync("/api/v1/donors", new { code = UniqueCode("GAC"), name = "Global Affairs Canada" });
        sida = await CreateAsync("/api/v1/donors", new { code = UniqueCode("SIDA"), name = "Sida", iatiOrganisationId = "SE-0" });
        burkina = await CreateAsync("/api/v1/administrations", new { countryCode = "BF", regionCode = "WCA", nameEn = $"Burkina Faso Customs {marker}", nameFr = $"Douane burkinabè {marker}" });
        mali = await CreateAsync("/api/v1/administrations", new { countryCode = "ML", regionCode = "WCA", nameEn = $"Mali Customs {marker}", nameFr = $"Douanes maliennes {marker}" });
        programmeCode = UniqueCode("A-CIP");
        programme = await ProgrammeAsync(programmeCode, "2020-01-01", "2030-12-31", [norad, canada], [burkina, mali]);
        sidaProgramme = await ProgrammeAsync(UniqueCode("WACAM"), "2020-01-01", "2030-12-31", [sida], [burkina]);

        await TrainAsync();
        var (first, second) = (await PeriodAsync("2024"), await PeriodAsync("2025"));
        trained = await CreateAsync(Indicators, new
        {
            code = "1.1", titleEn = "Customs officials trained in integrity", titleFr = "Fonctionnaires des douanes formés à l'éthique",
            unit = "officials", measure = "unit", ascending = true, disaggregations = new[] { "sex", "administration" }, computedBy = "officials_trained",
        });
        entered = await IndicatorAsync("2.1", "unit", "sex", "administration");
        await IndicatorAsync("3.1", "qualitative");
        await IndicatorAsync("4.1", "unit", "sex");

        await ValuesAsync(trained, first, new { disaggregations = new object[] { new { administrationId = burkina, target = 10 }, new { administrationId = burkina, sex = "female", target = 5 } } });
        await ValuesAsync(entered, first, new
        {
            target = 25, actual = 22,
            disaggregations = new object[]
            {
                new { administrationId = burkina, target = 20, actual = 18 },
                new { administrationId = burkina, sex = "female", target = 10, actual = 9 },
                new { administrationId = mali, target = 5, actual = 4 },
            },
        });
        await ValuesAsync(entered, second, new { disaggregations = new object[] { new { administrationId = burkina, target = 30, actual = 12 } } });
        foreach (var administration in new[] { burkina, mali })
        {
            await ReportAsync(first, administration, "submit");
            await ReportAsync(first, administration, "approve");
        }
        await ReportAsync(second, burkina, "submit");

        noradAnalyst = await DonorTokenAsync(norad);
        coordinatorOfBurkina = await AccountAsync("coordinator", $"Aïssata Coulibaly {marker}", administrationIds: [burkina]);
        donorFile = await FileAsync(noradAnalyst, programme);
    }

    [OneTimeTearDown]
    public void SignOut()
    {
        noradAnalyst?.Dispose();
        coordinatorOfBurkina?.Dispose();
    }

    private string Indicators => $"/api/v1/programmes/{programme}/indicators";

    private Task<Guid> ProgrammeAsync(string code, string startsOn, string endsOn, Guid[] donorIds, Guid[] administrationIds) =>
        CreateAsync("/api/v1/programmes", new { code, name = "Anti-Corruption and Integrity Promotion", startsOn, endsOn, donorIds, administrationIds });

    private Task<Guid> PeriodAsync(string year) =>
        CreateAsync($"/api/v1/programmes/{programme}/periods", new { label = year, startsOn = $"{year}-01-01", endsOn = $"{year}-12-31" });

    private Task<Guid> IndicatorAsync(string code, string measure, params string[] disaggregations) => CreateAsync(Indicators, new
    {
        code, titleEn = $"Indicator {code}", titleFr = $"Indicateur {code}", unit = "officials", measure, ascending = true, disaggregations,
    });

    private async Task ValuesAsync(Guid indicator, Guid period, object values)
    {
        var response = await PutAsync($"{Indicators}/{indicator}/values/{period}", values, ifMatch: null);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    private Task ReportAsync(Guid period, Guid administration, string transition) =>
        ResultsApi.MoveReportAsync(Client, programme, period, administration, transition);

    /// <summary>
    /// 2024: a workshop hosted in Burkina Faso with Mali taking part, two days; 2025: one in Mali. Absent and excused
    /// officials, and one present at both days, test what counts.
    /// </summary>
    private async Task TrainAsync()
    {
        var module = await CreateAsync("/api/v1/modules", new
        {
            code = UniqueCode("RAD"), titleEn = "The Revised Arusha Declaration in practice", titleFr = "La Déclaration d'Arusha révisée en pratique",
            hours = 6, keyFactorCodes = new[] { "RAD-07" },
        });
        var trainerName = $"Mariam Diallo {marker}";
        personalData.Add(trainerName);
        var trainer = await CreateAsync("/api/v1/trainers", new { fullName = trainerName, kind = "wco_expert" });

        var bamako = await WorkshopAsync("2024-03-12", "2024-03-13", burkina, [mali]);
        var dayOne = await CreateAsync($"/api/v1/workshops/{bamako}/sessions", new { moduleId = module, heldOn = "2024-03-12", trainerIds = new[] { trainer } });
        var dayTwo = await CreateAsync($"/api/v1/workshops/{bamako}/sessions", new { moduleId = module, heldOn = "2024-03-13", trainerIds = new[] { trainer } });
        var aminata = await EnrolAsync(bamako, "Ouédraogo", "Aminata", burkina, "female");
        var salimata = await EnrolAsync(bamako, "Sawadogo", "Salimata", burkina, "female");
        var issa = await EnrolAsync(bamako, "Zongo", "Issa", burkina, "male");
        var unrecorded = await EnrolAsync(bamako, "Kaboré", "Yann", burkina, "not_recorded");
        var absent = await EnrolAsync(bamako, "Compaoré", "Paul", burkina, "male");
        var moussa = await EnrolAsync(bamako, "Traoré", "Moussa", mali, "male");
        await AttendAsync(bamako, dayOne, 2024, (aminata, burkina, "female", "present"), (issa, burkina, "male", "present"),
            (unrecorded, burkina, "not_recorded", "late"), (absent, burkina, "male", "absent"), (moussa, mali, "male", "present"), (salimata, burkina, "female", "excused"));
        await AttendAsync(bamako, dayTwo, 2024, (aminata, burkina, "female", "present"), (salimata, burkina, "female", "late"), (absent, burkina, "male", "excused"));

        var segou = await WorkshopAsync("2025-06-10", "2025-06-10", mali, []);
        var day = await CreateAsync($"/api/v1/workshops/{segou}/sessions", new { moduleId = module, heldOn = "2025-06-10", trainerIds = new[] { trainer } });
        await AttendAsync(segou, day, 2025, (await EnrolAsync(segou, "Keïta", "Fatoumata", mali, "female"), mali, "female", "present"),
            (await EnrolAsync(segou, "Coulibaly", "Bakary", mali, "male"), mali, "male", "present"));
    }

    private Task<Guid> WorkshopAsync(string startsOn, string endsOn, Guid host, Guid[] administrationIds) => CreateAsync("/api/v1/workshops", new
    {
        programmeId = programme, kind = "workshop", title = "The Revised Arusha Declaration in practice", startsOn, endsOn,
        hostAdministrationId = host, city = "Ouagadougou", language = "fr", status = "held", administrationIds,
    });

    private async Task<Guid> EnrolAsync(Guid workshop, string familyName, string givenNames, Guid administrationId, string sex)
    {
        var email = $"{givenNames.ToLowerInvariant()}.{marker}@douanes.test";
        personalData.AddRange([$"{givenNames} {marker}", familyName, email]);
        return await CreateAsync($"/api/v1/workshops/{workshop}/participants", new
        {
            familyName, givenNames = $"{givenNames} {marker}", sex, administrationId, service = "operational", email, staffNumber = $"M-{marker}-{givenNames}",
        });
    }

    private async Task AttendAsync(Guid workshop, Guid session, int year, params (Guid participant, Guid administration, string sex, string status)[] entries)
    {
        var response = await Client.PutAsJsonAsync($"/api/v1/workshops/{workshop}/sessions/{session}/attendance",
            new { entries = entries.Select(entry => new { participantId = entry.participant, entry.status }) });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        attended.AddRange(entries.Select(entry => new Attendance(entry.participant, entry.administration, entry.sex, year, entry.status)));
    }

    /// <summary>An API token of the donor, as its analyst's script holds it.</summary>
    private Task<HttpClient> DonorTokenAsync(Guid donorId) => DonorTokens.ClientAsync(App, Client, donorId, "IATI pull");

    private async Task<HttpClient> AccountAsync(string role, string displayName, Guid? donorId = null, Guid[]? administrationIds = null)
    {
        var email = $"{role}-{Guid.NewGuid():N}@iati.test";
        personalData.AddRange([displayName, email]);
        await CreateAsync("/api/v1/users", new { email, displayName, role, password = Password, donorId, administrationIds });
        return await App.SignedInClientAsync(email, Password);
    }

    private static string IatiPath(Guid programmeId, bool preview = false) =>
        $"/api/v1/programmes/{programmeId}/iati{(preview ? "?includeUnapproved=true" : "")}";

    /// <summary>The file, checked to be XML that validates against the IATI schema; every error the validation finds fails the test.</summary>
    private static async Task<XDocument> FileAsync(HttpClient client, Guid programmeId, bool preview = false)
    {
        using var response = await client.GetAsync(IatiPath(programmeId, preview));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
        });
        Assert.That(SchemaErrors(text), Is.Empty, text);
        return XDocument.Parse(text);
    }

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(IatiFolder, "iati-activities-schema.xsd"));
        schemas.Compile();
        return schemas;
    });

    private static List<string> SchemaErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, error) => errors.Add($"line {error.Exception.LineNumber}: {error.Severity} {error.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read()) { }
        return errors;
    }

    /// <summary>The active codes of one of IATI's codelists.</summary>
    private static HashSet<string> Codelist(string name) =>
        XDocument.Load(Path.Combine(IatiFolder, "codelists", $"{name}.xml")).Descendants("codelist-item")
            .Where(item => (string?)item.Attribute("status") != "withdrawn")
            .Select(item => item.Element("code")!.Value.Trim()).ToHashSet(StringComparer.Ordinal);

    /// <summary>Which codelist each coded attribute of the file draws from.</summary>
    private static readonly (string Element, XName Attribute, string Codelist)[] CodedAttributes =
    [
        ("iati-activity", XNamespace.Xml + "lang", "Language"),
        ("narrative", XNamespace.Xml + "lang", "Language"),
        ("reporting-org", "type", "OrganisationType"),
        ("participating-org", "type", "OrganisationType"),
        ("participating-org", "role", "OrganisationRole"),
        ("description", "type", "DescriptionType"),
        ("activity-status", "code", "ActivityStatus"),
        ("activity-date", "type", "ActivityDateType"),
        ("activity-scope", "code", "ActivityScope"),
        ("recipient-country", "code", "Country"),
        ("sector", "code", "Sector"),
        ("sector", "vocabulary", "SectorVocabulary"),
        ("result", "type", "ResultType"),
        ("indicator", "measure", "IndicatorMeasure"),
    ];

    private static IEnumerable<XElement> Activities(XDocument file) => file.Root!.Elements("iati-activity");

    private XElement Activity(XDocument file, string countryCode) =>
        Activities(file).Single(activity => activity.Element("iati-identifier")!.Value == $"{ReportingOrgRef}-{programmeCode}-{countryCode}");

    private static XElement Indicator(XElement activity, string titleEn) =>
        activity.Elements("result").Elements("indicator").Single(indicator => Narrative(indicator.Element("title")!, "en") == titleEn);

    private static string? Narrative(XElement element, string language) =>
        element.Elements("narrative").SingleOrDefault(narrative => (string?)narrative.Attribute(XNamespace.Xml + "lang") == language)?.Value;

    private static XElement? Period(XElement indicator, string year) =>
        indicator.Elements("period").SingleOrDefault(period => (string?)period.Element("period-start")!.Attribute("iso-date") == $"{year}-01-01");

    /// <summary>The figures of a period's targets or actuals, by dimension ("" for the administration's own, "sex=female" …).</summary>
    private static Dictionary<string, decimal> Figures(XElement period, string kind) =>
        period.Elements(kind).ToDictionary(
            figure => string.Join(",", figure.Elements("dimension").Select(dimension => $"{(string?)dimension.Attribute("name")}={(string?)dimension.Attribute("value")}")),
            figure => decimal.Parse((string)figure.Attribute("value")!, CultureInfo.InvariantCulture));

    [Test]
    public async Task Every_file_validates_against_the_IATI_schema_and_every_code_is_in_its_codelist()
    {
        var files = new[]
        {
            donorFile, await FileAsync(Client, programme), await FileAsync(Client, programme, preview: true),
            await FileAsync(coordinatorOfBurkina, programme, preview: true),
        };
        var codelists = CodedAttributes.Select(coded => coded.Codelist).Distinct().ToDictionary(name => name, Codelist);
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                Assert.That(file.Root!.Name.LocalName, Is.EqualTo("iati-activities"));
                Assert.That((string?)file.Root.Attribute("version"), Is.EqualTo("2.03"));
                foreach (var (element, attribute, codelist) in CodedAttributes)
                    foreach (var value in file.Descendants(element).Select(found => (string?)found.Attribute(attribute)).OfType<string>())
                        Assert.That(codelists[codelist], Does.Contain(value), $"{element}/@{attribute} '{value}' is not in {codelist}.xml");
            }
            Assert.That(donorFile.Descendants("indicator").Select(indicator => (string?)indicator.Attribute("measure")), Is.All.Not.Null);
            var broken = new XDocument(donorFile);
            broken.Descendants("activity-status").First().Remove();
            Assert.That(SchemaErrors(broken.ToString()), Is.Not.Empty, "the validation refuses a file that lacks a required element");
            Assert.That(donorFile.Descendants("narrative").Select(narrative => (string?)narrative.Attribute(XNamespace.Xml + "lang")).Distinct(),
                Is.SupersetOf(new[] { "en", "fr" }), "English and French narratives");
        });
    }

    [Test]
    public void There_is_one_activity_per_country_project_with_its_organisations_status_dates_country_and_sector()
    {
        Assert.That(Activities(donorFile).Select(activity => activity.Element("iati-identifier")!.Value),
            Is.EqualTo(new[] { $"{ReportingOrgRef}-{programmeCode}-BF", $"{ReportingOrgRef}-{programmeCode}-ML" }), "by country, identified from the reporting organisation's");
        var burkinaFaso = Activity(donorFile, "BF");
        var funding = burkinaFaso.Elements("participating-org").Where(org => (string?)org.Attribute("role") == "1").ToList();
        var implementing = burkinaFaso.Elements("participating-org").Where(org => (string?)org.Attribute("role") == "4").ToList();
        Assert.Multiple(() =>
        {
            var reporting = burkinaFaso.Element("reporting-org")!;
            Assert.That((string?)reporting.Attribute("ref"), Is.EqualTo(ReportingOrgRef));
            Assert.That((string?)reporting.Attribute("type"), Is.EqualTo("40"));
            Assert.That(Narrative(reporting, "fr"), Is.EqualTo("Organisation mondiale des douanes"));
            Assert.That(Narrative(burkinaFaso.Element("title")!, "en"), Does.Contain($"Burkina Faso Customs {marker}").And.Contain(programmeCode));
            Assert.That(Narrative(burkinaFaso.Element("title")!, "fr"), Does.Contain($"Douane burkinabè {marker}"));
            Assert.That(Narrative(burkinaFaso.Element("description")!, "fr"), Does.Contain("Burkina Faso").And.Contain("2020-01-01").And.Contain("Norad"));

            Assert.That(funding.Select(org => org.Element("narrative")!.Value), Is.EqualTo(new[] { "Global Affairs Canada", "Norad" }));
            Assert.That(funding.Select(org => (string?)org.Attribute("ref")), Is.EqualTo(new[] { null, NoradRef }), "the identifier where the donor has one");
            Assert.That(implementing.Select(org => (string?)org.Attribute("ref")), Is.EqualTo(new[] { ReportingOrgRef, null }));
            Assert.That(Narrative(implementing[1], "en"), Is.EqualTo($"Burkina Faso Customs {marker}"));

            Assert.That((string?)burkinaFaso.Element("activity-status")!.Attribute("code"), Is.EqualTo("2"), "2020 to 2030: in implementation");
            Assert.That(burkinaFaso.Elements("activity-date").Select(date => $"{(string?)date.Attribute("type")} {(string?)date.Attribute("iso-date")}"),
                Is.EqualTo(new[] { "1 2020-01-01", "2 2020-01-01", "3 2030-12-31" }), "no actual end before it ends");
            Assert.That((string?)burkinaFaso.Element("recipient-country")!.Attribute("code"), Is.EqualTo("BF"));
            Assert.That((string?)Activity(donorFile, "ML").Element("recipient-country")!.Attribute("code"), Is.EqualTo("ML"));
            var sector = burkinaFaso.Element("sector")!;
            Assert.That(((string?)sector.Attribute("vocabulary"), (string?)sector.Attribute("code")), Is.EqualTo(("1", "15113")));
        });
    }

    [Test]
    public void The_figures_are_those_the_records_give_per_administration()
    {
        // Distinct officials present or late at a session of the year, by administration and sex: counted here from what was recorded.
        Dictionary<string, decimal> Trained(Guid administration, int year)
        {
            var people = attended.Where(a => a.Administration == administration && a.Year == year && a.Status is "present" or "late")
                .DistinctBy(a => a.Participant).ToList();
            var figures = new Dictionary<string, decimal> { [""] = people.Count };
            foreach (var sex in new[] { "female", "male", "not_recorded" }) figures[$"sex={sex}"] = people.Count(a => a.Sex == sex);
            return figures;
        }

        var burkinaFaso = Activity(donorFile, "BF");
        var computed2024 = Period(Indicator(burkinaFaso, "Customs officials trained in integrity"), "2024")!;
        var malian2024 = Period(Indicator(Activity(donorFile, "ML"), "Customs officials trained in integrity"), "2024")!;
        var entered2024 = Period(Indicator(burkinaFaso, "Indicator 2.1"), "2024")!;
        Assert.Multiple(() =>
        {
            Assert.That(Figures(computed2024, "actual"), Is.EqualTo(Trained(burkina, 2024)));
            Assert.That(Figures(computed2024, "actual")[""], Is.EqualTo(4), "Aminata, Salimata (late on day two), Issa, Yann; not Paul, absent then excused");
            Assert.That(Figures(computed2024, "actual").Where(figure => figure.Key != "").Sum(figure => figure.Value), Is.EqualTo(Figures(computed2024, "actual")[""]),
                "female, male and not_recorded add up to the total");
            Assert.That(Figures(computed2024, "target"), Is.EqualTo(new Dictionary<string, decimal> { [""] = 10, ["sex=female"] = 5 }));
            Assert.That(Figures(malian2024, "actual"), Is.EqualTo(Trained(mali, 2024)), "Moussa of Mali, at the workshop hosted in Burkina Faso");

            Assert.That(Figures(entered2024, "target"), Is.EqualTo(new Dictionary<string, decimal> { [""] = 20, ["sex=female"] = 10 }));
            Assert.That(Figures(entered2024, "actual"), Is.EqualTo(new Dictionary<string, decimal> { [""] = 18, ["sex=female"] = 9 }));
            Assert.That(Figures(Period(Indicator(Activity(donorFile, "ML"), "Indicator 2.1"), "2024")!, "actual"), Is.EqualTo(new Dictionary<string, decimal> { [""] = 4 }));
            Assert.That(donorFile.Descendants("target").Select(target => (string?)target.Attribute("value")), Does.Not.Contain("25"),
                "the programme-wide total belongs to no country project");
            Assert.That(burkinaFaso.Descendants("indicator").Select(indicator => Narrative(indicator.Element("title")!, "en")),
                Is.EqualTo(new[] { "Customs officials trained in integrity", "Indicator 2.1" }),
                "a qualitative indicator, and one not broken down by administration, have no figures per country project");
            Assert.That(Indicator(burkinaFaso, "Customs officials trained in integrity").Parent!.Attribute("type")!.Value, Is.EqualTo("1"), "officials trained: an output");
            Assert.That((string?)Indicator(burkinaFaso, "Indicator 2.1").Attribute("measure"), Is.EqualTo("1"));
        });
    }

    [Test]
    public async Task A_donor_gets_approved_periods_only_and_a_coordinator_may_preview_the_rest()
    {
        var preview = await FileAsync(coordinatorOfBurkina, programme, preview: true);
        var everything = await FileAsync(Client, programme, preview: true);
        var coordinators = await FileAsync(coordinatorOfBurkina, programme);
        Assert.Multiple(() =>
        {
            Assert.That(donorFile.Descendants("period-start").Select(start => (string?)start.Attribute("iso-date")).Distinct(), Is.EqualTo(new[] { "2024-01-01" }),
                "2025 is submitted for Burkina Faso and in progress for Mali: not approved");
            Assert.That(Activities(preview).Select(activity => activity.Element("recipient-country")!.Attribute("code")!.Value), Is.EqualTo(new[] { "BF" }),
                "a coordinator of Burkina Faso sees its country project only");
            Assert.That(Figures(Period(Indicator(Activity(preview, "BF"), "Indicator 2.1"), "2025")!, "actual"), Is.EqualTo(new Dictionary<string, decimal> { [""] = 12 }));
            Assert.That(Period(Indicator(Activity(coordinators, "BF"), "Indicator 2.1"), "2025"), Is.Null, "without the flag, approved periods only");
            Assert.That(Figures(Period(Indicator(Activity(everything, "ML"), "Customs officials trained in integrity"), "2025")!, "actual"),
                Is.EqualTo(new Dictionary<string, decimal> { [""] = 2, ["sex=female"] = 1, ["sex=male"] = 1, ["sex=not_recorded"] = 0 }));
            Assert.That(everything.DescendantNodes().OfType<XComment>().Single().Value, Does.Contain("not yet approved"));
        });

        var unreadable = await ProblemAsync(await coordinatorOfBurkina.GetAsync($"/api/v1/programmes/{programme}/iati?includeUnapproved=maybe"), 400);
        Assert.That(unreadable.GetProperty("errors").TryGetProperty("includeUnapproved", out _), Is.True, unreadable.ToString());
        var refused = await ProblemAsync(await noradAnalyst.GetAsync(IatiPath(programme, preview: true)), 403);
        Assert.That(refused.GetProperty("detail").GetString(), Does.Contain("approved"));
        using var trainer = await AccountAsync("trainer", $"Wendy Trainer {marker}");
        await ProblemAsync(await trainer.GetAsync(IatiPath(programme)), 403);
    }

    [Test]
    public async Task Another_donors_programme_is_404_whether_by_token_or_by_account()
    {
        using var sidaAccount = await AccountAsync("donor", $"Ingrid Halvorsen {marker}", donorId: sida);
        await ProblemAsync(await noradAnalyst.GetAsync(IatiPath(sidaProgramme)), 404);
        await ProblemAsync(await sidaAccount.GetAsync(IatiPath(programme)), 404);
        await ProblemAsync(await noradAnalyst.GetAsync(IatiPath(Guid.CreateVersion7())), 404);
        var own = await FileAsync(sidaAccount, sidaProgramme);
        Assert.That(Activities(own).Single().Element("participating-org")!.Attribute("ref")!.Value, Is.EqualTo("SE-0"), "a donor account reads its own programme");
    }

    [Test]
    public void No_personal_data_is_in_the_file()
    {
        var text = donorFile.ToString();
        Assert.That(personalData, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var personal in personalData)
                Assert.That(text, Does.Not.Contain(personal), "names of participants, trainers and accounts, e-mails");
            Assert.That(text, Does.Not.Contain($"M-{marker}"), "staff numbers");
        });
    }

    [Test]
    public async Task Status_and_actual_dates_follow_the_programme_period_and_today()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ended = await ProgrammeAsync(UniqueCode("ENDED"), "2016-01-01", "2019-12-31", [norad], [burkina]);
        var future = await ProgrammeAsync(UniqueCode("NEXT"), today.AddYears(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            today.AddYears(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), [norad], [burkina]);
        var endedActivity = Activities(await FileAsync(noradAnalyst, ended)).Single();
        var futureActivity = Activities(await FileAsync(noradAnalyst, future)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((string?)endedActivity.Element("activity-status")!.Attribute("code"), Is.EqualTo("3"), "ended: finalisation");
            Assert.That(endedActivity.Elements("activity-date").Select(date => (string?)date.Attribute("type")), Is.EqualTo(new[] { "1", "2", "3", "4" }));
            Assert.That((string?)futureActivity.Element("activity-status")!.Attribute("code"), Is.EqualTo("1"), "not started: pipeline");
            Assert.That(futureActivity.Elements("activity-date").Select(date => (string?)date.Attribute("type")), Is.EqualTo(new[] { "1", "3" }), "no actual date in the future");
            Assert.That(futureActivity.Elements("result"), Is.Empty, "no indicators");
        });
    }

    [Test]
    public async Task A_character_XML_cannot_carry_in_a_name_does_not_break_the_file()
    {
        var donor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("BELL"), name = "Bell\u0007 Foundation 😀" });
        var funded = await ProgrammeAsync(UniqueCode("BELL"), "2024-01-01", "2026-12-31", [donor], [mali]);
        var file = await FileAsync(Client, funded);
        Assert.That(Activities(file).Single().Element("participating-org")!.Element("narrative")!.Value, Is.EqualTo("Bell\uFFFD Foundation 😀"));
    }

    [Test]
    public async Task Missing_data_is_a_422_listing_each_record_what_it_lacks_and_what_to_do()
    {
        var code = UniqueCode("EMPTY");
        var empty = await ProgrammeAsync(code, "2024-01-01", "2026-12-31", [norad], []);
        var problem = await ProblemAsync(await noradAnalyst.GetAsync(IatiPath(empty)), 422);
        var missing = problem.GetProperty("missing").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(missing.Select(entry => entry.GetProperty("record").GetString()), Is.EqualTo(new[] { $"programme {code}" }));
            Assert.That(missing[0].GetProperty("lacks").GetString(), Does.Contain("no administration"));
            Assert.That(missing[0].GetProperty("remedy").GetString(), Does.Contain($"PUT /api/v1/programmes/{empty}"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(code));
        });

        // A server whose reporting organisation is misconfigured says so too, rather than sending a file IATI would refuse.
        await using var misconfigured = new ApiFactory(App.Database, new Dictionary<string, string?>
        {
            ["Iati:ReportingOrgRef"] = "W C O", ["Iati:ReportingOrgType"] = "99",
        });
        using var administrator = await misconfigured.SignedInClientAsync();
        var both = await ProblemAsync(await administrator.GetAsync(IatiPath(empty)), 422);
        Assert.That(both.GetProperty("missing").EnumerateArray().Select(entry => entry.GetProperty("record").GetString()),
            Is.EqualTo(new[] { "configuration Iati:ReportingOrgRef", "configuration Iati:ReportingOrgType", $"programme {code}" }));
        await ProblemAsync(await administrator.GetAsync(IatiPath(programme)), 422);
    }
    [Test]
    public async Task Outside_Development_the_placeholder_identifier_is_refused_saying_what_to_set_in_English_and_French()
    {
        await using var placeholder = new ApiFactory(App.Database, new Dictionary<string, string?> { ["Iati:ReportingOrgRef"] = "XI-IATI-WCO" });
        using var administrator = await placeholder.SignedInClientAsync();
        var english = await ProblemAsync(await administrator.GetAsync(IatiPath(programme)), 422);
        var entry = english.GetProperty("missing").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(entry.GetProperty("record").GetString(), Is.EqualTo("configuration Iati:ReportingOrgRef"));
            Assert.That(entry.GetProperty("lacks").GetString(), Does.Contain("'XI-IATI-WCO' is the placeholder"));
            Assert.That(entry.GetProperty("remedy").GetString(), Does.Contain("Iati__ReportingOrgRef").And.Contain("registered with IATI"));
        });

        using var inFrench = new HttpRequestMessage(HttpMethod.Get, IatiPath(programme));
        inFrench.Headers.AcceptLanguage.ParseAdd("fr");
        var french = await ProblemAsync(await administrator.SendAsync(inFrench), 422);
        Assert.That(french.GetProperty("detail").GetString(), Does.Contain("identifiant provisoire").And.Contain("Iati__ReportingOrgRef"));
    }

    [Test]
    public async Task In_Development_the_placeholder_identifier_may_be_tried()
    {
        await using var development = new ApiFactory(App.Database, new Dictionary<string, string?>
        {
            ["environment"] = "Development", ["Iati:ReportingOrgRef"] = "XI-IATI-WCO",
        });
        using var administrator = await development.SignedInClientAsync();
        var file = await FileAsync(administrator, programme);
        Assert.That(Activities(file).Select(activity => (string?)activity.Element("reporting-org")!.Attribute("ref")).Distinct(), Is.EqualTo(new[] { "XI-IATI-WCO" }));
    }

    [Test]
    public void Units_are_in_French_in_the_French_narratives()
    {
        var description = Indicator(Activity(donorFile, "BF"), "Customs officials trained in integrity").Element("description")!;
        Assert.Multiple(() =>
        {
            Assert.That(Narrative(description, "en"), Does.StartWith("Unit: officials."));
            Assert.That(Narrative(description, "fr"), Does.StartWith("Unité : fonctionnaires."));
        });
    }
}
