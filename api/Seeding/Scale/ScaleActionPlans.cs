using Integrity.Api.Data;
using Integrity.Api.Features.ActionPlans;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// Integrity action plans: each of an administration under a programme covering it, over two or three years;
/// four objectives on one or two key factors each; five actions per objective with lead unit, owner and due day;
/// and dated progress updates, the latest of which gives the action its status, percent done and reported day (as
/// RecordProgressUpdate keeps them). A tenth of the plans are still drafts.
/// </summary>
public static class ScaleActionPlans
{
    private const int ObjectivesPerPlan = 4;

    private static readonly string[] Units = ["Human Resources Directorate", "Internal Audit", "Integrity Unit", "IT Directorate", "Legal Affairs", "Border Operations"];
    private static readonly string[] Owners = ["Director General", "Head of Integrity Unit", "HR Director", "Chief Auditor", "IT Director", "Head of Legal Affairs"];

    private sealed record Plan(Guid Id, ScaleProgramme Programme, ScaleAdministration Administration, DateOnly StartsOn, DateOnly EndsOn,
        ActionPlanStatus Status, List<(Guid Id, List<string> KeyFactors)> Objectives);

    public static async Task LoadAsync(ScaleLoad load, Portfolio portfolio)
    {
        var plans = Enumerable.Range(0, load.Size.ActionPlans).Select(_ =>
        {
            var programme = load.Pick(portfolio.Programmes);
            var startsOn = new DateOnly(load.Random.Next(programme.StartsOn.Year, 2025), 1, 1);
            var status = load.Random.NextDouble() switch
            {
                < 0.1 => ActionPlanStatus.Draft, < 0.3 => ActionPlanStatus.Adopted, < 0.8 => ActionPlanStatus.InImplementation, _ => ActionPlanStatus.Closed,
            };
            var objectives = Enumerable.Range(0, ObjectivesPerPlan).Select(_ => (load.Ids.Next(),
                Portfolio.KeyFactorCodes.OrderBy(_ => load.Random.Next()).Take(load.Random.Next(1, 3)).Order().ToList())).ToList();
            return new Plan(load.Ids.Next(), programme, load.Pick(programme.Covered), startsOn, startsOn.AddYears(load.Random.Next(2, 4)).AddDays(-1), status, objectives);
        }).ToList();

        await load.WriteAsync("action_plans",
            ["id", "programme_id", "administration_id", "title", "starts_on", "ends_on", "status", "adopted_on", "objective_count", "version"],
            plans.Select(p => new object?[]
            {
                p.Id, p.Programme.Id, p.Administration.Id, $"Integrity action plan {p.StartsOn.Year}–{p.EndsOn.Year}, {p.Administration.NameEn}",
                p.StartsOn, p.EndsOn, DbEnum.Name(p.Status), p.Status == ActionPlanStatus.Draft ? null : p.StartsOn.AddDays(-20), ObjectivesPerPlan, 1,
            }));
        await load.WriteAsync("objectives", ["id", "action_plan_id", "position", "title", "outcome_indicator", "baseline", "target", "version"],
            plans.SelectMany(p => p.Objectives.Select((o, i) => new object?[]
            {
                o.Id, p.Id, i + 1, $"Strengthen {string.Join(" and ", o.KeyFactors)}", "Share of staff aware of the code of conduct",
                $"{load.Random.Next(10, 50)} %", $"{load.Random.Next(60, 95)} %", 1,
            })));
        await load.WriteAsync("objective_key_factors", ["objective_id", "key_factor_code"],
            plans.SelectMany(p => p.Objectives.SelectMany(o => o.KeyFactors.Select(factor => new object?[] { o.Id, factor }))));

        var actions = plans.SelectMany(p => p.Objectives.SelectMany(o =>
            Enumerable.Range(0, load.Size.ActionsPerPlan / ObjectivesPerPlan).Select(_ => Action(load, p, o.Id)))).ToList();
        await load.WriteAsync("actions",
            ["id", "action_plan_id", "objective_id", "title", "lead_unit", "owner", "starts_on", "due_on", "status", "percent_done", "reported_on", "update_count", "version"],
            actions.Select(a =>
            {
                var latest = a.Updates.LastOrDefault();
                return new object?[]
                {
                    a.Id, a.PlanId, a.ObjectiveId, a.Title, a.LeadUnit, a.Owner, a.StartsOn, a.DueOn,
                    DbEnum.Name(latest?.Status ?? ActionStatus.NotStarted), latest?.PercentDone ?? 0, latest?.ReportedOn, a.Updates.Count, 1 + a.Updates.Count,
                };
            }));
        await load.WriteAsync("progress_updates", ["id", "action_id", "recording_order", "reported_on", "status", "percent_done", "narrative", "recorded_at"],
            actions.SelectMany(a => a.Updates.Select((u, i) => new object?[]
            {
                u.Id, a.Id, i + 1, u.ReportedOn, DbEnum.Name(u.Status), u.PercentDone, $"{u.PercentDone} % done; reviewed by the integrity committee.",
                new DateTimeOffset(u.ReportedOn.AddDays(2).ToDateTime(new TimeOnly(9, 30)), TimeSpan.Zero),
            })));
    }

    private sealed record PlannedAction(Guid Id, Guid PlanId, Guid ObjectiveId, string Title, string LeadUnit, string Owner, DateOnly StartsOn,
        DateOnly DueOn, List<Update> Updates);

    private sealed record Update(Guid Id, DateOnly ReportedOn, ActionStatus Status, int PercentDone);

    /// <summary>An action with updates every few months from its start until it is done, cancelled, or the data's day.</summary>
    private static PlannedAction Action(ScaleLoad load, Plan plan, Guid objectiveId)
    {
        var startsOn = load.Day(plan.StartsOn, plan.EndsOn.AddDays(-90));
        var dueOn = load.Day(startsOn.AddDays(30), plan.EndsOn);
        var updates = new List<Update>();
        var percent = 0;
        if (plan.Status != ActionPlanStatus.Draft)
            for (var day = startsOn.AddDays(load.Random.Next(30, 120)); day <= ScaleLoad.AsOf && percent < 100 && updates.Count < 6; day = day.AddDays(load.Random.Next(60, 180)))
            {
                if (load.Chance(0.03))
                {
                    updates.Add(new Update(load.Ids.Next(), day, ActionStatus.Cancelled, percent));
                    break;
                }
                percent = Math.Min(100, percent + load.Random.Next(15, 60));
                var status = percent == 100 ? ActionStatus.Done : day > dueOn ? ActionStatus.Delayed : ActionStatus.InProgress;
                updates.Add(new Update(load.Ids.Next(), day, status, percent));
            }
        return new PlannedAction(load.Ids.Next(), plan.Id, objectiveId, $"Action on {load.Pick(Units).ToLowerInvariant()} procedures",
            load.Pick(Units), load.Pick(Owners), startsOn, dueOn, updates);
    }
}
