using System.Globalization;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Features.Administrations;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Integrity.Api.Features.Participants;
using Column = Integrity.Api.Features.Enrolments.AttendanceSheet.Column;

namespace Integrity.Api.Features.Enrolments;

/// <summary>
/// Enrols everyone on an attendance sheet (see <see cref="AttendanceSheet"/>) in a workshop and records the marks of
/// its day columns as the attendance of that day's session: a row that is confidently someone in the registry (same
/// staff number or e-mail, or same name in the same administration) is matched to them, anyone else is registered.
/// Uploading a sheet twice registers nobody twice. A bad row is rejected with every problem it has and does not stop
/// the others. This command is one batch of the sheet's rows, in its own transaction with its own audit entry, so
/// that other writers wait for a batch at most, never for the whole sheet: see <see cref="RunAsync"/>.
/// </summary>
/// <param name="Rows">The batch's rows.</param>
/// <param name="Import">What the earlier batches of the same sheet did; this batch adds to it.</param>
/// <param name="Choices">The caller's choices: which administration a value means, which columns to leave alone.</param>
/// <param name="SheetSha256">What the audit trail keeps of the sheet: its fingerprint and the lines of this batch, not the personal data it holds.</param>
/// <param name="Preview">Answers what the import would do, then rolls everything back.</param>
/// <param name="SavesOtherNames">Keeps the mapped values as other names of their administrations (an administrator's first batch).</param>
public sealed record ImportAttendanceSheet(
    [property: JsonIgnore] IReadOnlyList<AttendanceSheet.Row> Rows,
    [property: JsonIgnore] SheetImport Import,
    [property: JsonIgnore] SheetChoices Choices,
    string SheetSha256, bool Preview, bool SavesOtherNames) : ICommand, IWorkshopCommand, IChangesRecord
{
    /// <summary>A few hundred rows take the write turn for a moment; a 5,000-row sheet commits in about 20 turns.</summary>
    public const int RowsPerBatch = 250;

    [JsonIgnore] public Guid WorkshopId { get; init; }
    Guid IChangesRecord.Id => WorkshopId;

    public int FirstLine => Rows[0].Line;
    public int LastLine => Rows[^1].Line;

    /// <summary>
    /// Imports the sheet batch by batch; a sheet sent again (or twice at once) finds its people already there. A
    /// preview runs the whole sheet as one batch, so that a person written twice is seen twice, and rolls it back.
    /// </summary>
    public static async Task<SheetReport> RunAsync(ISender sender, Caller caller, Guid workshopId, AttendanceSheet sheet, SheetChoices choices, bool preview,
        CancellationToken cancellationToken)
    {
        var import = new SheetImport(sheet);
        var batches = sheet.Rows.Chunk(preview ? sheet.Rows.Count : RowsPerBatch).ToList();
        try
        {
            for (var i = 0; i < batches.Count; i++)
                await sender.Send(new ImportAttendanceSheet(batches[i], import, choices, sheet.Sha256, preview,
                    SavesOtherNames: i == 0 && !preview && caller.Role == Role.Administrator) { WorkshopId = workshopId }, cancellationToken);
        }
        catch (PreviewRolledBackException)
        {
            // The preview's answer is in the import; everything it wrote is gone.
        }
        return import.Report();
    }
}

/// <summary>
/// The caller's choices for a sheet, sent with the preview and the import.
/// </summary>
/// <param name="AdministrationMap">Administration ids by the sheet's value, compared without accents or capitals.</param>
/// <param name="IgnoredColumns">Headers of columns to leave alone, as written.</param>
public sealed record SheetChoices(IReadOnlyDictionary<string, (string Value, Guid Id)> AdministrationMap, IReadOnlyList<string> IgnoredColumns)
{
    /// <summary>The query's <c>administrationMap=&lt;value&gt;=&lt;id&gt;</c> (repeatable) and <c>ignoredColumns</c>; a malformed pair is a 400.</summary>
    public static SheetChoices From(string[]? administrationMap, string[]? ignoredColumns)
    {
        var map = new Dictionary<string, (string, Guid)>(StringComparer.Ordinal);
        var failures = new List<ValidationFailure>();
        foreach (var pair in administrationMap ?? [])
        {
            var split = pair.LastIndexOf('=');
            var value = split > 0 ? pair[..split].Trim() : "";
            var key = AdministrationFields.KeyOf(value);
            if (key.Length == 0 || !Guid.TryParse(pair[(split + 1)..], out var id)) failures.Add(new ValidationFailure("administrationMap", Messages.MapMalformed.With(pair)));
            else map[key] = (value, id);
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        return new SheetChoices(map, ignoredColumns ?? []);
    }
}

/// <summary>
/// What an import did, in totals: every row read is registered, matched or rejected; every row registered or
/// matched is enrolled now or was already. Only the rows that need someone's attention are listed, by line.
/// </summary>
/// <param name="Format"><c>csv</c> or <c>xlsx</c>.</param>
/// <param name="Encoding">How a CSV sheet was written: <c>utf-8</c>, <c>utf-8-bom</c> or <c>windows-1252</c>; null for .xlsx.</param>
/// <param name="RowsRead">The rows under the header, blank rows not counted.</param>
/// <param name="Registered">People registered from the sheet.</param>
/// <param name="Matched">Rows matched to someone already registered (also earlier on the same sheet).</param>
/// <param name="Enrolled">Enrolments made in the workshop.</param>
/// <param name="AlreadyEnrolled">Rows whose person was enrolled in the workshop already.</param>
/// <param name="Rejected">Rows not imported; each is listed with its problems.</param>
/// <param name="AttendanceRecorded">Marks recorded as a session's attendance.</param>
/// <param name="AttendanceByDay">The marks recorded, per session day.</param>
/// <param name="UnknownColumns">Headers that name nothing the import reads (nor a day of a session that takes attendance), as written: left alone.</param>
/// <param name="UnknownAdministrations">Administration values that name no administration, or several, as first written: say which one each means with <c>administrationMap</c>.</param>
/// <param name="NeedingAttention">Rejected rows, and rows that repeat a person of an earlier row, by line.</param>
public sealed record SheetReport(string Format, string? Encoding, int RowsRead, int Registered, int Matched, int Enrolled, int AlreadyEnrolled,
    int Rejected, int AttendanceRecorded, IReadOnlyList<DayAttendance> AttendanceByDay, IReadOnlyList<string> UnknownColumns,
    IReadOnlyList<string> UnknownAdministrations, IReadOnlyList<SheetRowOutcome> NeedingAttention);

/// <param name="Day">The session's day.</param>
/// <param name="Marks">The marks recorded as its attendance.</param>
public sealed record DayAttendance(DateOnly Day, int Marks);

/// <param name="Row">The row's line number in the file.</param>
/// <param name="ParticipantId">For a matched row, the person it was matched to.</param>
/// <param name="Reason">The row's problems in one text.</param>
/// <param name="Problems">Every problem of the row, each naming the person and the line: "Awa Ouédraogo (line 3): …".</param>
public sealed record SheetRowOutcome(int Row, RowOutcome Outcome, Guid? ParticipantId, string Reason, IReadOnlyList<string> Problems);

public enum RowOutcome { Created, Matched, Rejected }

/// <summary>An import under way, across its batches: the totals, the rows needing attention, and who each row registered.</summary>
public sealed class SheetImport(AttendanceSheet sheet)
{
    /// <summary>The sheet's day columns, which each batch matches to sessions.</summary>
    internal IReadOnlyList<AttendanceSheet.DayColumn> Days => sheet.Days;

    private readonly List<SheetRowOutcome> needingAttention = [];
    private readonly List<string> unknownColumns = [.. sheet.UnknownColumns];
    private readonly List<string> unknownAdministrations = [];
    private readonly SortedDictionary<DateOnly, int> marksByDay = [];
    private int registered, matched, enrolled, alreadyEnrolled, rejected, attendanceRecorded;

    /// <summary>The people this import registered, by the line that registered them (as many as the rows cap allows).</summary>
    internal Dictionary<Guid, int> RegisteredOnLine { get; } = [];

    internal void Registered(Guid id, int line)
    {
        registered++;
        RegisteredOnLine[id] = line;
    }

    internal void Matched(int line, Guid id, IReadOnlyList<string> problems)
    {
        matched++;
        if (problems.Count > 0) needingAttention.Add(new SheetRowOutcome(line, RowOutcome.Matched, id, string.Join(" ", problems), problems));
    }

    internal void Rejected(int line, IReadOnlyList<string> problems)
    {
        rejected++;
        needingAttention.Add(new SheetRowOutcome(line, RowOutcome.Rejected, null, string.Join(" ", problems), problems));
    }

    internal void Enrolled(bool now)
    {
        if (now) enrolled++;
        else alreadyEnrolled++;
    }

    internal void AttendanceRecorded(DateOnly day, int marks)
    {
        attendanceRecorded += marks;
        marksByDay[day] = marksByDay.GetValueOrDefault(day) + marks;
    }

    /// <summary>A value no administration answers to, reported once however it is written (accents and capitals aside).</summary>
    internal void UnknownAdministration(string value)
    {
        if (unknownAdministrations.All(known => AdministrationFields.KeyOf(known) != AdministrationFields.KeyOf(value))) unknownAdministrations.Add(value);
    }

    /// <summary>A day column with no session that takes attendance, reported once however many batches meet it.</summary>
    internal void NoSession(string header)
    {
        if (!unknownColumns.Contains(header)) unknownColumns.Add(header);
    }

    public SheetReport Report() =>
        new(sheet.Format, sheet.Encoding, registered + matched + rejected, registered, matched, enrolled, alreadyEnrolled, rejected, attendanceRecorded,
            [.. marksByDay.Select(day => new DayAttendance(day.Key, day.Value))], unknownColumns, unknownAdministrations, needingAttention);
}

public sealed class ImportAttendanceSheetAccess(DbSession db) : WorkshopStaff<ImportAttendanceSheet>(db);

public sealed class ImportAttendanceSheetPlaces(DbSession db) : WorkshopPlaces<ImportAttendanceSheet>(db);

/// <summary>
/// One batch in one write turn: a few queries for its rows (the administrations, the workshop's sessions, the people
/// registered with their staff numbers, e-mails or names, and whether those are enrolled), then multi-row inserts.
/// </summary>
public sealed class ImportAttendanceSheetHandler(DbSession db, TimeProvider clock) : ICommandHandler<ImportAttendanceSheet>
{
    private const string Sessions = "SELECT id, held_on FROM sessions WHERE workshop_id = @workshopId";
    private const string Persons = """
        SELECT p.id, p.administration_id, p.normalised_name, p.email, p.staff_number, e.participant_id AS enrolled_id
        FROM participants p LEFT JOIN enrolments e ON e.participant_id = p.id AND e.workshop_id = @workshopId
        WHERE {0}
        """;

    private static readonly PersonFieldsValidator<SheetPerson> NewPerson = new();

    public async ValueTask<Unit> Handle(ImportAttendanceSheet command, CancellationToken cancellationToken)
    {
        var workshop = await EnrolmentWrites.RequireOpenAsync(db, command.WorkshopId, cancellationToken);
        await ParticipantWrites.TakeTurnsRegisteringAsync(db, cancellationToken);
        var administrations = await SheetAdministrations.ReadAsync(db, command.WorkshopId, workshop.HostAdministrationId, command.Choices, cancellationToken);
        if (command.SavesOtherNames)
            await AdministrationFields.AddOtherNamesAsync(db, command.Choices.AdministrationMap.Values.Select(mapped => (mapped.Id, mapped.Value)), cancellationToken);
        var sessions = await SessionsByDayAsync(command, workshop.Status, cancellationToken);

        var read = command.Rows.Select(row => Read(row, administrations, sessions)).ToList();
        var keys = read.Select(row => row.Person).OfType<SheetPerson>().Select(PersonKeys.Of).ToList();
        var (known, enrolled) = await KnownPersonsAsync(command.WorkshopId, keys, cancellationToken);
        var import = new Import(command.WorkshopId, command.Import, known, enrolled);
        var attendance = new Dictionary<Guid, Dictionary<Guid, AttendanceStatus>>();
        foreach (var (row, person, marks, problems) in read)
        {
            if (person is null)
            {
                command.Import.Rejected(row.Line, problems);
                continue;
            }
            if (import.Take(row.Line, Label(row), person) is not { } participantId) continue;
            foreach (var (sessionId, status) in marks)
                (attendance.TryGetValue(sessionId, out var ofSession) ? ofSession : attendance[sessionId] = [])[participantId] = status;
        }

        await ManyRows.InsertAsync(db, "participants", import.NewPersons, cancellationToken);
        await ManyRows.InsertAsync(db, "enrolments", import.NewEnrolments, cancellationToken);
        var dayOf = sessions.SelectMany(day => day, (day, sessionId) => (day.Key, sessionId)).ToDictionary(session => session.sessionId, session => session.Key);
        foreach (var (sessionId, entries) in attendance)
        {
            await AttendanceWrites.RecordAsync(db, sessionId, entries.Select(entry => (entry.Key, entry.Value)).ToList(), cancellationToken);
            command.Import.AttendanceRecorded(dayOf[sessionId], entries.Count);
        }
        foreach (var value in administrations.Unknown) command.Import.UnknownAdministration(value);
        if (command.Preview) throw new PreviewRolledBackException();
        return Unit.Value;
    }

    /// <summary>
    /// The sessions by day that take attendance now; the sheet's other day columns are reported. A day may hold several
    /// sessions (a morning's module and an afternoon's): the sheet has one column a day, and its mark counts for each.
    /// </summary>
    private async Task<ILookup<DateOnly, Guid>> SessionsByDayAsync(ImportAttendanceSheet command, string workshopStatus, CancellationToken cancellationToken)
    {
        var today = Today.Of(clock);
        var sessions = (await db.QueryAsync<SessionDay>(Sessions, new { workshopId = command.WorkshopId }, cancellationToken))
            .Where(session => AttendanceWrites.TakesAttendance(workshopStatus, session.HeldOn, today))
            .ToLookup(session => session.HeldOn, session => session.Id);
        foreach (var day in command.Import.Days.Where(day => !sessions.Contains(day.Day))) command.Import.NoSession(day.Header);
        return sessions;
    }

    /// <summary>How a row is named in its problems: the person's names and the line, or the line alone.</summary>
    private string Label(AttendanceSheet.Row row) =>
        $"{row[Column.GivenNames]} {row[Column.FamilyName]}".Trim() is { Length: > 0 } name ? Messages.PersonOnLine.With(name, row.Line) : Messages.Line.With(row.Line);

    /// <summary>A row as a person with their marks by session, or every problem that stops reading it, each naming the row.</summary>
    private (AttendanceSheet.Row Row, SheetPerson? Person, List<(Guid SessionId, AttendanceStatus Status)> Marks, List<string> Problems) Read(
        AttendanceSheet.Row row, SheetAdministrations administrations, ILookup<DateOnly, Guid> sessions)
    {
        var problems = new List<string>();
        if (row.Malformed) problems.Add(Messages.RowQuotes);
        if (row[Column.FamilyName] is null || row[Column.GivenNames] is null) problems.Add(Messages.RowNames);
        if (!AttendanceSheet.TryReadSex(row[Column.Sex], out var sex)) problems.Add(Messages.RowSex.With(row[Column.Sex]!));
        Service? service = null;
        if (row[Column.Service] is { } serviceText)
        {
            if (AttendanceSheet.TryReadService(serviceText, out var known)) service = known;
            else problems.Add(Messages.RowService.With(serviceText));
        }
        if (administrations.Find(row[Column.Administration]) is { Problem: { } unknownAdministration }) problems.Add(unknownAdministration);
        var marks = new List<(Guid, AttendanceStatus)>();
        foreach (var (day, mark) in row.Marks)
        {
            if (!AttendanceSheet.TryReadMark(mark, out var status)) problems.Add(Messages.RowMark.With(mark, day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)));
            else marks.AddRange(sessions[day].Select(sessionId => (sessionId, status)));
        }
        if (problems.Count > 0) return (row, null, marks, problems.Select(problem => $"{Label(row)}: {problem}").ToList());
        var person = new SheetPerson(row[Column.FamilyName], row[Column.GivenNames], sex, administrations.Find(row[Column.Administration]).Id, service,
            row[Column.Position], row[Column.Email], row[Column.StaffNumber]);
        return (row, person, marks, problems);
    }

    /// <summary>
    /// The registered people the rows may be, by the keys the duplicate rules compare (the rules themselves sort
    /// out administrations), with those already enrolled in the workshop. Read after taking the write turn, so
    /// that a sheet uploaded twice at once finds the people the other upload registered.
    /// </summary>
    private async Task<(KnownPersons Known, HashSet<Guid> Enrolled)> KnownPersonsAsync(Guid workshopId, IReadOnlyList<PersonKeys> keys, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<RegisteredPerson>(
            string.Format(Persons, $"{db.Dialect.InIds("p.staff_number", "staffNumbers")} OR {db.Dialect.InIds("p.email", "emails")} OR {db.Dialect.InIds("p.normalised_name", "names")}"),
            new
            {
                workshopId,
                staffNumbers = keys.Select(key => key.StaffNumber).OfType<string>().Distinct().ToArray(),
                emails = keys.Select(key => key.Email).OfType<string>().Distinct().ToArray(),
                names = keys.Select(key => key.NormalisedName).Distinct().ToArray(),
            }, cancellationToken);
        var known = new KnownPersons();
        foreach (var row in rows) known.Add(row.Id, new PersonKeys(row.AdministrationId, row.NormalisedName, row.Email, row.StaffNumber));
        return (known, rows.Where(row => row.EnrolledId is not null).Select(row => row.Id).ToHashSet());
    }

    /// <summary>A batch's people, matched or registered one row at a time in memory; the rows to insert gather here.</summary>
    private sealed class Import(Guid workshopId, SheetImport sheet, KnownPersons known, HashSet<Guid> enrolled)
    {
        public List<Dictionary<string, object?>> NewPersons { get; } = [];
        public List<Dictionary<string, object?>> NewEnrolments { get; } = [];

        /// <summary>The participant the row is, matched or registered and enrolled; null when it is rejected.</summary>
        public Guid? Take(int line, string label, SheetPerson person)
        {
            var keys = PersonKeys.Of(person);
            var found = known.Find(keys);
            var confident = found.Where(match => match.Value.Contains(DuplicateRule.StaffNumber) || match.Value.Contains(DuplicateRule.Email)).ToList();
            List<string> problems = [];
            if (confident.Count > 1) problems.Add(Messages.RowTwoPeople);
            else if (confident.Count == 0 && found.Count > 1) problems.Add(Messages.RowSeveralNamed);
            else if (found.Count > 0) return Matched(line, label, (confident.Count == 1 ? confident[0] : found.First()).Key);
            else if (person.Service is null) problems.Add(Messages.RowServiceBlank);
            else if (NewPerson.Validate(person) is { IsValid: false } invalid) problems.AddRange(invalid.Errors.Select(error => error.ErrorMessage));
            else return Register(line, person, keys);
            sheet.Rejected(line, [.. problems.Select(problem => $"{label}: {problem}")]);
            return null;
        }

        private Guid Register(int line, SheetPerson person, PersonKeys keys)
        {
            var id = Guid.CreateVersion7();
            NewPersons.Add(ParticipantWrites.Row(id, person));
            known.Add(id, keys);
            sheet.Registered(id, line);
            return Enrol(id);
        }

        /// <summary>A person met again on the same sheet needs a look: two officials with one name, or one written twice.</summary>
        private Guid Matched(int line, string label, Guid id)
        {
            sheet.Matched(line, id, sheet.RegisteredOnLine.TryGetValue(id, out var first) ? [$"{label}: {Messages.RowSameAs.With(first)}"] : []);
            return Enrol(id);
        }

        private Guid Enrol(Guid id)
        {
            var now = enrolled.Add(id);
            if (now) NewEnrolments.Add(EnrolmentWrites.Row(workshopId, id));
            sheet.Enrolled(now);
            return id;
        }
    }

    private sealed record SheetPerson(string? FamilyName, string? GivenNames, Sex? Sex, Guid? AdministrationId, Service? Service,
        string? Position, string? Email, string? StaffNumber) : IPersonFields;

    private sealed record SessionDay
    {
        public required Guid Id { get; init; }
        public required DateOnly HeldOn { get; init; }
    }

    private sealed record RegisteredPerson
    {
        public required Guid Id { get; init; }
        public Guid? EnrolledId { get; init; }
        public required Guid AdministrationId { get; init; }
        public required string NormalisedName { get; init; }
        public string? Email { get; init; }
        public string? StaffNumber { get; init; }
    }
}
