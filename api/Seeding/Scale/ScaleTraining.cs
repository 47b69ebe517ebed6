using Integrity.Api.Data;
using Integrity.Api.Features.Trainers;
using Integrity.Api.Features.Workshops;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// The training records: workshops and missions of every kind over each programme's years, hosted by an
/// administration it covers (a tenth regional, with others taking part), with sessions (a module on a day, by one or
/// two trainers), enrolled officials mostly of the host administration, their test scores, and attendance per
/// session. Held before <see cref="ScaleLoad.AsOf"/>, a few cancelled (no one enrolled), planned after it (no
/// attendance yet). National trainers are accredited, many after a training of trainers.
/// </summary>
public static class ScaleTraining
{
    private static readonly (WorkshopKind Kind, double Share, int MinDays, int MaxDays, string Label)[] Kinds =
    [
        (WorkshopKind.Workshop, 0.60, 2, 5, "Workshop"),
        (WorkshopKind.CapacityBuildingMission, 0.15, 3, 5, "Capacity-building mission"),
        (WorkshopKind.DiagnosticMission, 0.10, 2, 4, "Diagnostic mission"),
        (WorkshopKind.TrainingOfTrainers, 0.10, 5, 5, "Training of trainers"),
        (WorkshopKind.Webinar, 0.05, 1, 1, "Webinar"),
    ];

    private static readonly string[] Partners = ["UNODC", "World Bank", "OECD", "IMF", "African Union", "Transparency International"];

    private sealed record PlannedWorkshop(Guid Id, ScaleProgramme Programme, ScaleAdministration Host, WorkshopKind Kind, DateOnly StartsOn,
        DateOnly EndsOn, WorkshopStatus Status, List<PlannedSession> Sessions, IReadOnlyList<ScaleParticipant> Enrolled);

    private sealed record PlannedSession(Guid Id, ScaleModule Module, DateOnly HeldOn, IReadOnlyList<ScaleTrainer> Trainers);

    public static async Task LoadAsync(ScaleLoad load, Portfolio portfolio, IReadOnlyList<ScaleParticipant> participants)
    {
        var byAdministration = participants.ToLookup(p => p.Administration.Id);
        var trainersByAdministration = portfolio.Trainers.ToLookup(t => t.Administration?.Id);
        var experts = trainersByAdministration[null].ToList();
        var weights = portfolio.Programmes.Select(p => p.Covered.Count).ToArray();
        var workshops = Enumerable.Range(0, load.Size.Workshops)
            .Select(_ => Plan(load, Weighted(load, portfolio.Programmes, weights), portfolio, participants, byAdministration,
                trainersByAdministration, experts))
            .ToList();

        await load.WriteAsync("workshops",
            ["id", "programme_id", "kind", "title", "starts_on", "ends_on", "host_administration_id", "city", "language", "status", "outcome_notes", "version"],
            workshops.Select(w => new object?[]
            {
                w.Id, w.Programme.Id, DbEnum.Name(w.Kind), $"{Kinds.First(k => k.Kind == w.Kind).Label}: {w.Sessions.FirstOrDefault()?.Module.Title ?? "integrity"} ({w.Host.NameEn})",
                w.StartsOn, w.EndsOn, w.Host.Id, w.Host.City, w.Host.Language, DbEnum.Name(w.Status),
                w.Status == WorkshopStatus.Held ? "Participants drafted an integrity improvement plan for their unit." : null, 1,
            }));
        await load.WriteAsync("workshop_administrations", ["workshop_id", "administration_id"],
            workshops.Where(_ => load.Chance(0.1)).SelectMany(w => w.Programme.Covered.Where(a => a != w.Host)
                .OrderBy(_ => load.Random.Next()).Take(1 + load.Random.Next(3)).Select(a => new object?[] { w.Id, a.Id })));
        await load.WriteAsync("workshop_key_factors", ["workshop_id", "key_factor_code"],
            workshops.SelectMany(w => w.Sessions.SelectMany(s => s.Module.KeyFactors).Distinct().Select(factor => new object?[] { w.Id, factor })));
        await load.WriteAsync("workshop_partners", ["workshop_id", "name"],
            workshops.Where(_ => load.Chance(0.3)).Select(w => new object?[] { w.Id, load.Pick(Partners) }));

        var sessions = workshops.SelectMany(w => w.Sessions.Select(s => (Workshop: w, Session: s))).ToList();
        await load.WriteAsync("sessions", ["id", "workshop_id", "module_id", "held_on", "version"],
            sessions.Select(x => new object?[] { x.Session.Id, x.Workshop.Id, x.Session.Module.Id, x.Session.HeldOn, 1 }));
        await load.WriteAsync("session_trainers", ["session_id", "trainer_id"],
            sessions.SelectMany(x => x.Session.Trainers.Select(t => new object?[] { x.Session.Id, t.Id })));

        await load.WriteAsync("enrolments", ["workshop_id", "participant_id", "pre_test_score", "post_test_score", "completed", "version"],
            workshops.SelectMany(w => w.Enrolled.Select(p => Enrolment(load, w, p))));
        await load.WriteAsync("attendance", ["session_id", "participant_id", "status"],
            workshops.Where(w => w.Status == WorkshopStatus.Held)
                .SelectMany(w => w.Sessions.SelectMany(s => w.Enrolled.Select(p => new object?[] { s.Id, p.Id, Attendance(load) }))));

        await LoadAccreditationsAsync(load, portfolio, workshops.Where(w => w.Kind == WorkshopKind.TrainingOfTrainers && w.Status == WorkshopStatus.Held).ToList());
    }

    private static ScaleProgramme Weighted(ScaleLoad load, IReadOnlyList<ScaleProgramme> programmes, int[] weights)
    {
        var draw = load.Random.Next(weights.Sum());
        for (var i = 0; ; i++)
            if ((draw -= weights[i]) < 0) return programmes[i];
    }

    private static PlannedWorkshop Plan(ScaleLoad load, ScaleProgramme programme, Portfolio portfolio, IReadOnlyList<ScaleParticipant> participants,
        ILookup<Guid, ScaleParticipant> byAdministration, ILookup<Guid?, ScaleTrainer> trainersByAdministration, List<ScaleTrainer> experts)
    {
        var host = load.Pick(programme.Covered);
        var draw = load.Random.NextDouble();
        var kind = Kinds.First(k => (draw -= k.Share) < 0 || k.Kind == WorkshopKind.Webinar);
        var startsOn = load.Day(programme.StartsOn, ScaleLoad.AsOf.AddDays(90));
        var endsOn = startsOn.AddDays(load.Random.Next(kind.MinDays, kind.MaxDays + 1) - 1);
        var status = endsOn > ScaleLoad.AsOf ? WorkshopStatus.Planned : load.Chance(0.04) ? WorkshopStatus.Cancelled : WorkshopStatus.Held;

        var trainers = trainersByAdministration[host.Id].Concat(experts).ToList();
        var sessions = new List<PlannedSession>();
        for (var day = startsOn; day <= endsOn; day = day.AddDays(1))
            for (var slot = load.Random.Next(1, 3); slot > 0; slot--)
                sessions.Add(new PlannedSession(load.Ids.Next(), load.Pick(portfolio.Modules), day,
                    trainers.OrderBy(_ => load.Random.Next()).Take(load.Random.Next(1, 3)).ToList()));

        // About 34 officials at 5 sessions: a million attendance records over 6,000 workshops.
        var enrolled = new HashSet<ScaleParticipant>();
        if (status != WorkshopStatus.Cancelled)
        {
            var hosts = byAdministration[host.Id].ToList();
            var wanted = Math.Min(participants.Count, load.Random.Next(16, 53));
            while (enrolled.Count < wanted)
                enrolled.Add(hosts.Count > 0 && load.Chance(0.8) ? load.Pick(hosts) : load.Pick(participants));
        }
        return new PlannedWorkshop(load.Ids.Next(), programme, host, kind.Kind, startsOn, endsOn, status, sessions, enrolled.ToList());
    }

    private static object?[] Enrolment(ScaleLoad load, PlannedWorkshop workshop, ScaleParticipant participant)
    {
        var held = workshop.Status == WorkshopStatus.Held;
        var tested = held && load.Chance(0.7);
        var pre = tested ? load.Score(25, 70) : (decimal?)null;
        var post = pre is { } before ? Math.Min(100m, before + load.Score(0, 35)) : (decimal?)null;
        return [workshop.Id, participant.Id, pre, post, held && load.Chance(0.9), 1];
    }

    private static string Attendance(ScaleLoad load) => load.Random.NextDouble() switch
    {
        < 0.80 => "present",
        < 0.88 => "late",
        < 0.93 => "excused",
        _ => "absent",
    };

    /// <summary>Each national trainer on one to three modules, at every stage; most of the trained took a training of trainers.</summary>
    private static async Task LoadAccreditationsAsync(ScaleLoad load, Portfolio portfolio, IReadOnlyList<PlannedWorkshop> trainingsOfTrainers)
    {
        var stages = Enum.GetValues<AccreditationStage>();
        await load.WriteAsync("accreditations",
            ["id", "trainer_id", "module_id", "stage", "candidate_since", "trained_on", "supervised_delivery_on", "accredited_on", "trained_at_workshop_id", "version"],
            portfolio.Trainers.Where(t => t.Kind == TrainerKind.NationalTrainer).SelectMany(trainer =>
                portfolio.Modules.OrderBy(_ => load.Random.Next()).Take(load.Random.Next(1, 4)).Select(module =>
                {
                    var stage = stages[load.Random.Next(stages.Length)];
                    var training = stage != AccreditationStage.Candidate && trainingsOfTrainers.Count > 0 && load.Chance(0.7) ? load.Pick(trainingsOfTrainers) : null;
                    var trainedOn = training?.EndsOn ?? load.Day(new DateOnly(2016, 3, 1), new DateOnly(2024, 6, 30));
                    return new object?[]
                    {
                        load.Ids.Next(), trainer.Id, module.Id, DbEnum.Name(stage), trainedOn.AddDays(-45),
                        stage >= AccreditationStage.Trained ? trainedOn : null,
                        stage >= AccreditationStage.SupervisedDelivery ? trainedOn.AddDays(120) : null,
                        stage >= AccreditationStage.Accredited ? trainedOn.AddDays(240) : null,
                        training?.Id, 1,
                    };
                })));
    }
}
