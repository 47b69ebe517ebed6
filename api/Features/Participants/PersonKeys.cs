namespace Integrity.Api.Features.Participants;

/// <summary>
/// What tells people apart in the registry: the same staff number in the same administration, the same
/// e-mail, or the same normalised name in the same administration make a likely duplicate. E-mails are
/// kept lower-case and staff numbers upper-case, so every database compares them alike, and all three are
/// folded (<see cref="LookAlikes"/>) so that a look-alike character does not make another person.
/// </summary>
public sealed record PersonKeys(Guid AdministrationId, string NormalisedName, string? Email, string? StaffNumber)
{
    public static PersonKeys Of(IPersonFields person) => new(person.AdministrationId!.Value,
        PersonNames.Normalise(person.FamilyName!, person.GivenNames!), EmailOf(person.Email), StaffNumberOf(person.StaffNumber));

    public static string? EmailOf(string? email) => Folded(email)?.ToLowerInvariant();

    public static string? StaffNumberOf(string? staffNumber) => Folded(staffNumber)?.ToUpperInvariant();

    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Folded(string? text) => Blank(text is null ? null : LookAlikes.Fold(text));
}

/// <summary>Which rule found a likely duplicate, as the 409 problem names it.</summary>
public enum DuplicateRule { StaffNumber, Email, Name }

/// <summary>
/// Registered people, indexed by the keys duplicates are found by: the one place the duplicate rules are
/// written. A name alone does not match someone whose staff number differs: a staff number names one
/// official of an administration, so that is another person with the same name.
/// </summary>
public sealed class KnownPersons
{
    private readonly Dictionary<Guid, PersonKeys> persons = [];
    private readonly Dictionary<(Guid, string), List<Guid>> byStaffNumber = [];
    private readonly Dictionary<string, List<Guid>> byEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<(Guid, string), List<Guid>> byName = [];

    public void Add(Guid id, PersonKeys keys)
    {
        if (!persons.TryAdd(id, keys)) return;
        if (keys.StaffNumber is not null) Index(byStaffNumber, (keys.AdministrationId, keys.StaffNumber), id);
        if (keys.Email is not null) Index(byEmail, keys.Email, id);
        Index(byName, (keys.AdministrationId, keys.NormalisedName), id);
    }

    /// <summary>The registered people these keys likely are, each with the rules that found them.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<DuplicateRule>> Find(PersonKeys keys)
    {
        var found = new Dictionary<Guid, IReadOnlyList<DuplicateRule>>();
        void Note(IEnumerable<Guid> ids, DuplicateRule rule)
        {
            foreach (var id in ids) found[id] = [.. found.GetValueOrDefault(id) ?? [], rule];
        }
        if (keys.StaffNumber is not null) Note(byStaffNumber.GetValueOrDefault((keys.AdministrationId, keys.StaffNumber)) ?? [], DuplicateRule.StaffNumber);
        if (keys.Email is not null) Note(byEmail.GetValueOrDefault(keys.Email) ?? [], DuplicateRule.Email);
        Note((byName.GetValueOrDefault((keys.AdministrationId, keys.NormalisedName)) ?? [])
            .Where(id => keys.StaffNumber is null || persons[id].StaffNumber is not { } theirs || theirs == keys.StaffNumber), DuplicateRule.Name);
        return found;
    }

    private static void Index<TKey>(Dictionary<TKey, List<Guid>> index, TKey key, Guid id) where TKey : notnull
    {
        if (index.TryGetValue(key, out var ids)) ids.Add(id);
        else index[key] = [id];
    }
}
