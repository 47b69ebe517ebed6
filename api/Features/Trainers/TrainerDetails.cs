using Integrity.Api.Data;

namespace Integrity.Api.Features.Trainers;

/// <summary>A trainer (personal data: staff only, within scope) with its accreditations; <c>version</c> is also sent as the ETag.</summary>
public sealed record TrainerDetails
{
    public required Guid Id { get; init; }
    public required string FullName { get; init; }
    public required TrainerKind Kind { get; init; }
    /// <summary>The customs administration of a national trainer; none for a WCO expert.</summary>
    public Guid? AdministrationId { get; init; }
    public string? AdministrationNameEn { get; init; }
    public string? AdministrationNameFr { get; init; }
    public string? Email { get; init; }
    /// <summary>The account the trainer signs in with, when it has one.</summary>
    public Guid? UserId { get; init; }
    /// <summary>Its accreditations, by module code.</summary>
    public required IReadOnlyList<AccreditationDetails> Accreditations { get; init; } = [];
    /// <summary>Counts the changes to this trainer; send it back in If-Match to update it. Accreditations have versions of their own.</summary>
    public required int Version { get; init; }

    /// <summary>Trainers as <c>t</c>, for <see cref="Identity.Scope.Trainers"/>.</summary>
    public static readonly string Select = $"""
        SELECT t.id, t.full_name, {DbEnum.Column("t.kind", "kind")}, t.administration_id, a.name_en AS administration_name_en,
               a.name_fr AS administration_name_fr, t.email, t.user_id, t.version
        FROM trainers t LEFT JOIN administrations a ON a.id = t.administration_id
        """;

    /// <summary>Adds their accreditations to trainers read with <see cref="Select"/>: one query for a whole page.</summary>
    public static async Task<IReadOnlyList<TrainerDetails>> WithAccreditationsAsync(
        DbSession db, IReadOnlyList<TrainerDetails> trainers, CancellationToken cancellationToken)
    {
        if (trainers.Count == 0) return trainers;
        var accreditations = (await db.QueryAsync<AccreditationDetails>(
                $"{AccreditationDetails.Select} WHERE {db.Dialect.InIds("ac.trainer_id", "ids")} ORDER BY m.code, ac.id",
                new { ids = db.Dialect.Ids(trainers.Select(trainer => trainer.Id)) }, cancellationToken))
            .ToLookup(accreditation => accreditation.TrainerId);
        return trainers.Select(trainer => trainer with { Accreditations = accreditations[trainer.Id].ToList() }).ToList();
    }
}

/// <summary>
/// A trainer's accreditation for a module: its stage and the day it reached each stage so far;
/// <c>version</c> is also sent as the ETag of <c>/trainers/{id}/accreditations/{moduleId}</c>.
/// </summary>
public sealed record AccreditationDetails
{
    public required Guid Id { get; init; }
    public required Guid TrainerId { get; init; }
    public required Guid ModuleId { get; init; }
    public required string ModuleCode { get; init; }
    public required string ModuleTitleEn { get; init; }
    public required AccreditationStage Stage { get; init; }
    public required DateOnly CandidateSince { get; init; }
    public DateOnly? TrainedOn { get; init; }
    public DateOnly? SupervisedDeliveryOn { get; init; }
    public DateOnly? AccreditedOn { get; init; }
    /// <summary>The training-of-trainers workshop where the trainer was trained in this module, when known.</summary>
    public Guid? TrainedAtWorkshopId { get; init; }
    /// <summary>Counts the changes to this accreditation; send it back in If-Match to record its next stage.</summary>
    public required int Version { get; init; }

    /// <summary>Accreditations as <c>ac</c>, with their trainer as <c>t</c> for <see cref="Identity.Scope.Trainers"/>.</summary>
    public static readonly string Select = $"""
        SELECT ac.id, ac.trainer_id, ac.module_id, m.code AS module_code, m.title_en AS module_title_en, {DbEnum.Column("ac.stage", "stage")},
               ac.candidate_since, ac.trained_on, ac.supervised_delivery_on, ac.accredited_on, ac.trained_at_workshop_id, ac.version
        FROM accreditations ac
        JOIN modules m ON m.id = ac.module_id
        JOIN trainers t ON t.id = ac.trainer_id
        """;
}
