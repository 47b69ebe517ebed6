using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;

namespace Integrity.Api.Features.Programmes;

/// <summary>What registering and updating a programme both do: check its code and donors, record its funding.</summary>
internal static class ProgrammeWrites
{
    private const string HolderOfCode = "SELECT id FROM programmes WHERE code = @code";
    private const string Fund = "INSERT INTO programme_donors (programme_id, donor_id) VALUES (@programmeId, @donorId)";

    public static async Task CheckAsync(DbSession db, IProgrammeFields programme, Guid? except, CancellationToken cancellationToken)
    {
        await db.RefuseDuplicateAsync(HolderOfCode, new { code = programme.Code }, except,
            $"Another programme already has the code '{programme.Code}'. Choose another code.", cancellationToken);
        var known = await db.QueryAsync<Guid>(
            $"SELECT id FROM donors WHERE {db.Dialect.InIds("id", "ids")}", new { ids = db.Dialect.Ids(programme.DonorIds) }, cancellationToken);
        var unknown = programme.DonorIds.Except(known).ToList();
        if (unknown.Count > 0)
            throw new ValidationException([new ValidationFailure(nameof(IProgrammeFields.DonorIds),
                $"No donor has the id {string.Join(", ", unknown)}. Register the donor first, or pick one from GET /api/v1/donors.")]);
    }

    public static Task FundAsync(DbSession db, Guid programmeId, IEnumerable<Guid> donorIds, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Fund, donorIds.Select(donorId => new { programmeId, donorId }).ToList(), cancellationToken);
}
