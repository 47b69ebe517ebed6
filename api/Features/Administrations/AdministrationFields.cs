using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Http;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Administrations;

/// <summary>What registering and updating an administration both send.</summary>
public interface IAdministrationFields
{
    string CountryCode { get; }
    string RegionCode { get; }
    string NameEn { get; }
    string NameFr { get; }
    IReadOnlyList<string>? OtherNames { get; }
}

public class AdministrationFieldsValidator<T> : AbstractValidator<T> where T : IAdministrationFields
{
    public const int MaxOtherNames = 20;
    public const int MaxOtherNameLength = 200;

    public AdministrationFieldsValidator()
    {
        RuleFor(x => x.CountryCode).NotEmpty().Matches("^[A-Z]{2}$")
            .WithMessage(_ => Messages.CountryCode);
        RuleFor(x => x.RegionCode).NotEmpty().MaximumLength(10);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(300);
        RuleFor(x => x.NameFr).NotEmpty().MaximumLength(300);
        RuleFor(x => x.OtherNames).MaximumCount(MaxOtherNames)
            .WithMessage(_ => Messages.OtherNamesTooMany.With(MaxOtherNames));
        // Every bad name is reported, not only the first; but only within the limit, since each name is compared with
        // every other (a list of 10,000 names kept a request busy for minutes).
        When(x => x.OtherNames is not { Count: > MaxOtherNames }, () =>
            RuleForEach(x => x.OtherNames).Cascade(CascadeMode.Continue)
                .Must(name => AdministrationFields.KeyOf(name ?? "").Length > 0 && name!.Length <= MaxOtherNameLength)
                .WithMessage(_ => Messages.OtherNameLength.With(MaxOtherNameLength))
                .Must((administration, name) => administration.OtherNames!.Count(other => AdministrationFields.KeyOf(other ?? "") == AdministrationFields.KeyOf(name)) == 1)
                .WithMessage((_, name) => Messages.OtherNameTwice.With(name)));
    }
}

/// <summary>What registering and updating an administration both check and write: known codes, a unique name, its other names.</summary>
internal static class AdministrationFields
{
    private const string HolderOfName = "SELECT id FROM administrations WHERE country_code = @countryCode AND name_en = @nameEn";
    private const string KnownCodes = """
        SELECT (SELECT count(*) FROM countries WHERE code = @countryCode) AS countries,
               (SELECT count(*) FROM regions WHERE code = @regionCode) AS regions
        """;
    private const string HoldersOfOtherNames = """
        SELECT o.name_key, a.name_en FROM administration_other_names o JOIN administrations a ON a.id = o.administration_id
        WHERE a.id <> @id AND {0}
        """;
    private const string ForgetOtherNames = "DELETE FROM administration_other_names WHERE administration_id = @id";
    private const string NewVersion = "UPDATE administrations SET version = version + 1 WHERE id = @id";
    private const string OtherNamesOf = "SELECT administration_id, name FROM administration_other_names WHERE {0} ORDER BY name";

    /// <summary>How other names compare: lower case, without accents or punctuation, so "DOUANES du Burkina-Faso" is "douanes du burkina faso".</summary>
    public static string KeyOf(string name) => string.Join(' ', PersonNames.Words(name));

    public static async Task CheckAsync(DbSession db, IAdministrationFields administration, Guid? except,
        CancellationToken cancellationToken)
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
            Messages.AdministrationNameTaken.With(administration.CountryCode, administration.NameEn), cancellationToken);
        if (administration.OtherNames is { Count: > 0 } otherNames)
        {
            var keys = otherNames.ToDictionary(KeyOf);
            var held = await db.QueryAsync<HeldName>(string.Format(HoldersOfOtherNames, db.Dialect.InIds("o.name_key", "keys")),
                new { id = except ?? Guid.Empty, keys = keys.Keys.ToArray() }, cancellationToken);
            if (held.Count > 0) throw new ConflictException(Messages.OtherNameTaken.With(keys[held[0].NameKey], held[0].NameEn));
        }
    }

    /// <summary>Replaces an administration's other names with those sent; left out, they stay as they are.</summary>
    public static async Task WriteOtherNamesAsync(DbSession db, Guid id, IReadOnlyList<string>? otherNames, CancellationToken cancellationToken)
    {
        if (otherNames is null) return;
        await db.ExecuteAsync(ForgetOtherNames, new { id }, cancellationToken);
        await ManyRows.InsertAsync(db, "administration_other_names", otherNames.Select(name => new Dictionary<string, object?>
        {
            ["administration_id"] = id,
            ["name"] = name.Trim(),
            ["name_key"] = KeyOf(name),
        }).ToList(), cancellationToken);
    }

    /// <summary>
    /// Adds other names that a sheet's values turned out to mean (<c>administrationMap</c>), so the next sheet matches them
    /// by itself; a name some administration already has is left as it is.
    /// </summary>
    public static async Task AddOtherNamesAsync(DbSession db, IEnumerable<(Guid Id, string Name)> names, CancellationToken cancellationToken)
    {
        foreach (var (id, name) in names)
        {
            var added = await db.ExecuteAsync(db.Dialect.InsertIfAbsent("administration_other_names", ["administration_id", "name", "name_key"], ["name_key"]),
                new { administration_id = id, name = name.Trim(), name_key = KeyOf(name) }, cancellationToken);
            if (added > 0) await db.ExecuteAsync(NewVersion, new { id }, cancellationToken);
        }
    }

    /// <summary>The other names of these administrations, by administration.</summary>
    public static async Task<ILookup<Guid, string>> OtherNamesAsync(DbSession db, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<OtherName>(string.Format(OtherNamesOf, db.Dialect.InIds("administration_id", "ids")),
            new { ids = db.Dialect.Ids(ids.Distinct()) }, cancellationToken);
        return rows.ToLookup(row => row.AdministrationId, row => row.Name);
    }

    private sealed record KnownCounts
    {
        public long Countries { get; init; }
        public long Regions { get; init; }
    }

    private sealed record HeldName
    {
        public required string NameKey { get; init; }
        public required string NameEn { get; init; }
    }

    private sealed record OtherName
    {
        public required Guid AdministrationId { get; init; }
        public required string Name { get; init; }
    }
}
