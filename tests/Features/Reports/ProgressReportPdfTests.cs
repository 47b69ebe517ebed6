using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using UglyToad.PdfPig.Tokens;

namespace Integrity.Tests;

/// <summary>
/// The progress report as PDF, read back with PdfPig. The world: programme P funded by Norad, covering Burkina Faso
/// Customs (A) and Mali Customs (B); a module of key factors RAD-07 and RAD-08 delivered once at a workshop hosted by A
/// in 2024, attended by five women and two men of A; indicator 1.1 (officials trained, target 6); the 2024 reports of A
/// and B approved by Ada Approver, 2025's in progress. With the default small-count rule (5), the two men (and so the
/// five women) are withheld from Norad's analyst.
/// </summary>
public sealed partial class ProgressReportPdfTests(string provider) : ApiOnEachDatabase(provider)
{
    private readonly string marker = Guid.NewGuid().ToString("N")[..8];
    private Guid programme;
    private string programmeCode = null!;
    private string approver = null!;
    private DateTimeOffset approvedAt;
    private HttpClient noradAnalyst = null!;

    [OneTimeSetUp]
    public async Task BuildTheWorld()
    {
        var norad = await CreateAsync("/api/v1/donors", new { code = UniqueCode("NORAD"), name = $"Norad {marker}" });
        var burkina = await CreateAsync("/api/v1/administrations",
            new { countryCode = "BF", regionCode = "WCA", nameEn = $"Burkina Faso Customs {marker}", nameFr = $"Douanes burkinabè {marker}" });
        var mali = await CreateAsync("/api/v1/administrations",
            new { countryCode = "ML", regionCode = "WCA", nameEn = $"Mali Customs {marker}", nameFr = $"Douanes maliennes {marker}" });
        programmeCode = UniqueCode("A-CIP");
        programme = await CreateAsync("/api/v1/programmes", new
        {
            code = programmeCode, name = "Anti-Corruption and Integrity Promotion", startsOn = "2020-01-01", endsOn = "2030-12-31",
            donorIds = new[] { norad }, administrationIds = new[] { burkina, mali },
        });
        var year2024 = await CreateAsync(ResultsApi.Periods(programme), new { label = "2024", startsOn = "2024-01-01", endsOn = "2024-12-31" });
        await CreateAsync(ResultsApi.Periods(programme), new { label = "2025", startsOn = "2025-01-01", endsOn = "2025-12-31" });
        var indicator = await CreateAsync(ResultsApi.Indicators(programme), new
        {
            code = "1.1", titleEn = "Customs officials trained in integrity", titleFr = "Fonctionnaires des douanes formés à l'éthique", unit = "officials",
            measure = "unit", ascending = true, disaggregations = new[] { "sex" }, computedBy = "officials_trained",
        });
        var target = await PutAsync(ResultsApi.Values(programme, indicator, year2024), new { target = 6 }, ifMatch: null);
        Assert.That(target.StatusCode, Is.EqualTo(HttpStatusCode.Created), await target.Content.ReadAsStringAsync());

        await TrainAsync(burkina);

        approver = $"Ada Approver {marker}";
        var email = $"approver-{marker}@results.test";
        await CreateAsync("/api/v1/users", new { email, displayName = approver, role = "administrator", password = "pdf-report-password" });
        using var approving = await App.SignedInClientAsync(email, "pdf-report-password");
        foreach (var administration in new[] { burkina, mali })
        {
            var path = $"{ResultsApi.Periods(programme)}/{year2024}/administrations/{administration}";
            Assert.That((await Client.PostAsync($"{path}/submit", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await approving.PostAsync($"{path}/approve", null)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        var period = await GetJsonAsync($"{ResultsApi.Periods(programme)}/{year2024}");
        approvedAt = period.GetProperty("administrations").EnumerateArray().Select(report => report.GetProperty("approvedAt").GetDateTimeOffset()).Min();

        var issued = await Client.PostAsJsonAsync("/api/v1/api-tokens", new
        {
            donorId = norad, name = "PDF pull", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), await issued.Content.ReadAsStringAsync());
        noradAnalyst = App.AnonymousClient();
        noradAnalyst.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
    }

    [OneTimeTearDown]
    public void SignOut() => noradAnalyst?.Dispose();

    /// <summary>A held workshop hosted by Burkina Faso Customs in March 2024: one session of a RAD-07 and RAD-08 module, five women and two men present.</summary>
    private async Task TrainAsync(Guid burkina)
    {
        var module = await CreateAsync("/api/v1/modules",
            new { code = UniqueCode("MOD"), titleEn = "Integrity in HR", titleFr = "L'éthique dans les RH", hours = 6, keyFactorCodes = new[] { "RAD-07", "RAD-08" } });
        var expert = await CreateAsync("/api/v1/trainers", new { fullName = $"Mariam Diallo {marker}", kind = "wco_expert" });
        var workshop = await CreateAsync("/api/v1/workshops", new
        {
            programmeId = programme, kind = "workshop", title = "Integrity workshop", startsOn = "2024-03-12", endsOn = "2024-03-12",
            hostAdministrationId = burkina, city = "Ouagadougou", language = "fr", status = "held",
        });
        var session = await CreateAsync($"/api/v1/workshops/{workshop}/sessions", new { moduleId = module, heldOn = "2024-03-12", trainerIds = new[] { expert } });
        var present = new List<Guid>();
        foreach (var (sex, i) in Enumerable.Repeat("female", 5).Concat(Enumerable.Repeat("male", 2)).Select((sex, i) => (sex, i)))
        {
            var official = await CreateAsync("/api/v1/participants", new
            {
                familyName = "Ouédraogo", givenNames = $"Official {i} {marker}", sex, administrationId = burkina, service = "operational",
            });
            var enrolled = await Client.PostAsJsonAsync($"/api/v1/workshops/{workshop}/participants", new { participantId = official });
            Assert.That(enrolled.StatusCode, Is.EqualTo(HttpStatusCode.Created), await enrolled.Content.ReadAsStringAsync());
            present.Add(official);
        }
        var attendance = await Client.PutAsJsonAsync($"/api/v1/workshops/{workshop}/sessions/{session}/attendance",
            new { entries = present.Select(participantId => new { participantId, status = "present" }) });
        Assert.That(attendance.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await attendance.Content.ReadAsStringAsync());
    }

    private string ReportPath(string query = "") => $"/api/v1/programmes/{programme}/reports/progress{query}";

    private static async Task<byte[]> PdfAsync(HttpClient client, string path, string? language = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), System.Text.Encoding.UTF8.GetString(bytes));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        return bytes;
    }

    /// <summary>The document's text, page after page, every run of spaces (narrow and no-break ones included) as one space.</summary>
    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Spaces().Replace(string.Join("\n", document.GetPages().Select(page => ContentOrderTextExtractor.GetText(page))), " ");
    }

    [GeneratedRegex(@"[\s\u00a0\u202f]+")]
    private static partial Regex Spaces();

    [Test]
    public async Task Norads_analyst_reads_the_programme_the_periods_the_approvals_and_the_figures_in_English()
    {
        var text = Text(await PdfAsync(noradAnalyst, ReportPath("?format=pdf"), language: "en"));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Progress report"));
            Assert.That(text, Does.Contain("Anti-Corruption and Integrity Promotion"));
            Assert.That(text, Does.Contain(programmeCode));
            Assert.That(text, Does.Contain($"Funded by Norad {marker}"));
            Assert.That(text, Does.Contain("1 January 2024 to 31 December 2024"));
            // The stamp: who approved each administration's 2024 report, and when.
            Assert.That(text, Does.Contain(approver));
            Assert.That(text, Does.Contain(approvedAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))));
            Assert.That(text, Does.Contain($"Burkina Faso Customs {marker}"));
            // 2025 is not approved: both reports are named as left out.
            Assert.That(text, Does.Contain("Not yet approved"));
            Assert.That(text, Does.Contain($"Mali Customs {marker}"));
            // The headline figures: seven officials trained; the two men withheld, and the five women too since the total and
            // the 0 not recorded would reveal them: said so, never a 0 in their place.
            Assert.That(text, Does.Contain("Officials trained 7"));
            Assert.That(text, Does.Contain("Female suppressed"));
            Assert.That(text, Does.Contain("Male suppressed"));
            Assert.That(text, Does.Contain("fewer than 5 people is withheld and shown as “suppressed”: it is not zero"));
            // The indicator against its target, and the key factor coverage of the module delivered.
            Assert.That(text, Does.Contain("1.1 Customs officials trained in integrity"));
            Assert.That(text, Does.Contain("Target 6"));
            Assert.That(text, Does.Contain("Actual 7"));
            Assert.That(text, Does.Contain("RAD-07 Code of Conduct 1"));
            Assert.That(text, Does.Contain("RAD-08 Human Resource Management 1"));
        });
    }

    [Test]
    public async Task In_French_the_labels_the_names_and_the_dates_are_French()
    {
        var text = Text(await PdfAsync(noradAnalyst, ReportPath("?format=pdf"), language: "fr"));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("Rapport d'avancement"));
            Assert.That(text, Does.Contain($"Financé par Norad {marker}"));
            Assert.That(text, Does.Contain("du 1 janvier 2024 au 31 décembre 2024"));
            Assert.That(text, Does.Contain(approver));
            Assert.That(text, Does.Contain(approvedAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("fr"))));
            Assert.That(text, Does.Contain($"Douanes burkinabè {marker}"));
            Assert.That(text, Does.Contain("Pas encore approuvé"));
            Assert.That(text, Does.Contain("masqué"));
            Assert.That(text, Does.Not.Contain("suppressed"));
            Assert.That(text, Does.Contain("1.1 Fonctionnaires des douanes formés à l'éthique"));
            Assert.That(text, Does.Contain("Cible 6"));
            Assert.That(text, Does.Contain("RAD-07 Code de conduite 1"));
        });
    }

    [Test]
    public async Task Accept_application_pdf_chooses_the_pdf_and_names_the_file()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ReportPath());
        request.Headers.Accept.ParseAdd("application/pdf");
        using var response = await noradAnalyst.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName, Is.EqualTo($"{programmeCode}-progress-report.pdf"));
        });
        Assert.That(Text(await response.Content.ReadAsByteArrayAsync()), Does.Contain(approver));
    }

    [Test]
    public async Task Every_font_of_the_document_is_embedded()
    {
        using var document = PdfDocument.Open(await PdfAsync(noradAnalyst, ReportPath("?format=pdf"), language: "fr"));
        var descriptors = document.Structure.CrossReferenceTable.ObjectOffsets.Keys
            .Select(key => document.Structure.GetObject(key).Data)
            .OfType<DictionaryToken>()
            .Where(dictionary => dictionary.TryGet(NameToken.Type, out NameToken type) && type == NameToken.FontDescriptor)
            .ToList();
        var letters = document.GetPages().SelectMany(page => page.Letters).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(descriptors, Is.Not.Empty);
            Assert.That(descriptors, Has.All.Matches<DictionaryToken>(descriptor => descriptor.ContainsKey(NameToken.FontFile2)),
                "a font without its font program would be drawn with whatever the reader's machine has");
            Assert.That(letters.Select(letter => letter.FontName).Distinct(), Has.All.Contains("DejaVu Sans"));
        });
    }

    [Test]
    public async Task Staff_are_told_their_copy_shows_small_counts_and_a_preview_says_it_is_one()
    {
        var approved = Text(await PdfAsync(Client, ReportPath("?format=pdf"), language: "en"));
        var preview = Text(await PdfAsync(Client, ReportPath("?format=pdf&includeUnapproved=true"), language: "en"));
        Assert.Multiple(() =>
        {
            Assert.That(approved, Does.Contain("Staff copy: small counts (fewer than 5 people) are shown."));
            Assert.That(approved, Does.Contain("Male 2"));
            Assert.That(approved, Does.Not.Contain("Preview"));
            Assert.That(preview, Does.Contain("Preview: this document includes figures not yet approved."));
        });
    }

    [Test]
    public async Task The_pdf_answers_as_the_report_does_to_those_who_may_not_read_it()
    {
        using var trainer = await TrainingAccounts.SignInAsync(App, Client, "trainer");
        using var otherDonor = await TrainingAccounts.DonorTokenClientAsync(App, Client);
        await ProblemAsync(await trainer.GetAsync(ReportPath("?format=pdf")), 403);
        await ProblemAsync(await otherDonor.GetAsync(ReportPath("?format=pdf")), 404);
        await ProblemAsync(await noradAnalyst.GetAsync(ReportPath("?format=pdf&includeUnapproved=true")), 403);
        await ProblemAsync(await noradAnalyst.GetAsync(ReportPath("?format=docx")), 400);
    }
}
