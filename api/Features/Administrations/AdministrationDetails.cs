using Integrity.Api.Data;

namespace Integrity.Api.Features.Administrations;

/// <summary>An administration with its country's and region's names; <c>version</c> is also sent as the ETag.</summary>
public sealed record AdministrationDetails
{
    public required Guid Id { get; init; }
    public required string CountryCode { get; init; }
    public required string CountryNameEn { get; init; }
    public required string CountryNameFr { get; init; }
    public required string RegionCode { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
    /// <summary>Other names an attendance sheet may write for it, by name.</summary>
    public required IReadOnlyList<string> OtherNames { get; init; }
    /// <summary>Counts the changes to this administration; send it back in If-Match to update it.</summary>
    public required int Version { get; init; }

    /// <summary>These administrations with their other names, read in one query.</summary>
    public static async Task<List<AdministrationDetails>> WithOtherNamesAsync(DbSession db, IReadOnlyList<AdministrationDetails> administrations,
        CancellationToken cancellationToken)
    {
        var otherNames = await AdministrationFields.OtherNamesAsync(db, administrations.Select(administration => administration.Id), cancellationToken);
        return administrations.Select(administration => administration with { OtherNames = [.. otherNames[administration.Id]] }).ToList();
    }

    public const string Select = """
        SELECT a.id, a.country_code, c.name_en AS country_name_en, c.name_fr AS country_name_fr,
               a.region_code, a.name_en, a.name_fr, a.version
        FROM administrations a JOIN countries c ON c.code = a.country_code
        """;
}
