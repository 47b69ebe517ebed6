using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;

namespace Integrity.Api.Features.Programmes;

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
            $"Another programme already has the code '{programme.Code}'. Choose another code.", cancellationToken);
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
