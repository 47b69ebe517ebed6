using Integrity.Api.Data;

namespace Integrity.Api.Features.Workshops;

/// <summary>A workshop as lists show it; <c>version</c> is also its ETag.</summary>
public record WorkshopSummary
{
    public required Guid Id { get; init; }
    public required Guid ProgrammeId { get; init; }
    public required string ProgrammeCode { get; init; }
    public required WorkshopKind Kind { get; init; }
    public required string Title { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public required Guid HostAdministrationId { get; init; }
    public required string HostAdministrationNameEn { get; init; }
    public required string HostAdministrationNameFr { get; init; }
    public required string CountryCode { get; init; }
    public required string City { get; init; }
    public required string Language { get; init; }
    public required WorkshopStatus Status { get; init; }
    /// <summary>How many participants are enrolled.</summary>
    public required int ParticipantCount { get; init; }
    public required int SessionCount { get; init; }
    public required int Version { get; init; }

    public static readonly string Select = $"""
        SELECT w.id, w.programme_id, p.code AS programme_code, {DbEnum.Column("w.kind", "kind")}, w.title, w.starts_on, w.ends_on,
               w.host_administration_id, a.name_en AS host_administration_name_en, a.name_fr AS host_administration_name_fr,
               a.country_code, w.city, w.language, {DbEnum.Column("w.status", "status")}, w.outcome_notes,
               (SELECT count(*) FROM enrolments e WHERE e.workshop_id = w.id) AS participant_count,
               (SELECT count(*) FROM sessions s WHERE s.workshop_id = w.id) AS session_count,
               w.version
        FROM workshops w
        JOIN programmes p ON p.id = w.programme_id
        JOIN administrations a ON a.id = w.host_administration_id
        """;
}

/// <summary>A workshop with everything about it, sessions included.</summary>
public sealed record WorkshopDetails : WorkshopSummary
{
    public string? OutcomeNotes { get; init; }
    /// <summary>For a regional event, the other administrations taking part.</summary>
    public required IReadOnlyList<TakingPart> Administrations { get; init; } = [];
    public required IReadOnlyList<string> KeyFactorCodes { get; init; } = [];
    public required IReadOnlyList<string> Partners { get; init; } = [];
    /// <summary>regional when administrations other than the host take part, otherwise national.</summary>
    public string Scope => Administrations.Count > 0 ? "regional" : "national";
    public required IReadOnlyList<SessionDetails> Sessions { get; init; } = [];

    internal const string AdministrationsOf = """
        SELECT a.id, a.name_en, a.name_fr FROM workshop_administrations wa JOIN administrations a ON a.id = wa.administration_id
        WHERE wa.workshop_id = @id ORDER BY a.name_en
        """;
    internal const string KeyFactorsOf = "SELECT key_factor_code FROM workshop_key_factors WHERE workshop_id = @id ORDER BY key_factor_code";
    internal const string PartnersOf = "SELECT name FROM workshop_partners WHERE workshop_id = @id ORDER BY name";

    public static async Task<WorkshopDetails> WithChildrenAsync(DbSession db, WorkshopDetails workshop, CancellationToken cancellationToken) =>
        workshop with
        {
            Administrations = await db.QueryAsync<TakingPart>(AdministrationsOf, new { id = workshop.Id }, cancellationToken),
            KeyFactorCodes = await db.QueryAsync<string>(KeyFactorsOf, new { id = workshop.Id }, cancellationToken),
            Partners = await db.QueryAsync<string>(PartnersOf, new { id = workshop.Id }, cancellationToken),
            Sessions = await SessionDetails.OfWorkshopAsync(db, workshop.Id, cancellationToken),
        };
}

/// <summary>An administration taking part in a regional event.</summary>
public sealed record TakingPart
{
    public required Guid Id { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
}

/// <summary>A module delivered on a day of a workshop, by its trainers; <c>version</c> is also its ETag.</summary>
public sealed record SessionDetails
{
    public required Guid Id { get; init; }
    public required Guid ModuleId { get; init; }
    public required string ModuleCode { get; init; }
    public required string ModuleTitleEn { get; init; }
    public required string ModuleTitleFr { get; init; }
    public required decimal Hours { get; init; }
    public required DateOnly HeldOn { get; init; }
    public required IReadOnlyList<DeliveringTrainer> Trainers { get; init; } = [];
    public required int Version { get; init; }

    internal const string Select = """
        SELECT s.id, s.module_id, m.code AS module_code, m.title_en AS module_title_en, m.title_fr AS module_title_fr,
               m.hours, s.held_on, s.version
        FROM sessions s JOIN modules m ON m.id = s.module_id
        WHERE s.workshop_id = @workshopId
        ORDER BY s.held_on, m.code, s.id
        """;
    internal const string TrainersOf = """
        SELECT st.session_id, t.id, t.full_name, t.kind FROM session_trainers st JOIN trainers t ON t.id = st.trainer_id
        JOIN sessions s ON s.id = st.session_id
        WHERE s.workshop_id = @workshopId
        ORDER BY t.full_name
        """;

    /// <summary>The sessions of a workshop with their trainers: two queries.</summary>
    public static async Task<IReadOnlyList<SessionDetails>> OfWorkshopAsync(DbSession db, Guid workshopId, CancellationToken cancellationToken)
    {
        var sessions = await db.QueryAsync<SessionDetails>(Select, new { workshopId }, cancellationToken);
        var trainers = (await db.QueryAsync<DeliveringTrainer>(TrainersOf, new { workshopId }, cancellationToken)).ToLookup(t => t.SessionId);
        return sessions.Select(session => session with { Trainers = trainers[session.Id].ToList() }).ToList();
    }
}

/// <summary>A trainer as named on a session they deliver.</summary>
public sealed record DeliveringTrainer
{
    [System.Text.Json.Serialization.JsonIgnore] public Guid SessionId { get; init; }
    public required Guid Id { get; init; }
    public required string FullName { get; init; }
}
