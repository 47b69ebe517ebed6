using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Attendance sheets uploaded as CSV: the summary and the rows that need attention, matching people already
/// registered, bad rows, uploading again, a sheet of 5,000 rows, one over the cap, and other writes during a large
/// import. Workshops are hosted by A (Burkina Faso, the only BF administration of this fixture); B is the Mali one.
/// </summary>
public sealed class AttendanceSheetImportTests(string provider) : TrainingRecordsWorld(provider)
{
    private sealed record RowReport(int Row, string Outcome, Guid? ParticipantId, string? Reason);

    private sealed record Report(int RowsRead, int Registered, int Matched, int Enrolled, int AlreadyEnrolled, int Rejected,
        List<RowReport> NeedingAttention)
    {
        public int Length { get; init; }
    }

    private static string Import(Guid workshopId) => $"{Participants(workshopId)}/import";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid workshopId, string sheet, bool byteOrderMark = false,
        string contentType = "text/csv; charset=utf-8")
    {
        var bytes = Encoding.UTF8.GetBytes(sheet);
        var content = new ByteArrayContent(byteOrderMark ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await client.PostAsync(Import(workshopId), content);
    }

    private async Task<Report> ImportAsync(Guid workshopId, string sheet, bool byteOrderMark = false, HttpClient? client = null)
    {
        var response = await UploadAsync(client ?? Client, workshopId, sheet, byteOrderMark);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var report = JsonSerializer.Deserialize<Report>(body, JsonSerializerOptions.Web)! with { Length = body.Length };
        Assert.Multiple(() =>
        {
            Assert.That(report.Registered + report.Matched + report.Rejected, Is.EqualTo(report.RowsRead), "every row read is counted once");
            Assert.That(report.Enrolled + report.AlreadyEnrolled, Is.EqualTo(report.Registered + report.Matched), "every row taken is enrolled");
            Assert.That(report.NeedingAttention.Count(row => row.Outcome == "rejected"), Is.EqualTo(report.Rejected), "every rejected row is listed");
            Assert.That(report.NeedingAttention.Select(row => row.Row), Is.Ordered.And.Unique);
        });
        return report;
    }

    private static (int, int, int, int, int, int) Totals(Report report) =>
        (report.RowsRead, report.Registered, report.Matched, report.Enrolled, report.AlreadyEnrolled, report.Rejected);

    /// <summary>The people enrolled in a workshop, by family name.</summary>
    private async Task<Dictionary<string, JsonElement>> EnrolledAsync(Guid workshopId)
    {
        var enrolled = new Dictionary<string, JsonElement>();
        foreach (var enrolment in await AllPagesAsync(Participants(workshopId), 50))
        {
            var person = await GetJsonAsync($"/api/v1/participants/{enrolment.GetProperty("participantId").GetGuid()}");
            enrolled[person.GetProperty("familyName").GetString()!] = person;
        }
        return enrolled;
    }

    private Task<Guid> NewWorkshopAsync() => WorkshopAsync("2023-11-29", "2023-12-01", "held");

    private static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private Task<int> CountNamedAsync(string marker) =>
        CountAsync("SELECT count(*) FROM participants WHERE normalised_name LIKE @id", $"%{marker}%");

    [Test]
    public async Task A_semicolon_sheet_with_BOM_French_headers_and_accents_registers_and_enrols_everyone()
    {
        var workshop = await NewWorkshopAsync();
        var m = NewMarker();
        var report = await ImportAsync(workshop, Lines(
            "N°;Nom;Prénoms;Sexe;Service;Fonction;Courriel;Matricule;Signature",
            $"1;Ouédraogo;Aminata {m};F;Opérationnel;Cheffe de bureau;Aminata.{m}@douanes.bf;bf-{m}-1;",
            $"2;Kaboré;Rasmané {m};H;soutien;Vérificateur;;;",
            $"3;Zoungrana;Françoise {m};femme;Direction;Directrice régionale;;;"), byteOrderMark: true);

        Assert.That(Totals(report), Is.EqualTo((3, 3, 0, 3, 0, 0)));
        Assert.That(report.NeedingAttention, Is.Empty);
        var enrolled = await EnrolledAsync(workshop);
        Assert.That(enrolled.Keys, Is.EquivalentTo(new[] { "Ouédraogo", "Kaboré", "Zoungrana" }));
        var (aminata, rasmane, francoise) = (enrolled["Ouédraogo"], enrolled["Kaboré"], enrolled["Zoungrana"]);
        Assert.Multiple(() =>
        {
            Assert.That(aminata.GetProperty("familyName").GetString(), Is.EqualTo("Ouédraogo"));
            Assert.That(aminata.GetProperty("sex").GetString(), Is.EqualTo("female"));
            Assert.That(aminata.GetProperty("service").GetString(), Is.EqualTo("operational"));
            Assert.That(aminata.GetProperty("position").GetString(), Is.EqualTo("Cheffe de bureau"));
            Assert.That(aminata.GetProperty("email").GetString(), Is.EqualTo($"aminata.{m}@douanes.bf"));
            Assert.That(aminata.GetProperty("staffNumber").GetString(), Is.EqualTo($"BF-{m}-1".ToUpperInvariant()));
            Assert.That(aminata.GetProperty("administrationId").GetGuid(), Is.EqualTo(AdministrationA), "blank: the workshop's host");
            Assert.That(rasmane.GetProperty("givenNames").GetString(), Is.EqualTo($"Rasmané {m}"));
            Assert.That(rasmane.GetProperty("sex").GetString(), Is.EqualTo("male"), "H for homme");
            Assert.That(rasmane.GetProperty("service").GetString(), Is.EqualTo("support"));
            Assert.That(rasmane.GetProperty("email").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(francoise.GetProperty("givenNames").GetString(), Is.EqualTo($"Françoise {m}"));
            Assert.That(francoise.GetProperty("service").GetString(), Is.EqualTo("management"));
        });
    }

    [Test]
    public async Task A_day_of_two_sessions_records_the_days_mark_for_each_of_them()
    {
        var workshop = await NewWorkshopAsync();
        var (morning, afternoon, nextDay) = (await SessionAsync(workshop, "2023-11-29", TrainerT), await SessionAsync(workshop, "2023-11-29", TrainerT),
            await SessionAsync(workshop, "2023-11-30", TrainerT));
        var m = NewMarker();
        var report = await ImportAsync(workshop, Lines(
            "family_name,given_names,sex,service,29/11/2023,30/11/2023",
            $"Sawadogo,Awa {m},F,operational,P,A",
            $"Compaoré,Issa {m},M,operational,,P"));

        Assert.That(Totals(report), Is.EqualTo((2, 2, 0, 2, 0, 0)));
        Task<int> MarkedAsync(Guid session, string status) =>
            CountAsync($"SELECT count(*) FROM attendance WHERE session_id = @id AND status = '{status}'", session);
        Assert.Multiple(async () =>
        {
            Assert.That(await MarkedAsync(morning, "present"), Is.EqualTo(1), "the morning's session: Awa");
            Assert.That(await MarkedAsync(afternoon, "present"), Is.EqualTo(1), "the afternoon's session of the same day: Awa too");
            Assert.That(await MarkedAsync(nextDay, "absent"), Is.EqualTo(1), "the next day: Awa absent");
            Assert.That(await MarkedAsync(nextDay, "present"), Is.EqualTo(1), "and Issa present");
        });
    }

    [Test]
    public async Task A_comma_sheet_with_English_headers_matches_people_already_registered_by_the_duplicate_rules()
    {
        var workshop = await NewWorkshopAsync();
        var m = NewMarker();
        var byStaffNumber = await RegisterAsync(Person("Ouédraogo", $"Paul {m}", AdministrationA, staffNumber: $"S1-{m}"));
        var byEmail = await RegisterAsync(Person("Diallo", $"Awa {m}", AdministrationB, sex: "female", email: $"awa.{m}@douanes.ml"));
        var byName = await RegisterAsync(Person("Sawadogo", $"Issa {m}", AdministrationA));

        var report = await ImportAsync(workshop, Lines(
            "family_name,given_names,sex,administration,service,position,email,staff_number",
            $"Ouedraogo,Pierre {m},M,bf,operational,,,s1-{m}",
            $"Diallo,Aoua {m},F,{AdministrationB},support,,AWA.{m}@DOUANES.ML,",
            $"ISSA {m},SAWADOGO,,,support,,,",
            $"\"Nikiéma, Jr\",Jean {m},M,ML,operational,\"Chef de poste, frontière\",,"));

        Assert.That(Totals(report), Is.EqualTo((4, 1, 3, 4, 0, 0)));
        Assert.That(report.NeedingAttention, Is.Empty, "matching someone registered needs no attention");
        var enrolled = await EnrolledAsync(workshop);
        Assert.That(enrolled.Values.Select(person => person.GetProperty("id").GetGuid()), Is.SupersetOf(new[] { byStaffNumber, byEmail, byName }),
            "matched by staff number (case aside), e-mail (case aside) and name (order and case aside)");
        var created = enrolled["Nikiéma, Jr"];
        Assert.Multiple(async () =>
        {
            Assert.That(created.GetProperty("familyName").GetString(), Is.EqualTo("Nikiéma, Jr"));
            Assert.That(created.GetProperty("position").GetString(), Is.EqualTo("Chef de poste, frontière"));
            Assert.That(created.GetProperty("administrationId").GetGuid(), Is.EqualTo(AdministrationB), "ML: the Mali administration");
            Assert.That((await GetJsonAsync($"/api/v1/participants/{byStaffNumber}")).GetProperty("givenNames").GetString(), Is.EqualTo($"Paul {m}"),
                "a match changes nothing of the person");
            Assert.That(await CountNamedAsync(m), Is.EqualTo(4), "nobody registered twice");
            Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", workshop), Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Bad_rows_are_rejected_with_their_line_numbers_and_reasons_and_do_not_stop_the_good_ones()
    {
        var workshop = await NewWorkshopAsync();
        var m = NewMarker();
        var report = await ImportAsync(workshop, Lines(
            "nom;prenoms;sexe;administration;service;courriel",
            $"Traoré;Mariam {m};F;;support;",
            $";Sans Nom {m};F;;support;",
            $"Sanou;Ali {m};X;;support;",
            "",
            $"Bamba;Koffi {m};M;;marketing;",
            $"Yé;Albert {m};M;;support;pas-un-courriel",
            $"Zerbo;Lucie {m};F;;;",
            $"Traore;Mariam {m};F;;;",
            $"Kam;\"Ousmane {m};M;;support;",
            $"Somé;Eric {m};M;ZZ;support;",
            ";;;;;",
            $"Dah;Hervé {m};M;;appui;"));

        Assert.That(report.NeedingAttention.Select(row => (row.Row, row.Outcome)), Is.EqualTo(new[]
        {
            (3, "rejected"), (4, "rejected"), (6, "rejected"), (7, "rejected"), (8, "rejected"), (9, "matched"), (10, "rejected"), (11, "rejected"),
        }), "blank lines are skipped but counted; the good rows 2 and 13 need no attention");
        var reasons = report.NeedingAttention.ToDictionary(row => row.Row, row => row.Reason);
        Assert.Multiple(() =>
        {
            Assert.That(reasons[3], Does.Contain("family name"));
            Assert.That(reasons[4], Does.Contain("'X'"));
            Assert.That(reasons[6], Does.Contain("'marketing'"));
            Assert.That(reasons[7], Does.Contain("email"));
            Assert.That(reasons[8], Does.Contain("service is blank"));
            Assert.That(reasons[9], Does.Contain("row 2"), "the same person twice in one sheet");
            Assert.That(reasons[10], Does.Contain("quotes"));
            Assert.That(reasons[11], Does.Contain("'ZZ'"));
            Assert.That(report.NeedingAttention[5].ParticipantId, Is.Not.Null, "the person of row 2, to check");
            Assert.That(report.NeedingAttention.Where(row => row.Outcome == "rejected").Select(row => row.ParticipantId), Is.All.Null);
            Assert.That(Totals(report), Is.EqualTo((10, 2, 1, 2, 1, 7)));
        });
        Assert.That(await CountNamedAsync(m), Is.EqualTo(2), "only the good rows were registered");
        Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", workshop), Is.EqualTo(2));
    }

    [Test]
    public async Task Uploading_the_same_sheet_twice_registers_nobody_twice()
    {
        var workshop = await NewWorkshopAsync();
        var m = NewMarker();
        var sheet = Lines(
            "family_name;given_names;sex;service;email;staff_number",
            $"Ilboudo;Marc {m};M;operational;;",
            $"Kiemdé;Sylvie {m};F;support;sylvie.{m}@douanes.bf;",
            $"Tapsoba;Jules {m};M;management;;T-{m}");

        var first = await ImportAsync(workshop, sheet);
        Assert.That(Totals(first), Is.EqualTo((3, 3, 0, 3, 0, 0)));
        var people = (await EnrolledAsync(workshop)).Values.Select(person => person.GetProperty("id").GetGuid()).ToList();
        var again = await ImportAsync(workshop, sheet);
        Assert.Multiple(() =>
        {
            Assert.That(Totals(again), Is.EqualTo((3, 0, 3, 0, 3, 0)), "everyone matched, all already enrolled");
            Assert.That(again.NeedingAttention, Is.Empty);
        });
        var otherWorkshop = await NewWorkshopAsync();
        var elsewhere = await ImportAsync(otherWorkshop, sheet);
        Assert.That(Totals(elsewhere), Is.EqualTo((3, 0, 3, 3, 0, 0)), "the same people, at another workshop");
        Assert.That((await EnrolledAsync(otherWorkshop)).Values.Select(person => person.GetProperty("id").GetGuid()), Is.EquivalentTo(people));
        Assert.Multiple(async () =>
        {
            Assert.That(await CountNamedAsync(m), Is.EqualTo(3));
            Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", workshop), Is.EqualTo(3));
        });
    }

    private static string SheetOf(int size, string m)
    {
        var sheet = new StringBuilder("nom;prénoms;sexe;service;courriel;matricule\r\n");
        for (var i = 0; i < size; i++)
            sheet.Append($"Agent{i};Douanier {m};{(i % 2 == 0 ? "F" : "M")};operational;{(i % 3 == 0 ? $"agent{i}.{m}@douanes.bf" : "")};{(i % 3 == 1 ? $"{m}-{i}" : "")}\r\n");
        return sheet.ToString();
    }

    [Test]
    public async Task A_sheet_of_5000_rows_is_imported_in_one_call_and_answered_with_a_summary_of_a_few_hundred_bytes()
    {
        const int Size = 5000;
        var workshop = await NewWorkshopAsync();
        var m = NewMarker();
        var sheet = SheetOf(Size, m);

        var first = await ImportAsync(workshop, sheet);
        Assert.Multiple(async () =>
        {
            Assert.That(Totals(first), Is.EqualTo((Size, Size, 0, Size, 0, 0)));
            Assert.That(first.NeedingAttention, Is.Empty);
            Assert.That(first.Length, Is.LessThan(1024), "a summary, not a line per row");
            Assert.That(await CountNamedAsync(m), Is.EqualTo(Size));
            Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", workshop), Is.EqualTo(Size));
        });
        var again = await ImportAsync(workshop, sheet);
        Assert.Multiple(async () =>
        {
            Assert.That(Totals(again), Is.EqualTo((Size, 0, Size, 0, Size, 0)), "uploaded again: everyone matched, nobody enrolled twice");
            Assert.That(again.Length, Is.LessThan(1024));
            Assert.That(await CountNamedAsync(m), Is.EqualTo(Size), "nobody registered twice");
            Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", workshop), Is.EqualTo(Size));
        });
    }

    [Test]
    public async Task A_sheet_over_the_row_cap_is_refused_whole_saying_the_cap_the_count_and_to_split_it()
    {
        var workshop = await NewWorkshopAsync();
        var m = NewMarker();
        var response = await UploadAsync(Client, workshop, SheetOf(5001, m));

        var problem = await ProblemAsync(response, 413);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("at most 5,000 rows").And.Contain("has 5,001").And.Contain("Split"));
        Assert.Multiple(async () =>
        {
            Assert.That(await CountNamedAsync(m), Is.Zero, "nobody registered");
            Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", workshop), Is.Zero, "nobody enrolled");
        });
    }

    /// <summary>
    /// The import commits batch by batch, each in its own write turn: a registration sent while the import waits is
    /// committed (its audit entry placed) before the import's last batch, not after the whole sheet. The test holds the
    /// import back at its first batch until the registration has surely reached the database: in-process, the server's
    /// blocking SQLite calls can starve the test's own continuations, so no timing of the test's may be relied on.
    /// </summary>
    [Test]
    public async Task A_registration_during_a_large_import_does_not_wait_for_the_whole_sheet()
    {
        const int Size = 5000;
        var workshop = await NewWorkshopAsync();
        var m = NewMarker();
        Task<Report> import;
        Task<Guid> registration;
        await using (var hold = await TestSql.OpenAsync(App.Database))
        await using (var held = await HoldEnrolmentWritesAsync(hold))
        {
            import = Task.Run(() => ImportAsync(workshop, SheetOf(Size, m)));
            registration = Task.Run(() => RegisterAsync(Person("Compaoré", $"Pendant {m}", AdministrationA, staffNumber: $"during-{m}")));
            // On PostgreSQL the registration does not need the held table and commits; on SQLite it queues for the write turn.
            await Task.WhenAny(registration, Task.Delay(TimeSpan.FromSeconds(5)));
            await held.RollbackAsync();
        }
        var registered = await registration;
        var report = await import;

        const string ImportTurns = "SELECT count(*) FROM audit_entries WHERE use_case = 'ImportAttendanceSheet' AND record_id = @workshop";
        Assert.Multiple(async () =>
        {
            Assert.That(Totals(report), Is.EqualTo((Size, Size, 0, Size, 0, 0)));
            Assert.That(await ScalarCountAsync(ImportTurns, ("workshop", workshop)), Is.EqualTo(Size / 250), "one write turn per batch of 250 rows");
            Assert.That(await ScalarCountAsync($"{ImportTurns} AND position > (SELECT position FROM audit_entries WHERE use_case = 'RegisterParticipant' AND record_id = @id)",
                ("workshop", workshop), ("id", registered)), Is.GreaterThan(0), "the registration was committed while the import was still going");
        });
    }

    private async Task<int> ScalarCountAsync(string sql, params (string name, object value)[] parameters) =>
        Convert.ToInt32(await TestSql.ScalarAsync(App.Database, sql, parameters), CultureInfo.InvariantCulture);

    /// <summary>A transaction that keeps other writers off enrolments: SQLite's one write lock, PostgreSQL's lock on the table.</summary>
    private static async Task<System.Data.Common.DbTransaction> HoldEnrolmentWritesAsync(System.Data.Common.DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite) return sqlite.BeginTransaction(deferred: false);
        var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "LOCK TABLE enrolments IN SHARE ROW EXCLUSIVE MODE";
        await command.ExecuteNonQueryAsync();
        return transaction;
    }

    [Test]
    public async Task Only_a_CSV_or_xlsx_sheet_up_to_5_MB_with_name_columns_is_taken()
    {
        var workshop = await NewWorkshopAsync();
        var m = NewMarker();
        await ProblemAsync(await UploadAsync(Client, workshop, $"{{\"nom\": \"Ouédraogo {m}\"}}", contentType: "application/json"), 415);
        await ProblemAsync(await UploadAsync(Client, workshop, $"nom;prenoms\nOuédraogo;{m}", contentType: "text/plain"), 415);
        var tooLarge = await ProblemAsync(await UploadAsync(Client, workshop, "nom;prenoms\n" + new string('x', 5 * 1024 * 1024)), 413);
        Assert.That(tooLarge.GetProperty("detail").GetString(), Does.Contain("5 MB"));

        var noGivenNames = await ProblemAsync(await UploadAsync(Client, workshop, $"Nom;Fonction\nOuédraogo {m};Chef"), 400);
        Assert.That(noGivenNames.GetProperty("errors").GetProperty("sheet")[0].GetString(), Does.Contain("'given_names' / 'prenoms'"));
        var noRows = await ProblemAsync(await UploadAsync(Client, workshop, "nom;prénoms\r\n\r\n"), 400);
        Assert.That(noRows.GetProperty("errors").GetProperty("sheet")[0].GetString(), Does.Contain("no rows"));

        Assert.That(await CountNamedAsync(m), Is.Zero);
    }

    [Test]
    public async Task The_workshops_trainer_imports_into_it_but_not_into_another_nor_into_a_cancelled_one()
    {
        var theirs = await NewWorkshopAsync();
        await SessionAsync(theirs, "2023-11-29", TrainerT);
        var another = await NewWorkshopAsync();
        await SessionAsync(another, "2023-11-29", OtherTrainer);
        var m = NewMarker();
        var sheet = Lines("nom;prenoms;service", $"Yaméogo;Estelle {m};support");

        var report = await ImportAsync(theirs, sheet, client: Trainer);
        Assert.That(report.Registered, Is.EqualTo(1));
        await ProblemAsync(await UploadAsync(Trainer, another, sheet), 404);
        var cancelled = await WorkshopAsync("2024-03-12", "2024-03-16", "cancelled");
        await ProblemAsync(await UploadAsync(Client, cancelled, sheet), 409);
        await ProblemAsync(await UploadAsync(Donor, theirs, sheet), 403);
        Assert.That(await CountAsync("SELECT count(*) FROM enrolments WHERE workshop_id = @id", another), Is.Zero);
    }
}
