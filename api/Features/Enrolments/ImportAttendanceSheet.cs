using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Mediator;
using Integrity.Api.Features.Participants;
using Column = Integrity.Api.Features.Enrolments.AttendanceSheet.Column;

namespace Integrity.Api.Features.Enrolments;

/// <summary>
/// Enrols everyone on an attendance sheet (see <see cref="AttendanceSheet"/>) in a workshop: a row that is
/// confidently someone in the registry (same staff number or e-mail, or same name in the same administration)
/// is matched to them, anyone else is registered. Uploading a sheet twice registers nobody twice. A bad row
/// is rejected with its reason and does not stop the others.
/// This command is one batch of the sheet's rows, in its own transaction with its own audit entry, so that
/// other writers wait for a batch at most, never for the whole sheet: see <see cref="RunAsync"/>.
/// </summary>
/// <param name="Rows">The batch's rows.</param>
/// <param name="Import">What the earlier batches of the same sheet did; this batch adds to it.</param>
/// <param name="SheetSha256">What the audit trail keeps of the sheet: its fingerprint and the lines of this batch, not the personal data it holds.</param>
public sealed record ImportAttendanceSheet(
    [property: JsonIgnore] IReadOnlyList<AttendanceSheet.Row> Rows,
    [property: JsonIgnore] SheetImport Import,
    string SheetSha256) : ICommand, IWorkshopCommand, IChangesRecord
{
    /// <summary>A few hundred rows take the write turn for a moment; a 5,000-row sheet commits in about 20 turns.</summary>
    public const int RowsPerBatch = 250;

    [JsonIgnore] public Guid WorkshopId { get; init; }
    Guid IChangesRecord.Id => WorkshopId;

    public int FirstLine => Rows[0].Line;
    public int LastLine => Rows[^1].Line;

    /// <summary>Imports the sheet batch by batch; a sheet sent again (or twice at once) finds its people already there.</summary>
    public static async Task<SheetReport> RunAsync(ISender sender, Guid workshopId, AttendanceSheet sheet, CancellationToken cancellationToken)
    {
        var import = new SheetImport();
        await foreach (var rows in sheet.RowsAsync(cancellationToken).Chunk(RowsPerBatch).WithCancellation(cancellationToken))
            await sender.Send(new ImportAttendanceSheet(rows, import, sheet.Sha256) { WorkshopId = workshopId }, cancellationToken);
        return import.Report();
    }
}

/// <summary>
/// What an import did, in totals: every row read is registered, matched or rejected; every row registered or
/// matched is enrolled now or was already. Only the rows that need someone's attention are listed, by line.
/// </summary>
/// <param name="RowsRead">The rows under the header, blank lines not counted.</param>
/// <param name="Registered">People registered from the sheet.</param>
/// <param name="Matched">Rows matched to someone already registered (also earlier on the same sheet).</param>
/// <param name="Enrolled">Enrolments made in the workshop.</param>
/// <param name="AlreadyEnrolled">Rows whose person was enrolled in the workshop already.</param>
/// <param name="Rejected">Rows not imported; each is listed with its reason.</param>
/// <param name="NeedingAttention">Rejected rows, and rows that repeat a person of an earlier row, by line.</param>
public sealed record SheetReport(int RowsRead, int Registered, int Matched, int Enrolled, int AlreadyEnrolled, int Rejected,
    IReadOnlyList<SheetRowOutcome> NeedingAttention);

/// <param name="Row">The row's line number in the file, the header being line 1.</param>
/// <param name="ParticipantId">For a matched row, the person it was matched to.</param>
/// <param name="Reason">Why the row was rejected, or what to check.</param>
public sealed record SheetRowOutcome(int Row, RowOutcome Outcome, Guid? ParticipantId = null, string? Reason = null);

public enum RowOutcome { Created, Matched, Rejected }

/// <summary>An import under way, across its batches: the totals, the rows needing attention, and who each row registered.</summary>
public sealed class SheetImport
{
    private readonly List<SheetRowOutcome> needingAttention = [];
    private int registered, matched, enrolled, alreadyEnrolled, rejected;

    /// <summary>The people this import registered, by the line that registered them (as many as the rows cap allows).</summary>
    internal Dictionary<Guid, int> RegisteredOnLine { get; } = [];

    internal void Registered(Guid id, int line)
    {
        registered++;
        RegisteredOnLine[id] = line;
    }

    internal void Matched(SheetRowOutcome row)
    {
        matched++;
        if (row.Reason is not null) needingAttention.Add(row);
    }

    internal void Rejected(SheetRowOutcome row)
    {
        rejected++;
        needingAttention.Add(row);
    }

    internal void Enrolled(bool now)
    {
        if (now) enrolled++;
        else alreadyEnrolled++;
    }

    public SheetReport Report() =>
        new(registered + matched + rejected, registered, matched, enrolled, alreadyEnrolled, rejected, needingAttention);
}

public sealed class ImportAttendanceSheetAccess(DbSession db) : WorkshopStaff<ImportAttendanceSheet>(db);

public sealed class ImportAttendanceSheetPlaces(DbSession db) : WorkshopPlaces<ImportAttendanceSheet>(db);

/// <summary>
/// One batch in one write turn: a few queries for its rows (the administrations they name, the people registered
/// with their staff numbers, e-mails or names, and whether those are enrolled), then multi-row inserts.
/// </summary>
public sealed class ImportAttendanceSheetHandler(DbSession db) : ICommandHandler<ImportAttendanceSheet>
{
    private const string TakingPart = "SELECT administration_id FROM workshop_administrations WHERE workshop_id = @workshopId";
    private const string Administrations = "SELECT id, country_code FROM administrations WHERE {0}";
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
        var administrations = await AdministrationsAsync(command.WorkshopId, workshop.HostAdministrationId, command.Rows, cancellationToken);
        var read = command.Rows.Select(row => (row, person: Read(row, administrations, out var problem), problem)).ToList();
        var keys = read.Select(row => row.person).OfType<SheetPerson>().Select(PersonKeys.Of).ToList();
        var (known, enrolled) = await KnownPersonsAsync(command.WorkshopId, keys, cancellationToken);
        var import = new Import(command.WorkshopId, command.Import, known, enrolled);
        foreach (var (row, person, problem) in read)
        {
            if (person is null) command.Import.Rejected(new SheetRowOutcome(row.Line, RowOutcome.Rejected, Reason: problem));
            else import.Take(row.Line, person);
        }

        await ManyRows.InsertAsync(db, "participants", import.NewPersons, cancellationToken);
        await ManyRows.InsertAsync(db, "enrolments", import.NewEnrolments, cancellationToken);
        return Unit.Value;
    }

    /// <summary>A row as a person, or null with the problem that stops reading it.</summary>
    private static SheetPerson? Read(AttendanceSheet.Row row, AdministrationsOfSheet administrations, out string? problem)
    {
        problem = row.Malformed ? "This line's quotes do not pair up: check its cells that contain a \"." : null;
        if (row[Column.FamilyName] is null || row[Column.GivenNames] is null)
            problem ??= "Both the family name and the given names are needed.";
        if (!AttendanceSheet.TryReadSex(row[Column.Sex], out var sex))
            problem ??= $"Sex '{row[Column.Sex]}' is not one of F, M, female, male, femme, homme; leave it blank when not recorded.";
        Service? service = null;
        if (row[Column.Service] is { } serviceText)
        {
            if (AttendanceSheet.TryReadService(serviceText, out var known)) service = known;
            else problem ??= $"Service '{serviceText}' is not one of operational, support, management (opérationnel, soutien, direction).";
        }
        if (!administrations.TryFind(row[Column.Administration], out var administrationId, out var unknownAdministration))
            problem ??= unknownAdministration;
        return problem is null
            ? new SheetPerson(row[Column.FamilyName], row[Column.GivenNames], sex, administrationId, service,
                row[Column.Position], row[Column.Email], row[Column.StaffNumber])
            : null;
    }

    private async Task<AdministrationsOfSheet> AdministrationsAsync(Guid workshopId, Guid hostId, IEnumerable<AttendanceSheet.Row> rows, CancellationToken cancellationToken)
    {
        var named = rows.Select(row => row[Column.Administration]).OfType<string>().Distinct().ToList();
        var ids = named.Select(text => Guid.TryParse(text, out var id) ? id : (Guid?)null).OfType<Guid>().Append(hostId);
        var codes = named.Where(text => text.Length == 2).Select(text => text.ToUpperInvariant()).ToArray();
        var found = await db.QueryAsync<NamedAdministration>(
            string.Format(Administrations, $"{db.Dialect.InIds("id", "ids")} OR {db.Dialect.InIds("country_code", "codes")}"),
            new { ids = db.Dialect.Ids(ids), codes }, cancellationToken);
        var takingPart = await db.QueryAsync<Guid>(TakingPart, new { workshopId }, cancellationToken);
        return new AdministrationsOfSheet(found, hostId, takingPart.Append(hostId).ToHashSet());
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

        public void Take(int line, SheetPerson person)
        {
            var keys = PersonKeys.Of(person);
            var found = known.Find(keys);
            var confident = found.Where(match => match.Value.Contains(DuplicateRule.StaffNumber) || match.Value.Contains(DuplicateRule.Email)).ToList();
            if (confident.Count > 1)
                Rejected(line, "Its staff number and e-mail belong to different people in the registry: enrol this person on their own.");
            else if (confident.Count == 0 && found.Count > 1)
                Rejected(line, "Several people in the registry have this name in this administration: add a staff number or e-mail to the row.");
            else if (found.Count > 0) Matched(line, (confident.Count == 1 ? confident[0] : found.First()).Key);
            else if (person.Service is null)
                Rejected(line, "The service is blank: write operational, support or management (opérationnel, soutien, direction) to register this person.");
            else if (NewPerson.Validate(person) is { IsValid: false } invalid)
                Rejected(line, string.Join(" ", invalid.Errors.Select(error => error.ErrorMessage)));
            else Register(line, person, keys);
        }

        private void Register(int line, SheetPerson person, PersonKeys keys)
        {
            var id = Guid.CreateVersion7();
            NewPersons.Add(ParticipantWrites.Row(id, person));
            known.Add(id, keys);
            sheet.Registered(id, line);
            Enrol(id);
        }

        /// <summary>A person met again on the same sheet needs a look: two officials with one name, or one written twice.</summary>
        private void Matched(int line, Guid id)
        {
            var reason = sheet.RegisteredOnLine.TryGetValue(id, out var first) ? $"The same person as row {first}: check that this is not someone else." : null;
            sheet.Matched(new SheetRowOutcome(line, RowOutcome.Matched, id, reason));
            Enrol(id);
        }

        private void Enrol(Guid id)
        {
            var now = enrolled.Add(id);
            if (now) NewEnrolments.Add(EnrolmentWrites.Row(workshopId, id));
            sheet.Enrolled(now);
        }

        private void Rejected(int line, string reason) => sheet.Rejected(new SheetRowOutcome(line, RowOutcome.Rejected, Reason: reason));
    }

    /// <summary>
    /// The administration of a row: blank is the workshop's host; an id; or a country code, which must name one
    /// administration, or one of those taking part in the workshop.
    /// </summary>
    private sealed class AdministrationsOfSheet(IReadOnlyList<NamedAdministration> found, Guid hostId, IReadOnlySet<Guid> takingPart)
    {
        public bool TryFind(string? text, out Guid id, out string? problem)
        {
            id = hostId;
            problem = null;
            if (text is null) return true;
            if (Guid.TryParse(text, out id))
            {
                var parsed = id;
                problem = found.Any(administration => administration.Id == parsed) ? null : $"No administration has the id {text}.";
                return problem is null;
            }
            var ofCountry = found.Where(administration => administration.CountryCode.Equals(text, StringComparison.OrdinalIgnoreCase)).ToList();
            var chosen = ofCountry.Count > 1 ? ofCountry.Where(administration => takingPart.Contains(administration.Id)).ToList() : ofCountry;
            problem = (ofCountry.Count, chosen.Count) switch
            {
                (_, 1) => null,
                (0, _) when text.Length != 2 => $"Administration '{text}' is neither a country code (such as BF) nor an administration id.",
                (0, _) => $"No administration of the country '{text}' is registered.",
                _ => $"Several administrations of the country '{text}' are registered: write the administration's id instead.",
            };
            id = problem is null ? chosen[0].Id : Guid.Empty;
            return problem is null;
        }
    }

    private sealed record SheetPerson(string? FamilyName, string? GivenNames, Sex? Sex, Guid? AdministrationId, Service? Service,
        string? Position, string? Email, string? StaffNumber) : IPersonFields;

    private sealed record NamedAdministration
    {
        public required Guid Id { get; init; }
        public required string CountryCode { get; init; }
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
