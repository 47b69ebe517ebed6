using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Features.Administrations;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Enrolments;

/// <summary>
/// Which administration a sheet's value means. Blank is the workshop's host; otherwise, in this order: the caller's
/// choice (<see cref="SheetChoices.AdministrationMap"/>), an id, a country code, an administration's English or
/// French name or one of its other names, or a value naming a country ("Douanes du Burkina Faso"). Accents,
/// capitals and punctuation aside. When several administrations fit, the one taking part in the workshop is meant.
/// </summary>
internal sealed class SheetAdministrations
{
    private const string Administrations = """
        SELECT a.id, a.country_code, a.name_en, a.name_fr, c.name_en AS country_name_en, c.name_fr AS country_name_fr
        FROM administrations a JOIN countries c ON c.code = a.country_code
        """;
    private const string OtherNames = "SELECT administration_id, name_key FROM administration_other_names";
    private const string TakingPart = "SELECT administration_id FROM workshop_administrations WHERE workshop_id = @workshopId";

    private readonly Guid hostId;
    private readonly IReadOnlyList<Known> known;
    private readonly ILookup<string, Guid> byName;
    private readonly IReadOnlySet<Guid> takingPart;
    private readonly SheetChoices choices;
    private readonly Dictionary<string, Found> found = new(StringComparer.Ordinal);

    private SheetAdministrations(Guid hostId, IReadOnlyList<Known> known, ILookup<string, Guid> byName, IReadOnlySet<Guid> takingPart, SheetChoices choices)
    {
        this.hostId = hostId;
        this.known = known;
        this.byName = byName;
        this.takingPart = takingPart;
        this.choices = choices;
    }

    /// <param name="Id">The administration, or <see cref="Guid.Empty"/> with a <paramref name="Problem"/>.</param>
    public sealed record Found(Guid Id, string? Problem);

    /// <summary>Every administration with its names (they are few), checking that the caller's choices name real ones (else 400).</summary>
    public static async Task<SheetAdministrations> ReadAsync(DbSession db, Guid workshopId, Guid hostId, SheetChoices choices, CancellationToken cancellationToken)
    {
        var known = await db.QueryAsync<Known>(Administrations, null, cancellationToken);
        var unknownChoices = choices.AdministrationMap.Values.Where(mapped => known.All(administration => administration.Id != mapped.Id))
            .Select(mapped => new ValidationFailure("administrationMap", Messages.MapUnknownId.With(mapped.Value, mapped.Id))).ToList();
        if (unknownChoices.Count > 0) throw new ValidationException(unknownChoices);
        var otherNames = await db.QueryAsync<OtherName>(OtherNames, null, cancellationToken);
        var byName = known.SelectMany(administration => new[] { administration.NameEn, administration.NameFr }
                .Select(name => (Key: AdministrationFields.KeyOf(name), administration.Id)))
            .Concat(otherNames.Select(other => (Key: other.NameKey, Id: other.AdministrationId)))
            .Distinct().ToLookup(name => name.Key, name => name.Id);
        var takingPart = (await db.QueryAsync<Guid>(TakingPart, new { workshopId }, cancellationToken)).Append(hostId).ToHashSet();
        return new SheetAdministrations(hostId, known, byName, takingPart, choices);
    }

    /// <summary>The values met so far that name no administration, or several, as written.</summary>
    public IEnumerable<string> Unknown => found.Where(value => value.Value.Problem is not null).Select(value => value.Key);

    public Found Find(string? text)
    {
        if (text is null) return new Found(hostId, null);
        if (!found.TryGetValue(text, out var administration)) found[text] = administration = FindNow(text);
        return administration;
    }

    private Found FindNow(string text)
    {
        var key = AdministrationFields.KeyOf(text);
        if (choices.AdministrationMap.TryGetValue(key, out var chosen)) return new Found(chosen.Id, null);
        if (Guid.TryParse(text, out var id))
            return known.Any(administration => administration.Id == id) ? new Found(id, null) : new Found(Guid.Empty, Messages.AdministrationNoId.With(text));
        if (text.Trim().Length == 2)
        {
            var code = text.Trim().ToUpperInvariant();
            var ofCountry = known.Where(administration => administration.CountryCode == code).Select(administration => administration.Id).ToList();
            return ofCountry.Count == 0 ? new Found(Guid.Empty, Messages.AdministrationNoneInCountry.With(text)) : OneOf(ofCountry, text);
        }
        if (byName[key].ToList() is { Count: > 0 } named) return OneOf(named, text);
        return OfCountryNamedIn(key) is { Count: > 0 } inCountry ? OneOf(inCountry, text) : new Found(Guid.Empty, Messages.AdministrationUnknown.With(text));
    }

    /// <summary>The administrations of the country whose name the value holds as whole words, the longest name winning (Guinée-Bissau over Guinée).</summary>
    private List<Guid> OfCountryNamedIn(string key)
    {
        var words = $" {key} ";
        var country = known
            .SelectMany(administration => new[] { administration.CountryNameEn, administration.CountryNameFr }
                .Select(name => (Name: AdministrationFields.KeyOf(name), administration.CountryCode)))
            .Where(country => country.Name.Length > 0 && words.Contains($" {country.Name} ", StringComparison.Ordinal))
            .OrderByDescending(country => country.Name.Length).Select(country => country.CountryCode).FirstOrDefault();
        return known.Where(administration => administration.CountryCode == country).Select(administration => administration.Id).ToList();
    }

    private Found OneOf(List<Guid> candidates, string text)
    {
        var chosen = candidates.Count > 1 ? candidates.Where(takingPart.Contains).ToList() : candidates;
        return chosen.Count == 1 ? new Found(chosen[0], null) : new Found(Guid.Empty, Messages.AdministrationSeveral.With(text));
    }

    private sealed record Known
    {
        public required Guid Id { get; init; }
        public required string CountryCode { get; init; }
        public required string NameEn { get; init; }
        public required string NameFr { get; init; }
        public required string CountryNameEn { get; init; }
        public required string CountryNameFr { get; init; }
    }

    private sealed record OtherName
    {
        public required Guid AdministrationId { get; init; }
        public required string NameKey { get; init; }
    }
}
