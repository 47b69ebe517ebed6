using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Identity;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Programmes;

/// <summary>What registering and updating a programme both send.</summary>
public interface IProgrammeFields
{
    string Code { get; }
    string Name { get; }
    DateOnly? StartsOn { get; }
    DateOnly? EndsOn { get; }
    IReadOnlyList<Guid> DonorIds { get; }
    IReadOnlyList<Guid>? AdministrationIds { get; }
}

public class ProgrammeFieldsValidator<T> : AbstractValidator<T> where T : IProgrammeFields
{
    public ProgrammeFieldsValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage(_ => Messages.CodeLike.With("A-CIP"));
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.StartsOn).NotNull();
        RuleFor(x => x.EndsOn).NotNull()
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.ProgrammeEndsBeforeStart);
        RuleFor(x => x.DonorIds).NotEmpty().WithMessage(_ => Messages.AtLeastOneDonor)
            .Must(ids => ids.Distinct().Count() == ids.Count)
            .WithMessage(_ => Messages.DonorTwice);
        RuleFor(x => x.AdministrationIds).Must(ids => ids!.Distinct().Count() == ids!.Count).When(x => x.AdministrationIds is not null)
            .WithMessage(_ => Messages.AdministrationTwice);
    }
}

/// <summary>What registering and updating a programme both do: check its code, donors and administrations, and record them.</summary>
internal static class ProgrammeWrites
{
    private const string HolderOfCode = "SELECT id FROM programmes WHERE code = @code";
    private const string Fund = "INSERT INTO programme_donors (programme_id, donor_id) VALUES (@programmeId, @donorId)";
    private const string Cover = "INSERT INTO programme_administrations (programme_id, administration_id) VALUES (@programmeId, @administrationId)";
    private const string Unfund = "DELETE FROM programme_donors WHERE programme_id = @programmeId";
    private const string Uncover = "DELETE FROM programme_administrations WHERE programme_id = @programmeId";

    public static async Task CheckAsync(DbSession db, IProgrammeFields programme, Guid? except, CancellationToken cancellationToken)
    {
        await db.RefuseDuplicateAsync(HolderOfCode, new { code = programme.Code }, except,
            Messages.ProgrammeCodeTaken.With(programme.Code), cancellationToken);
        var failures = new List<ValidationFailure>();
        // Only administrators change the lists (UpdateProgrammeAccess): a coordinator cannot widen her own scope through them.
        await db.RequireKnownAsync(RecordKind.Donor, programme.DonorIds, nameof(IProgrammeFields.DonorIds), failures, cancellationToken);
        await db.RequireKnownAsync(RecordKind.Administration, programme.AdministrationIds ?? [], nameof(IProgrammeFields.AdministrationIds), failures, cancellationToken);
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    public static async Task LinkAsync(DbSession db, Guid programmeId, IProgrammeFields programme, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Fund, programme.DonorIds.Select(donorId => new { programmeId, donorId }).ToList(), cancellationToken);
        await db.ExecuteAsync(Cover, (programme.AdministrationIds ?? []).Select(administrationId => new { programmeId, administrationId }).ToList(), cancellationToken);
    }

    public static async Task UnlinkAsync(DbSession db, Guid programmeId, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Unfund, new { programmeId }, cancellationToken);
        await db.ExecuteAsync(Uncover, new { programmeId }, cancellationToken);
    }
}
