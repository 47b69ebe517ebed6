using Integrity.Api.Data;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// The registry of officials: names drawn from the regions the programmes work in (so searches meet accents,
/// apostrophes and shared family names), sex, service and position; about half with an e-mail, most with a staff
/// number unique within their administration.
/// </summary>
public static class ScalePeople
{
    private static readonly string[] FamilyNames =
    [
        "Ouédraogo", "Traoré", "Diallo", "Koné", "Sawadogo", "Kaboré", "Coulibaly", "Diop", "N'Diaye", "Mensah", "Okafor", "Adeyemi",
        "Mwangi", "Otieno", "Wanjiru", "Mutua", "Banda", "Phiri", "Nkosi", "Rakotomalala", "Haile", "Tesfaye", "Uwimana", "Nsengiyumva",
        "El Amrani", "Benali", "Haddad", "Khoury", "Mansour", "Al-Farsi", "Saleh", "Bouazizi", "Hoxha", "Petrovski", "Popescu", "Kovalenko",
        "Beridze", "Sargsyan", "Jovanović", "Hodžić", "Yılmaz", "Sok", "Phommachanh", "Bat-Erdene", "Shrestha", "Perera", "Rahman",
        "Santos", "Wijaya", "Tui", "Rodríguez", "Pierre", "García", "López", "Hernández", "Quispe", "Mamani", "Benítez", "Campbell",
    ];

    private static readonly string[] FemaleNames =
    [
        "Aminata", "Fatoumata", "Mariam", "Aïcha", "Awa", "Grace", "Wanjiku", "Amani", "Chipo", "Hiwot", "Fatima", "Leïla", "Nour",
        "Elira", "Ana", "Olena", "Nino", "Ayşe", "Sreymom", "Oyuna", "Sita", "Nusrat", "Maria", "Siti", "Carmen", "Rosa", "Marie-Claire",
    ];

    private static readonly string[] MaleNames =
    [
        "Issa", "Moussa", "Abdoulaye", "Ibrahim", "Kwame", "Chinedu", "Otieno", "Tendai", "Dawit", "Jean-Baptiste", "Youssef", "Karim",
        "Omar", "Arben", "Ivan", "Giorgi", "Mehmet", "Dara", "Bat", "Ram", "Kamal", "José", "Budi", "Luis", "Jean", "Andrés", "Mohamed",
    ];

    private static readonly string[] Positions =
    [
        "Customs officer", "Customs inspector", "Senior inspector", "Head of unit", "Border post chief", "Auditor", "Investigator",
        "HR officer", "Risk analyst", "Trainer", "Deputy director", "Director",
    ];

    public static string FullName(ScaleLoad load)
    {
        var givenNames = load.Chance(0.5) ? load.Pick(FemaleNames) : load.Pick(MaleNames);
        return $"{givenNames} {load.Pick(FamilyNames)}";
    }

    /// <summary>Writes the registry; answers each participant's administration, in the order written.</summary>
    public static async Task<IReadOnlyList<ScaleParticipant>> LoadAsync(ScaleLoad load, Portfolio portfolio)
    {
        var participants = new List<ScaleParticipant>(load.Size.Participants);
        await load.WriteAsync("participants",
            ["id", "family_name", "given_names", "normalised_name", "sex", "administration_id", "service", "position", "email", "staff_number", "version"],
            Enumerable.Range(0, load.Size.Participants).Select(i => Row(load, portfolio, i, participants)));
        return participants;
    }

    private static object?[] Row(ScaleLoad load, Portfolio portfolio, int number, List<ScaleParticipant> participants)
    {
        var administration = load.Pick(portfolio.Administrations);
        var draw = load.Random.NextDouble();
        var sex = draw < 0.46 ? Sex.Female : draw < 0.96 ? Sex.Male : Sex.NotRecorded;
        var familyName = load.Pick(FamilyNames);
        var givenNames = sex == Sex.Female || (sex == Sex.NotRecorded && load.Chance(0.5)) ? load.Pick(FemaleNames) : load.Pick(MaleNames);
        if (load.Chance(0.3)) givenNames += " " + load.Pick(sex == Sex.Female ? FemaleNames : MaleNames);
        var service = load.Random.NextDouble() switch { < 0.6 => Service.Operational, < 0.85 => Service.Support, _ => Service.Management };
        var id = load.Ids.Next();
        participants.Add(new ScaleParticipant(id, administration));
        // Numbered so they stay unique however many share a name.
        var email = load.Chance(0.5)
            ? $"{string.Join('.', PersonNames.Words(givenNames + " " + familyName))}.{number}@customs-{administration.CountryCode.ToLowerInvariant()}.example"
            : null;
        var staffNumber = load.Chance(0.8) ? $"{administration.CountryCode}-{number:D6}" : null;
        return
        [
            id, familyName, givenNames, PersonNames.Normalise(familyName, givenNames), DbEnum.Name(sex), administration.Id,
            DbEnum.Name(service), load.Chance(0.9) ? load.Pick(Positions) : null, email, staffNumber, 1,
        ];
    }
}

public sealed record ScaleParticipant(Guid Id, ScaleAdministration Administration);
