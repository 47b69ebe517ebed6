using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;

namespace Integrity.Api.Features.Participants;

/// <summary>What the registry and a workshop's list of participants both say of a person.</summary>
public abstract record Person
{
    public required string FamilyName { get; init; }
    public required string GivenNames { get; init; }
    /// <summary>The sort key of lists, and what duplicates are found by.</summary>
    [JsonIgnore] public string NormalisedName { get; init; } = "";
    public required Sex Sex { get; init; }
    public required Guid AdministrationId { get; init; }
    public required string CountryCode { get; init; }
    public required Service Service { get; init; }
    public string? Position { get; init; }

    /// <summary>The columns of these fields, for a query that joins participants p and administrations a.</summary>
    public static readonly string Columns =
        $"p.family_name, p.given_names, p.normalised_name, {DbEnum.Column("p.sex", "sex")}, p.administration_id, a.country_code, " +
        $"{DbEnum.Column("p.service", "service")}, p.position";
}

/// <summary>A person in the registry; <c>version</c> is also its ETag.</summary>
public record ParticipantSummary : Person
{
    public required Guid Id { get; init; }
    public required string AdministrationNameEn { get; init; }
    public required string AdministrationNameFr { get; init; }
    /// <summary>Stored lower-case.</summary>
    public string? Email { get; init; }
    /// <summary>Stored upper-case; unique within an administration.</summary>
    public string? StaffNumber { get; init; }
    public required int Version { get; init; }

    public static readonly string Select = $"""
        SELECT p.id, {Columns}, a.name_en AS administration_name_en, a.name_fr AS administration_name_fr, p.email, p.staff_number, p.version
        FROM participants p
        JOIN administrations a ON a.id = p.administration_id
        """;
}

/// <summary>A person with the workshops they were enrolled in that the caller can see, most recent first.</summary>
public sealed record ParticipantDetails : ParticipantSummary
{
    public required IReadOnlyList<WorkshopAttended> Workshops { get; init; } = [];

    private const string WorkshopsOf = """
        SELECT e.workshop_id, w.title, w.starts_on, w.ends_on, e.pre_test_score, e.post_test_score, e.completed
        FROM enrolments e JOIN workshops w ON w.id = e.workshop_id
        WHERE e.participant_id = @id AND {0}
        ORDER BY w.starts_on DESC, w.id
        """;

    public static async Task<ParticipantDetails> WithWorkshopsAsync(DbSession db, Caller caller, ParticipantDetails participant, CancellationToken cancellationToken) =>
        participant with
        {
            Workshops = await db.QueryAsync<WorkshopAttended>(string.Format(WorkshopsOf, Scope.Workshops(caller, "w") ?? "1 = 1"),
                Scope.Parameters(caller, new { id = participant.Id }), cancellationToken),
        };
}

/// <summary>A workshop a participant was enrolled in, with their scores.</summary>
public sealed record WorkshopAttended
{
    public required Guid WorkshopId { get; init; }
    public required string Title { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public decimal? PreTestScore { get; init; }
    public decimal? PostTestScore { get; init; }
    public required bool Completed { get; init; }
}
