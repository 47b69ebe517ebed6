using Integrity.Api.Features.ActionPlans;
using Mediator;

namespace Integrity.Api.Seeding.Demo;

/// <summary>
/// An action plan for each demo administration, with progress: Burkina Faso Customs' integrity action plan
/// 2024–2026 under A-CIP, in implementation (some actions done on time, one done late, one delayed, one
/// overdue), and Mali Customs' HRM strategy 2018–2021 under WACAM, the output of the Bamako mission, closed
/// and mostly done. The plans' shape follows such plans; their wording, units and dates are made up.
/// </summary>
internal static class DemoActionPlans
{
    public static async Task SeedAsync(ISender sender, DemoWorld world)
    {
        await BurkinaFasoAsync(sender, world);
        await MaliAsync(sender, world);
    }

    private static async Task BurkinaFasoAsync(ISender sender, DemoWorld world)
    {
        var plan = await DemoPlan.RecordAsync(sender, new RecordActionPlan(world.Acip, world.Burkina,
            "Integrity action plan 2024–2026", new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)), adoptedOn: new DateOnly(2024, 2, 15));

        var conduct = await plan.ObjectiveAsync("Leadership commitment and a revised code of conduct", ["RAD-01", "RAD-07"],
            "Share of officials who signed the revised code of conduct", "0 % (the 2008 code was never signed individually)", "100 % by the end of 2025");
        await plan.ActionAsync(conduct, "Revise the code of conduct with staff representatives", "Inspection générale des services",
            "Inspecteur général des services", new DateOnly(2024, 3, 1), new DateOnly(2024, 9, 30),
            new Report(new DateOnly(2024, 5, 15), ActionStatus.InProgress, 40, "Three workshops held with the staff unions."),
            new Report(new DateOnly(2024, 9, 20), ActionStatus.Done, 100, "Revised code signed by the Director General.", "https://www.douanes.bf/code-de-conduite-2024.pdf"));
        await plan.ActionAsync(conduct, "Have every official sign the revised code of conduct", "Direction des ressources humaines",
            "Directeur des ressources humaines", new DateOnly(2024, 10, 1), new DateOnly(2025, 6, 30),
            new Report(new DateOnly(2025, 1, 31), ActionStatus.InProgress, 45, "Signed in the head office and the Ouagadougou offices."),
            new Report(new DateOnly(2025, 6, 27), ActionStatus.Done, 100, "Signed by 2,418 of 2,418 officials in post."));

        var transparency = await plan.ObjectiveAsync("Transparent procedures and a dialogue with the private sector", ["RAD-03", "RAD-10"],
            "Import procedures and fees published; meetings a year of the customs–business committee", "Few procedures published; no committee",
            "All import procedures published; four meetings a year");
        await plan.ActionAsync(transparency, "Publish import procedures and fees on the customs website", "Direction de la communication",
            "Chef du service de la communication", new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31),
            new Report(new DateOnly(2024, 12, 10), ActionStatus.InProgress, 60, "Procedures for the main regimes online."),
            new Report(new DateOnly(2025, 3, 28), ActionStatus.Done, 100, "Every import procedure and fee online.", "https://www.douanes.bf/procedures"));
        await plan.ActionAsync(transparency, "Set up the customs–business consultative committee", "Direction générale",
            "Conseiller technique du Directeur général", new DateOnly(2024, 6, 1), new DateOnly(2026, 12, 15),
            new Report(new DateOnly(2025, 4, 30), ActionStatus.InProgress, 30, "Terms of reference agreed with the chamber of commerce."),
            new Report(new DateOnly(2026, 9, 30), ActionStatus.Delayed, 50, "The decree creating the committee awaits the minister's signature."));

        var automation = await plan.ObjectiveAsync("Automated clearance that leaves less room for discretion", ["RAD-04", "RAD-05"],
            "Share of declarations cleared and paid electronically", "62 %", "90 %");
        await plan.ActionAsync(automation, "Extend electronic payment of duties to every border office", "Direction de l'informatique et des statistiques",
            "Directeur de l'informatique", new DateOnly(2024, 7, 1), new DateOnly(2026, 6, 30),
            new Report(new DateOnly(2025, 3, 31), ActionStatus.InProgress, 40, "Four of eleven border offices connected."),
            new Report(new DateOnly(2025, 12, 31), ActionStatus.InProgress, 70, "Eight offices connected."),
            new Report(new DateOnly(2026, 6, 15), ActionStatus.InProgress, 85, "Two offices still wait for a reliable network link."));
        await plan.ActionAsync(automation, "Risk-based selection of declarations for inspection", "Direction du renseignement et de la gestion des risques",
            "Chef de la cellule de gestion des risques", new DateOnly(2025, 9, 1), new DateOnly(2026, 12, 31),
            new Report(new DateOnly(2026, 3, 31), ActionStatus.InProgress, 35, "Risk profiles drafted for the main import flows."));

        var merit = await plan.ObjectiveAsync("Merit-based postings and regular integrity audits", ["RAD-06", "RAD-08"],
            "Share of postings to sensitive posts decided by the appointments committee on published criteria", "None", "All of them");
        await plan.ActionAsync(merit, "Publish posting criteria and set up the appointments committee", "Direction des ressources humaines",
            "Directeur des ressources humaines", new DateOnly(2025, 1, 15), new DateOnly(2025, 9, 30),
            new Report(new DateOnly(2025, 6, 30), ActionStatus.InProgress, 70, "Criteria drafted; committee members named."),
            new Report(new DateOnly(2025, 10, 20), ActionStatus.Done, 100, "Criteria published and the committee's first session held."));
        await plan.ActionAsync(merit, "Integrity audit of the offices on the Ouagadougou–Lomé corridor", "Inspection générale des services",
            "Inspecteur général des services", new DateOnly(2026, 1, 15), new DateOnly(2026, 12, 31));
        await plan.MoveAsync(ActionPlanStatus.InImplementation);
    }

    private static async Task MaliAsync(ISender sender, DemoWorld world)
    {
        var plan = await DemoPlan.RecordAsync(sender, new RecordActionPlan(world.Wacam, world.Mali,
            "Human resource management strategy 2018–2021", new DateOnly(2018, 4, 1), new DateOnly(2021, 12, 31)), adoptedOn: new DateOnly(2018, 6, 29));

        var competencies = await plan.ObjectiveAsync("Competency-based management of staff", ["RAD-08"],
            "Competency framework and job descriptions adopted", "No competency framework", "A framework and a job description for every post");
        await plan.ActionAsync(competencies, "Adopt the competency framework", "Direction des ressources humaines", "Directeur des ressources humaines",
            new DateOnly(2018, 7, 1), new DateOnly(2019, 6, 30),
            new Report(new DateOnly(2019, 3, 29), ActionStatus.Done, 100, "Framework adopted by decision of the Director General."));
        await plan.ActionAsync(competencies, "Write a job description for every post", "Direction des ressources humaines", "Chef de la division des emplois",
            new DateOnly(2018, 9, 1), new DateOnly(2020, 6, 30),
            new Report(new DateOnly(2019, 9, 30), ActionStatus.InProgress, 55, "Job descriptions written for the head office."),
            new Report(new DateOnly(2020, 6, 30), ActionStatus.Done, 100, "All 214 job descriptions validated."));

        var careers = await plan.ObjectiveAsync("Fair and transparent careers", ["RAD-08", "RAD-09"],
            "Share of promotions decided on published criteria", "None", "100 %");
        await plan.ActionAsync(careers, "Publish promotion criteria and set up the promotion board", "Direction des ressources humaines",
            "Directeur des ressources humaines", new DateOnly(2018, 7, 1), new DateOnly(2019, 12, 31),
            new Report(new DateOnly(2019, 12, 15), ActionStatus.Done, 100, "Criteria published; the board sat for the 2020 promotions."));
        await plan.ActionAsync(careers, "Train HR officers in competency-based interviews", "Direction des ressources humaines", "Chef de la division de la formation",
            new DateOnly(2019, 1, 15), new DateOnly(2020, 12, 31),
            new Report(new DateOnly(2020, 11, 30), ActionStatus.Delayed, 40, "Sessions postponed during the COVID-19 pandemic."),
            new Report(new DateOnly(2021, 3, 31), ActionStatus.Done, 100, "Thirty HR officers trained."));

        var systems = await plan.ObjectiveAsync("Reliable staff records", ["RAD-04", "RAD-08"],
            "Share of staff files kept in the HR information system", "Paper files only", "100 %");
        await plan.ActionAsync(systems, "Set up an electronic HR information system", "Direction de l'informatique", "Chef du projet SIRH",
            new DateOnly(2019, 6, 1), new DateOnly(2021, 12, 31),
            new Report(new DateOnly(2021, 12, 15), ActionStatus.InProgress, 60, "Software in place; files of the regions still being entered; carried over to the next plan."));
        await plan.MoveAsync(ActionPlanStatus.InImplementation);
        await plan.MoveAsync(ActionPlanStatus.Closed);
    }

    /// <summary>A dated progress update as the demo reports it.</summary>
    private sealed record Report(DateOnly On, ActionStatus Status, int PercentDone, string Narrative, string? Evidence = null);

    /// <summary>A plan being seeded, and the version it is at.</summary>
    private sealed class DemoPlan(ISender sender, Guid id, int version)
    {
        private int version = version;

        public static async Task<DemoPlan> RecordAsync(ISender sender, RecordActionPlan record, DateOnly adoptedOn)
        {
            var created = await sender.Send(record);
            var adopted = await sender.Send(new AdoptActionPlan(adoptedOn) { Id = created.Id, ExpectedVersion = created.Version });
            return new DemoPlan(sender, created.Id, adopted);
        }

        public async Task<Guid> ObjectiveAsync(string title, string[] keyFactorCodes, string indicator, string baseline, string target) =>
            (await sender.Send(new AddObjective(title, keyFactorCodes, indicator, target, baseline) { ActionPlanId = id })).Id;

        public async Task ActionAsync(Guid objective, string title, string leadUnit, string owner, DateOnly startsOn, DateOnly dueOn, params Report[] reports)
        {
            var action = await sender.Send(new PlanAction(objective, title, leadUnit, owner, startsOn, dueOn) { ActionPlanId = id });
            foreach (var report in reports)
                await sender.Send(new RecordProgressUpdate(report.On, report.Status, report.PercentDone, report.Narrative,
                    report.Evidence is null ? null : [report.Evidence]) { ActionId = action.Id });
        }

        public async Task MoveAsync(ActionPlanStatus status) =>
            version = await sender.Send(new ChangeActionPlanStatus(status) { Id = id, ExpectedVersion = version });
    }
}
