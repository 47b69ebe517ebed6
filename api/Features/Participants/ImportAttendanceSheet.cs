using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Mediator;
using Column = Integrity.Api.Features.Participants.AttendanceSheet.Column;

namespace Integrity.Api.Features.Participants;

/// <summary>
/// Enrols everyone on an attendance sheet (see <see cref="AttendanceSheet"/>) in a workshop: a row that is
/// confidently someone in the registry (same staff number or e-mail, or same name in the same administration)
/// is matched to them, anyone else is registered. Uploading a sheet twice registers nobody twice. A bad row
/// is rejected with its reason and does not stop the others.
/// </summary>
public sealed record ImportAttendanceSheet([property: JsonIgnore] string Sheet) : ICommand<SheetReport>, IWorkshopCommand, IChangesRecord
{
    [JsonIgnore] public Guid WorkshopId { get; init; }
    Guid IChangesRecord.Id => WorkshopId;

    /// <summary>What the audit trail keeps of the sheet: its fingerprint, not the personal data it holds.</summary>
    public string SheetSha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sheet)));
}

/// <summary>What became of each row of a sheet, and the totals.</summary>
public sealed record SheetReport(IReadOnlyList<SheetRowOutcome> Rows, int Created, int Matched, int Rejected);

/// <param name="Row">The row's line number in the file, the header being line 1.</param>
/// <param name="ParticipantId">The person registered or matched, enrolled in the workshop.</param>
/// <param name="Reason">Why a row was rejected; for a matched row, anything worth knowing.</param>
public sealed record SheetRowOutcome(int Row, RowOutcome Outcome, Guid? ParticipantId = null, string? Reason = null);

public enum RowOutcome { Created, Matched, Rejected }

public sealed class ImportAttendanceSheetAccess(DbSession db) : WorkshopStaff<ImportAttendanceSheet>(db);

public sealed class ImportAttendanceSheetPlaces(DbSession db) : WorkshopPlaces<ImportAttendanceSheet>(db);

/// <summary>
/// A few queries for the whole sheet, whatever its length: the administrations it names, the people already
/// registered in them (and those with its e-mails), and the workshop's enrolments; then the new rows in batches.
/// </summary>
public sealed class ImportAttendanceSheetHandler(DbSession db) : ICommandHandler<ImportAttendanceSheet, SheetReport>
{
    private const int EmailsPerQuery = 1000;
    private const string TakingPart = "SELECT administration_id FROM workshop_administrations WHERE workshop_id = @workshopId";
    private const string Administrations = "SELECT id, country_code FROM administrations WHERE {0}";
    private const string Persons = "SELECT id, administration_id, normalised_name, email, staff_number FROM participants WHERE {0}";
    private const string Enrolled = "SELECT participant_id FROM enrolments WHERE workshop_id = @workshopId";

    private static readonly PersonFieldsValidator<SheetPerson> NewPerson = new();

    public async ValueTask<SheetReport> Handle(ImportAttendanceSheet command, CancellationToken cancellationToken)
    {
        var workshop = await EnrolmentWrites.RequireOpenAsync(db, command.WorkshopId, cancellationToken);
        var sheet = AttendanceSheet.Parse(command.Sheet);
        await ParticipantWrites.TakeTurnsRegisteringAsync(db, cancellationToken);
        var administrations = await AdministrationsAsync(command.WorkshopId, workshop.HostAdministrationId, sheet, cancellationToken);
        var read = sheet.Rows.Select(row => (row, person: Read(row, administrations, out var problem), problem)).ToList();
        var people = read.Select(row => row.person).OfType<SheetPerson>().ToList();
        var import = new Import(command.WorkshopId,
            await KnownPersonsAsync(people.Select(p => p.AdministrationId!.Value), people.Select(p => PersonKeys.EmailOf(p.Email)).OfType<string>(), cancellationToken),
            (await db.QueryAsync<Guid>(Enrolled, new { workshopId = command.WorkshopId }, cancellationToken)).ToHashSet());
        var outcomes = read.Select(row => row.person is null
            ? new SheetRowOutcome(row.row.Line, RowOutcome.Rejected, Reason: row.problem)
            : import.Take(row.row.Line, row.person)).ToList();

        await ManyRows.InsertAsync(db, "participants", import.NewPersons, cancellationToken);
        await ManyRows.InsertAsync(db, "enrolments", import.NewEnrolments, cancellationToken);
        return new SheetReport(outcomes, Count(RowOutcome.Created), Count(RowOutcome.Matched), Count(RowOutcome.Rejected));
        int Count(RowOutcome outcome) => outcomes.Count(row => row.Outcome == outcome);
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

    private async Task<AdministrationsOfSheet> AdministrationsAsync(Guid workshopId, Guid hostId, AttendanceSheet sheet, CancellationToken cancellationToken)
    {
        var named = sheet.Rows.Select(row => row[Column.Administration]).OfType<string>().Distinct().ToList();
        var ids = named.Select(text => Guid.TryParse(text, out var id) ? id : (Guid?)null).OfType<Guid>().Append(hostId);
        var codes = named.Where(text => text.Length == 2).Select(text => text.ToUpperInvariant()).ToArray();
        var found = await db.QueryAsync<NamedAdministration>(
            string.Format(Administrations, $"{db.Dialect.InIds("id", "ids")} OR {db.Dialect.InIds("country_code", "codes")}"),
            new { ids = db.Dialect.Ids(ids), codes }, cancellationToken);
        var takingPart = await db.QueryAsync<Guid>(TakingPart, new { workshopId }, cancellationToken);
        return new AdministrationsOfSheet(found, hostId, takingPart.Append(hostId).ToHashSet());
    }

    /// <summary>Everyone registered in the sheet's administrations, and anyone else with one of its e-mails.</summary>
    private async Task<KnownPersons> KnownPersonsAsync(IEnumerable<Guid> administrationIds, IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        var rows = (await db.QueryAsync<RegisteredPerson>(string.Format(Persons, db.Dialect.InIds("administration_id", "ids")),
            new { ids = db.Dialect.Ids(administrationIds.Distinct()) }, cancellationToken)).ToList();
        foreach (var chunk in emails.Distinct().Chunk(EmailsPerQuery))
            rows.AddRange(await db.QueryAsync<RegisteredPerson>(string.Format(Persons, db.Dialect.InIds("email", "ids")), new { ids = chunk }, cancellationToken));
        var known = new KnownPersons();
        foreach (var row in rows) known.Add(row.Id, new PersonKeys(row.AdministrationId, row.NormalisedName, row.Email, row.StaffNumber));
        return known;
    }

    /// <summary>The sheet's people, matched or registered one row at a time in memory; the rows to insert gather here.</summary>
    private sealed class Import(Guid workshopId, KnownPersons known, HashSet<Guid> enrolled)
    {
        private readonly Dictionary<Guid, int> registeredOnLine = [];

        public List<Dictionary<string, object?>> NewPersons { get; } = [];
        public List<Dictionary<string, object?>> NewEnrolments { get; } = [];

        public SheetRowOutcome Take(int line, SheetPerson person)
        {
            var keys = PersonKeys.Of(person);
            var found = known.Find(keys);
            var confident = found.Where(match => match.Value.Contains(DuplicateRule.StaffNumber) || match.Value.Contains(DuplicateRule.Email)).ToList();
            if (confident.Count > 1)
                return Rejected(line, "Its staff number and e-mail belong to different people in the registry: enrol this person on their own.");
            if (confident.Count == 0 && found.Count > 1)
                return Rejected(line, "Several people in the registry have this name in this administration: add a staff number or e-mail to the row.");
            if (found.Count > 0) return Matched(line, (confident.Count == 1 ? confident[0] : found.First()).Key);

            if (person.Service is null)
                return Rejected(line, "The service is blank: write operational, support or management (opérationnel, soutien, direction) to register this person.");
            var invalid = NewPerson.Validate(person);
            if (!invalid.IsValid) return Rejected(line, string.Join(" ", invalid.Errors.Select(error => error.ErrorMessage)));

            var id = Guid.CreateVersion7();
            NewPersons.Add(ParticipantWrites.Row(id, person));
            known.Add(id, keys);
            registeredOnLine[id] = line;
            Enrol(id);
            return new SheetRowOutcome(line, RowOutcome.Created, id);
        }

        private SheetRowOutcome Matched(int line, Guid id)
        {
            var reason = registeredOnLine.TryGetValue(id, out var first) ? $"The same person as row {first}."
                : enrolled.Contains(id) ? "Already enrolled in this workshop." : null;
            Enrol(id);
            return new SheetRowOutcome(line, RowOutcome.Matched, id, reason);
        }

        private void Enrol(Guid id)
        {
            if (enrolled.Add(id)) NewEnrolments.Add(EnrolmentWrites.Row(workshopId, id));
        }

        private static SheetRowOutcome Rejected(int line, string reason) => new(line, RowOutcome.Rejected, Reason: reason);
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
        public required Guid AdministrationId { get; init; }
        public required string NormalisedName { get; init; }
        public string? Email { get; init; }
        public string? StaffNumber { get; init; }
    }
}
