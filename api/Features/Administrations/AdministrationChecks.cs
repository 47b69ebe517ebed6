using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;

namespace Integrity.Api.Features.Administrations;

/// <summary>What registering and updating an administration both check: known codes and a unique name.</summary>
internal static class AdministrationChecks
{
    private const string HolderOfName = "SELECT id FROM administrations WHERE country_code = @countryCode AND name_en = @nameEn";
    private const string KnownCodes = """
        SELECT (SELECT count(*) FROM countries WHERE code = @countryCode) AS countries,
               (SELECT count(*) FROM regions WHERE code = @regionCode) AS regions
        """;

    public static async Task CheckAsync(DbSession db, IAdministrationFields administration, Guid? except, CancellationToken cancellationToken)
    {
        var known = (await db.QueryAsync<KnownCounts>(KnownCodes, new { countryCode = administration.CountryCode, regionCode = administration.RegionCode }, cancellationToken))[0];
        var failures = new List<ValidationFailure>();
        if (known.Countries == 0)
            failures.Add(new(nameof(IAdministrationFields.CountryCode),
                $"'{administration.CountryCode}' is not an ISO 3166-1 country code; see GET /api/v1/countries."));
        if (known.Regions == 0)
            failures.Add(new(nameof(IAdministrationFields.RegionCode),
                $"'{administration.RegionCode}' is not a WCO region code; see GET /api/v1/regions."));
        if (failures.Count > 0) throw new ValidationException(failures);
        await db.RefuseDuplicateAsync(HolderOfName, new { countryCode = administration.CountryCode, nameEn = administration.NameEn }, except,
            $"{administration.CountryCode} already has an administration named '{administration.NameEn}'.", cancellationToken);
    }

    private sealed record KnownCounts
    {
        public long Countries { get; init; }
        public long Regions { get; init; }
    }
}
