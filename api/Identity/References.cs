using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;

namespace Integrity.Api.Identity;

/// <summary>
/// A kind of record that commands name by id: its table, which rows a caller may use (those its scope lets it
/// see, <see cref="Scope"/>) and where a caller finds one. <see cref="What"/> reads the catalogue at each refusal, in its language. The one list of what a command's foreign ids are checked against.
/// </summary>
public sealed record RecordKind(string Table, Func<string> What, string WhereToLook, Func<Caller, string, string?> Usable)
{
    public static readonly RecordKind Programme = new("programmes", () => Messages.RecordProgramme, "GET /api/v1/programmes", (caller, t) => Scope.Programmes(caller, $"{t}.id"));
    public static readonly RecordKind Administration = new("administrations", () => Messages.RecordAdministration, "GET /api/v1/administrations", (caller, t) => Scope.Administrations(caller, $"{t}.id"));
    public static readonly RecordKind Donor = new("donors", () => Messages.RecordDonor, "GET /api/v1/donors", (caller, t) => Scope.Donors(caller, $"{t}.id"));
    /// <summary>Modules are reference data: everyone who plans may use every one.</summary>
    public static readonly RecordKind Module = new("modules", () => Messages.RecordModule, "GET /api/v1/modules", (_, _) => null);
    /// <summary>Questionnaires are reference data too: every coordinator may survey with any of them.</summary>
    public static readonly RecordKind Questionnaire = new("questionnaires", () => Messages.RecordQuestionnaire, "GET /api/v1/questionnaires", (_, _) => null);
    public static readonly RecordKind Trainer = new("trainers", () => Messages.RecordTrainer, "GET /api/v1/trainers", Scope.Trainers);
    public static readonly RecordKind Participant = new("participants", () => Messages.RecordParticipant, "GET /api/v1/participants", Scope.Participants);
    public static readonly RecordKind Workshop = new("workshops", () => Messages.RecordWorkshop, "GET /api/v1/workshops", Scope.Workshops);
}

/// <summary>
/// The check every command makes of the ids it receives: each names a record the caller may use. An id outside the
/// caller's scope gets the very answer an id nobody has gets, so a refusal never tells whether a record exists elsewhere.
/// </summary>
public static class References
{
    /// <summary>Adds a field error to <paramref name="failures"/> for the <paramref name="ids"/> that name no record of <paramref name="kind"/> the caller may use.</summary>
    public static async Task RequireUsableAsync(this DbSession db, Caller caller, RecordKind kind, IReadOnlyList<Guid> ids, string field,
        List<ValidationFailure> failures, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        var usable = await db.QueryAsync<Guid>(
            $"SELECT t.id FROM {kind.Table} t WHERE {db.Dialect.InIds("t.id", "ids")}{Scope.And(kind.Usable(caller, "t"))}",
            Scope.Parameters(caller, new { ids = db.Dialect.Ids(ids) }), cancellationToken);
        var refused = ids.Except(usable).ToList();
        if (refused.Count > 0)
            failures.Add(new ValidationFailure(field, Messages.NoUsableRecord.With(kind.What(), string.Join(", ", refused), kind.WhereToLook)));
    }

    /// <summary>Shorthand for one optional id.</summary>
    public static Task RequireUsableAsync(this DbSession db, Caller caller, RecordKind kind, Guid? id, string field,
        List<ValidationFailure> failures, CancellationToken cancellationToken) =>
        db.RequireUsableAsync(caller, kind, id is { } one ? [one] : [], field, failures, cancellationToken);

    /// <summary>
    /// For ids whose scope the command's access rule already decided (such as a list only administrators may change):
    /// only that they exist.
    /// </summary>
    public static Task RequireKnownAsync(this DbSession db, RecordKind kind, IReadOnlyList<Guid> ids, string field,
        List<ValidationFailure> failures, CancellationToken cancellationToken) =>
        db.RequireUsableAsync(Caller.System, kind, ids, field, failures, cancellationToken);

    /// <summary>
    /// Adds a field error for the <paramref name="administrationIds"/> that <paramref name="programmeId"/> does not cover
    /// (programme_administrations): a programme's records stay with the administrations it works with.
    /// Ask only once both ids were found usable, so the answer tells nothing about records outside scope.
    /// </summary>
    public static async Task RequireCoveredAsync(this DbSession db, Guid programmeId, IReadOnlyList<Guid> administrationIds, string field,
        List<ValidationFailure> failures, CancellationToken cancellationToken)
    {
        if (administrationIds.Count == 0) return;
        var covered = await db.QueryAsync<Guid>(
            $"SELECT administration_id FROM programme_administrations WHERE programme_id = @programmeId AND {db.Dialect.InIds("administration_id", "ids")}",
            new { programmeId, ids = db.Dialect.Ids(administrationIds) }, cancellationToken);
        var outside = administrationIds.Except(covered).ToList();
        if (outside.Count > 0)
            failures.Add(new ValidationFailure(field, Messages.NotCovered.With(string.Join(", ", outside), programmeId)));
    }
}
