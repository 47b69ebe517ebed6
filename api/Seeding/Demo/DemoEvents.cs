using Integrity.Api.Features.Modules;
using Integrity.Api.Features.Enrolments;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Trainers;
using Integrity.Api.Features.Workshops;
using Mediator;

namespace Integrity.Api.Seeding.Demo;

/// <summary>
/// The two real events of DESIGN.md as records: the WACAM capacity-building mission on human resource
/// management with Mali Customs (Bamako, 12–16 March 2018) and the A-CIP workshop with Burkina Faso
/// Customs (Ouagadougou, 29 November–1 December 2023) run by two national managers. The events, places,
/// dates and programmes are real; the people in them are made up, with names common in each country.
/// </summary>
internal sealed class DemoEvents(ISender sender)
{
    // Family i % 13 with given name 5i % 14, and family i % 6 with given name i % 5: no two people share a name.
    private static readonly string[] BurkinabeFamilies =
        ["Ouédraogo", "Sawadogo", "Kaboré", "Compaoré", "Zongo", "Traoré", "Ilboudo", "Nikiéma", "Bationo", "Sanou", "Kiemtoré", "Tapsoba", "Yaméogo"];
    private static readonly (string Name, Sex Sex)[] BurkinabeGiven =
    [
        ("Aminata", Sex.Female), ("Issa", Sex.Male), ("Salif", Sex.Male), ("Mariam", Sex.Female), ("Adama", Sex.Male), ("Fatimata", Sex.Female),
        ("Boukary", Sex.Male), ("Rasmata", Sex.Female), ("Ousmane", Sex.Male), ("Awa", Sex.Female), ("Hamidou", Sex.Male),
        ("Safiatou", Sex.Female), ("Moussa", Sex.Male), ("Aïssata", Sex.Female),
    ];
    private static readonly string[] MalianFamilies = ["Diarra", "Coulibaly", "Keïta", "Konaté", "Diallo", "Sidibé"];
    private static readonly (string Name, Sex Sex)[] MalianGiven = [("Bakary", Sex.Male), ("Oumou", Sex.Female), ("Mamadou", Sex.Male), ("Kadiatou", Sex.Female), ("Sékou", Sex.Male)];

    public async Task<Guid> BamakoMissionAsync(Guid wacam, Guid mali, Guid wcoExpert)
    {
        var module = await sender.Send(new RegisterModule("WACAM-HRM", "Human resource management: strategy and competency tools",
            "Gestion des ressources humaines : stratégie et outils de compétences", 6m, ["RAD-08", "RAD-09"]));
        var mission = await sender.Send(new RecordWorkshop(wacam, WorkshopKind.CapacityBuildingMission,
            "Capacity-building mission on human resource management", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16), mali, "Bamako", "fr",
            WorkshopStatus.Held, KeyFactorCodes: ["RAD-08", "RAD-09"],
            OutcomeNotes: "An HRM strategy 2018–2021 and competency tools (competency framework, job descriptions) drafted with Mali Customs."));
        var people = new List<Guid>();
        for (var i = 0; i < 12; i++)
        {
            var (given, sex) = MalianGiven[i % MalianGiven.Length];
            people.Add(await EnrolAsync(mission.Id, MalianFamilies[i % MalianFamilies.Length], given, sex, mali,
                i % 3 == 0 ? Service.Management : Service.Support, i % 3 == 0 ? "Head of unit" : "HR officer", $"ML-DGD-{2100 + i}"));
        }
        for (var day = 0; day < 5; day++)
        {
            var session = await sender.Send(new PlanSession(module.Id, new DateOnly(2018, 3, 12 + day), [wcoExpert]) { WorkshopId = mission.Id });
            await sender.Send(new TakeAttendance(people.Select((person, i) => new AttendanceEntry(person,
                (i + day) % 9 == 4 ? AttendanceStatus.Excused : AttendanceStatus.Present)).ToList()) { WorkshopId = mission.Id, SessionId = session.Id });
        }
        return mission.Id;
    }

    public async Task<Guid> OuagadougouWorkshopAsync(Guid acip, Guid burkina, Guid[] nationalManagers)
    {
        var module = await sender.Send(new RegisterModule("ACIP-RAD-PRACTICE",
            "The Revised Arusha Declaration in practice in your daily work as a Customs officer",
            "La Déclaration d'Arusha révisée en pratique dans votre travail quotidien de douanier", 5m,
            ["RAD-01", "RAD-02", "RAD-03", "RAD-07", "RAD-10"]));
        foreach (var manager in nationalManagers)
            await sender.Send(new RecordAccreditation(AccreditationStage.Trained, new DateOnly(2023, 3, 6), TrainedOn: new DateOnly(2023, 6, 30))
                { TrainerId = manager, ModuleId = module.Id });
        var workshop = await sender.Send(new RecordWorkshop(acip, WorkshopKind.Workshop,
            "The Revised Arusha Declaration in practice", new DateOnly(2023, 11, 29), new DateOnly(2023, 12, 1), burkina, "Ouagadougou", "fr",
            WorkshopStatus.Held, KeyFactorCodes: ["RAD-01", "RAD-02", "RAD-03", "RAD-07", "RAD-10"],
            OutcomeNotes: "26 officials from operational and support services; module delivered by two national managers trained in an A-CIP course."));
        var people = new List<Guid>();
        for (var i = 0; i < 26; i++)
        {
            var (given, sex) = BurkinabeGiven[(i * 5) % BurkinabeGiven.Length];
            people.Add(await EnrolAsync(workshop.Id, BurkinabeFamilies[i % BurkinabeFamilies.Length], given, sex, burkina,
                i % 7 == 0 ? Service.Management : i % 2 == 0 ? Service.Operational : Service.Support,
                i % 2 == 0 ? "Customs inspector" : "Administrative officer", $"BF-DGD-{1000 + i}"));
        }
        for (var day = 0; day < 3; day++)
        {
            var session = await sender.Send(new PlanSession(module.Id, new DateOnly(2023, 11, 29).AddDays(day), nationalManagers) { WorkshopId = workshop.Id });
            await sender.Send(new TakeAttendance(people.Select((person, i) => new AttendanceEntry(person, Status(i, day))).ToList())
                { WorkshopId = workshop.Id, SessionId = session.Id });
        }
        for (var i = 0; i < people.Count; i++)
        {
            var before = 40 + (i * 7) % 35;
            await sender.Send(new RecordTestScores(before, Math.Min(100, before + 10 + (i * 3) % 15), Completed: i % 17 != 3)
                { WorkshopId = workshop.Id, ParticipantId = people[i], ExpectedVersion = 1 });
        }
        return workshop.Id;
    }

    private static AttendanceStatus Status(int person, int day) => (person, day) switch
    {
        (_, 0) when person % 11 == 0 => AttendanceStatus.Late,
        (_, 1) when person % 17 == 3 => AttendanceStatus.Absent,
        (_, 2) when person % 13 == 5 => AttendanceStatus.Excused,
        _ => AttendanceStatus.Present,
    };

    private async Task<Guid> EnrolAsync(Guid workshop, string family, string given, Sex sex, Guid administration, Service service, string position, string staffNumber) =>
        (await sender.Send(new EnrolParticipant(FamilyName: family, GivenNames: given, Sex: sex, AdministrationId: administration,
            Service: service, Position: position, StaffNumber: staffNumber) { WorkshopId = workshop })).Id;
}
