using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Integrity.Tests;

/// <summary>
/// Attendance sheets as French Excel makes them: encodings, separators, .xlsx with a title row and date cells,
/// attendance marks, administrations written as people write them, every problem of a row, the preview, the
/// caller's choices, the template and French messages. Workshops are hosted by A (Burkina Faso).
/// </summary>
public sealed class AttendanceSheetFormatsTests(string provider) : TrainingRecordsWorld(provider)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static AttendanceSheetFormatsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Windows1252 => Encoding.GetEncoding(1252);

    private async Task<HttpResponseMessage> UploadAsync(Guid workshopId, byte[] sheet, string contentType = "text/csv", string query = "",
        string? language = null, bool preview = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Participants(workshopId)}/import{(preview ? "/preview" : "")}{query}")
        {
            Content = new ByteArrayContent(sheet),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await Client.SendAsync(request);
    }

    private async Task<JsonElement> ImportAsync(Guid workshopId, byte[] sheet, string contentType = "text/csv", string query = "", string? language = null,
        bool preview = false)
    {
        var response = await UploadAsync(workshopId, sheet, contentType, query, language, preview);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static List<string> Problems(JsonElement report, int line) =>
        report.GetProperty("needingAttention").EnumerateArray().Single(row => row.GetProperty("row").GetInt32() == line)
            .GetProperty("problems").EnumerateArray().Select(problem => problem.GetString()!).ToList();

    /// <summary>The workshop's participants by given names, as the list answers them (with their attendance).</summary>
    private async Task<Dictionary<string, JsonElement>> EnrolledAsync(Guid workshopId) =>
        (await AllPagesAsync(Participants(workshopId), 50)).ToDictionary(person => person.GetProperty("givenNames").GetString()!);

    private static string? StatusAt(JsonElement person, string day) =>
        person.GetProperty("attendance").EnumerateArray().Where(session => session.GetProperty("heldOn").GetString() == day)
            .Select(session => session.GetProperty("status").GetString()).SingleOrDefault();

    private async Task<Guid> HeldWorkshopAsync()
    {
        var workshop = await WorkshopAsync("2023-11-29", "2023-12-01", "held");
        await SessionAsync(workshop, "2023-11-29", TrainerT);
        await SessionAsync(workshop, "2023-11-30", TrainerT);
        return workshop;
    }

    private static string FrenchSheet(string m) => Lines(
        "Nom;Prénom(s);Sexe;Structure;Service;Fonction",
        $"Ouédraogo;Awa {m};Féminin;Douanes du Burkina Faso;Opérationnel;Inspectrice");

    [TestCase("utf-8-bom")]
    [TestCase("utf-8")]
    [TestCase("windows-1252")]
    public async Task A_French_Excel_sheet_in_each_encoding_registers_the_person_with_accents_intact(string encoding)
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var text = FrenchSheet(m);
        var bytes = encoding switch
        {
            "utf-8-bom" => [0xEF, 0xBB, 0xBF, .. Utf8(text)],
            "utf-8" => Utf8(text),
            _ => Windows1252.GetBytes(text),
        };
        var report = await ImportAsync(workshop, bytes);
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("encoding").GetString(), Is.EqualTo(encoding));
            Assert.That(report.GetProperty("format").GetString(), Is.EqualTo("csv"));
            Assert.That(report.GetProperty("registered").GetInt32(), Is.EqualTo(1), report.ToString());
        });
        var awa = (await EnrolledAsync(workshop))[$"Awa {m}"];
        Assert.Multiple(() =>
        {
            Assert.That(awa.GetProperty("familyName").GetString(), Is.EqualTo("Ouédraogo"));
            Assert.That(awa.GetProperty("sex").GetString(), Is.EqualTo("female"));
            Assert.That(awa.GetProperty("service").GetString(), Is.EqualTo("operational"));
            Assert.That(awa.GetProperty("administrationId").GetGuid(), Is.EqualTo(AdministrationA), "'Douanes du Burkina Faso' names Burkina Faso's administration");
        });
    }

    [TestCase(";")]
    [TestCase(",")]
    [TestCase("\t")]
    public async Task The_separator_is_detected(string separator)
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var report = await ImportAsync(workshop, Utf8(Lines(
            string.Join(separator, "family_name", "given_names", "sex", "administration", "service"),
            string.Join(separator, "Kaboré", $"Issa {m}", "M", "BF", "support"))));
        Assert.That(report.GetProperty("registered").GetInt32(), Is.EqualTo(1), report.ToString());
        Assert.That((await EnrolledAsync(workshop))[$"Issa {m}"].GetProperty("familyName").GetString(), Is.EqualTo("Kaboré"));
    }

    [Test]
    public async Task An_xlsx_sheet_with_a_title_row_and_date_cells_as_headers_records_attendance()
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        object?[][] rows =
        [
            ["Feuille de présence — Atelier A-CIP, Ouagadougou", null, null, null, null, null],
            [null, null, null, null, null, null],
            ["Nom", "Prénoms", "Sexe", "Service", new DateTime(2023, 11, 29), new DateTime(2023, 11, 30)],
            ["Sawadogo", $"Mariam {m}", "F", "Direction", "P", "R"],
            ["Zongo", $"Paul {m}", "Homme", "Support", "A", null],
        ];
        using var workbook = new MemoryStream();
        workbook.SaveAs(rows.Select(row => row.Select((cell, i) => (Key: $"c{i}", Cell: cell)).ToDictionary(cell => cell.Key, cell => cell.Cell)).ToList(),
            printHeader: false);

        var report = await ImportAsync(workshop, workbook.ToArray(), Xlsx);
        Assert.Multiple(() =>
        {
            Assert.That(report.GetProperty("format").GetString(), Is.EqualTo("xlsx"));
            Assert.That(report.GetProperty("encoding").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(report.GetProperty("registered").GetInt32(), Is.EqualTo(2), report.ToString());
            Assert.That(report.GetProperty("attendanceRecorded").GetInt32(), Is.EqualTo(3));
            Assert.That(report.GetProperty("unknownColumns").GetArrayLength(), Is.Zero, report.ToString());
            Assert.That(report.GetProperty("needingAttention").GetArrayLength(), Is.Zero, report.ToString());
        });
        var enrolled = await EnrolledAsync(workshop);
        Assert.Multiple(() =>
        {
            Assert.That(StatusAt(enrolled[$"Mariam {m}"], "2023-11-29"), Is.EqualTo("present"));
            Assert.That(StatusAt(enrolled[$"Mariam {m}"], "2023-11-30"), Is.EqualTo("late"));
            Assert.That(StatusAt(enrolled[$"Paul {m}"], "2023-11-29"), Is.EqualTo("absent"));
            Assert.That(StatusAt(enrolled[$"Paul {m}"], "2023-11-30"), Is.Null, "a blank cell records nothing");
            Assert.That(enrolled[$"Mariam {m}"].GetProperty("service").GetString(), Is.EqualTo("management"));
        });
    }

    [TestCase("P", "present")]
    [TestCase("x", "present")]
    [TestCase("R", "late")]
    [TestCase("E", "excused")]
    [TestCase("A", "absent")]
    [TestCase("", null)]
    public async Task Each_mark_records_its_status(string mark, string? status)
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var report = await ImportAsync(workshop, Utf8(Lines("Nom;Prénoms;Service;29/11/2023;2023-11-30", $"Compaoré;Léa {m};support;{mark};")));
        Assert.That(report.GetProperty("attendanceRecorded").GetInt32(), Is.EqualTo(status is null ? 0 : 1), report.ToString());
        var lea = (await EnrolledAsync(workshop))[$"Léa {m}"];
        Assert.Multiple(() =>
        {
            Assert.That(StatusAt(lea, "2023-11-29"), Is.EqualTo(status));
            Assert.That(StatusAt(lea, "2023-11-30"), Is.Null);
        });
    }

    [Test]
    public async Task Every_problem_of_a_row_is_listed_with_the_persons_name_and_unknown_columns_are_reported()
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var report = await ImportAsync(workshop, Utf8(Lines(
            "Nom;Prénoms;Sexe;Administration;Service;29/11/2023;01/12/2023;Observations",
            $"Ouédraogo;Awa {m};Z;Douane de nulle part {m};marketing;Q;P;",
            $"Bamogo;Eric {m};M;;support;P;;")));
        var problems = Problems(report, 2);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.Count.EqualTo(4), string.Join("\n", problems));
            Assert.That(problems, Has.All.StartWith($"Awa {m} Ouédraogo (line 2): "));
            Assert.That(problems, Has.One.Contains("'Z'").And.One.Contains("'marketing'").And.One.Contains($"Douane de nulle part {m}").And.One.Contains("'Q'"));
            Assert.That(report.GetProperty("registered").GetInt32(), Is.EqualTo(1));
            Assert.That(report.GetProperty("unknownColumns").EnumerateArray().Select(column => column.GetString()),
                Is.EquivalentTo(new[] { "01/12/2023", "Observations" }), "a day without a session and a column that names nothing");
        });

        var ignoring = await ImportAsync(workshop, Utf8(Lines("Nom;Prénoms;Service;Observations", $"Bamogo;Eric {m};support;RAS")),
            query: "?ignoredColumns=observations");
        Assert.That(ignoring.GetProperty("unknownColumns").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task An_administration_matches_by_one_of_its_other_names_accents_and_capitals_aside()
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var other = await CreateAsync("/api/v1/administrations", new
        {
            countryCode = "NE", regionCode = "WCA", nameEn = $"Niger Customs {m}", nameFr = $"Douanes du Niger {m}",
            otherNames = new[] { $"Direction générale des douanes {m}" },
        });
        var report = await ImportAsync(workshop, Utf8(Lines("Nom;Prénoms;Structure;Service", $"Issoufou;Ali {m};DIRECTION GENERALE DES DOUANES {m};support")));
        Assert.That(report.GetProperty("registered").GetInt32(), Is.EqualTo(1), report.ToString());
        Assert.That((await EnrolledAsync(workshop))[$"Ali {m}"].GetProperty("administrationId").GetGuid(), Is.EqualTo(other));
    }

    [Test]
    public async Task A_preview_answers_as_the_import_and_stores_nothing()
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var sheet = Utf8(Lines("Nom;Prénoms;Service;29/11/2023", $"Tiendrébéogo;Rose {m};support;P", $"Tiendrébéogo;Rose {m};support;P", $"Yoda;Jean {m};;P"));
        const string counts = """
            SELECT (SELECT count(*) FROM participants) + (SELECT count(*) FROM enrolments) + (SELECT count(*) FROM attendance)
                 + (SELECT count(*) FROM audit_entries) FROM workshops WHERE id = @id
            """;
        var before = await CountAsync(counts, workshop);
        var preview = await ImportAsync(workshop, sheet, preview: true);
        Assert.That(await CountAsync(counts, workshop), Is.EqualTo(before), "no person, enrolment, attendance or audit entry");

        var import = await ImportAsync(workshop, sheet);
        foreach (var total in new[] { "rowsRead", "registered", "matched", "enrolled", "alreadyEnrolled", "rejected", "attendanceRecorded" })
            Assert.That(preview.GetProperty(total).GetInt32(), Is.EqualTo(import.GetProperty(total).GetInt32()), total);
        Assert.That(preview.GetProperty("needingAttention").GetArrayLength(), Is.EqualTo(2));
        Assert.That(await CountAsync(counts, workshop), Is.GreaterThan(before));
    }

    [Test]
    public async Task A_preview_names_the_administration_values_to_map_once_and_counts_the_marks_per_session_day()
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var sheet = Utf8(Lines("Nom;Prénoms;Structure;Service;29/11/2023;30/11/2023",
            $"Zongo;Paul {m};DGD Bobo {m};support;P;A", $"Zongo;Marie {m};dgd bobo {m};support;R;", $"Kaboré;Léa {m};BF;support;P;P"));
        var preview = await ImportAsync(workshop, sheet, preview: true);
        Assert.That(preview.GetProperty("unknownAdministrations").EnumerateArray().Select(value => value.GetString()), Is.EqualTo(new[] { $"DGD Bobo {m}" }));
        Assert.That(preview.GetProperty("attendanceByDay").EnumerateArray().Select(day => $"{day.GetProperty("day").GetString()}:{day.GetProperty("marks").GetInt32()}"),
            Is.EqualTo(new[] { "2023-11-29:1", "2023-11-30:1" }));

        var mapped = await ImportAsync(workshop, sheet, query: $"?administrationMap={Uri.EscapeDataString($"DGD Bobo {m}={AdministrationA}")}", preview: true);
        Assert.That(mapped.GetProperty("unknownAdministrations").GetArrayLength(), Is.EqualTo(0), mapped.ToString());
        Assert.That(mapped.GetProperty("attendanceByDay").EnumerateArray().Select(day => day.GetProperty("marks").GetInt32()), Is.EqualTo(new[] { 3, 2 }));
    }

    [Test]
    public async Task A_value_mapped_to_an_administration_is_kept_as_one_of_its_other_names()
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var value = $"DGD Ouaga {m}";
        var sheet = Utf8(Lines("Nom;Prénoms;Structure;Service", $"Nikiéma;Alice {m};{value};support"));
        var unmapped = await ImportAsync(workshop, sheet, preview: true);
        Assert.That(Problems(unmapped, 2).Single(), Does.Contain(value));

        var mapped = await ImportAsync(workshop, sheet, query: $"?administrationMap={Uri.EscapeDataString($"{value}={AdministrationA}")}");
        Assert.That(mapped.GetProperty("registered").GetInt32(), Is.EqualTo(1), mapped.ToString());
        var administration = await GetJsonAsync($"/api/v1/administrations/{AdministrationA}");
        Assert.That(administration.GetProperty("otherNames").EnumerateArray().Select(name => name.GetString()), Does.Contain(value));

        var next = await ImportAsync(workshop, Utf8(Lines("Nom;Prénoms;Structure;Service", $"Nikiéma;Bruno {m};dgd ouaga {m};support")));
        Assert.That(next.GetProperty("registered").GetInt32(), Is.EqualTo(1), "the next sheet matches the value by itself");
        await ProblemAsync(await UploadAsync(workshop, sheet, query: "?administrationMap=no-id-here"), 400);
        await ProblemAsync(await UploadAsync(workshop, sheet, query: $"?administrationMap={Uri.EscapeDataString($"x={Guid.NewGuid()}")}"), 400);
    }

    [TestCase("csv", "en", "family_name,given_names,sex,administration,service,position,email,staff_number,2023-11-29,2023-11-30")]
    [TestCase("csv", "fr", "Nom;Prénoms;Sexe;Administration;Service;Fonction;Courriel;Matricule;29/11/2023;30/11/2023")]
    [TestCase("xlsx", "en", "family_name,given_names,sex,administration,service,position,email,staff_number,2023-11-29,2023-11-30")]
    [TestCase("xlsx", "fr", "Nom,Prénoms,Sexe,Administration,Service,Fonction,Courriel,Matricule,29/11/2023,30/11/2023")]
    public async Task The_template_has_the_headers_in_its_language_and_a_column_per_session_day(string format, string lang, string header)
    {
        var workshop = await HeldWorkshopAsync();
        var response = await Client.GetAsync($"/api/v1/workshops/{workshop}/attendance-sheet/template?format={format}&lang={lang}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "a BOM, for Excel");
            Assert.That(Encoding.UTF8.GetString(bytes[3..]).TrimEnd(), Is.EqualTo(header));
        }
        else
        {
            using var stream = new MemoryStream(bytes);
            var first = (IDictionary<string, object?>)stream.Query(useHeaderRow: false).First();
            Assert.That(string.Join(",", first.Values), Is.EqualTo(header));
        }

        var m = NewMarker();
        var filled = format == "csv"
            ? [.. bytes, .. Utf8(string.Join(lang == "fr" ? ";" : ",", "Yaméogo", $"Noël {m}", "F", "", "support", "", "", "", "P", "A") + "\r\n")]
            : bytes;
        if (format == "csv")
            Assert.That((await ImportAsync(workshop, filled)).GetProperty("attendanceRecorded").GetInt32(), Is.EqualTo(2), "the template imports");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(format == "csv" ? "text/csv" : Xlsx));
    }

    [Test]
    public async Task Problems_and_row_messages_follow_Accept_Language()
    {
        var workshop = await HeldWorkshopAsync();
        var m = NewMarker();
        var report = await ImportAsync(workshop, Utf8(Lines("Nom;Prénoms;Sexe;Service", $"Ouédraogo;Awa {m};Z;support")), language: "fr-FR,fr;q=0.9");
        Assert.That(Problems(report, 2).Single(), Does.StartWith($"Awa {m} Ouédraogo (ligne 2): ").And.Contains("n'est pas"));

        var noColumn = await ProblemAsync(await UploadAsync(workshop, Utf8("Nom;Fonction\r\nOuédraogo;Chef\r\n"), language: "fr"), 400);
        Assert.That(noColumn.GetProperty("errors").GetProperty("sheet")[0].GetString(), Does.StartWith("L'en-tête n'a pas de colonne"));
        // An unknown media type is refused by the endpoint's Accepts before the import runs (its generic 415 is issue #14.2's).
        await ProblemAsync(await UploadAsync(workshop, Utf8("%PDF-1.7"), "application/pdf", language: "fr"), 415);
    }
}
