using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Results;
using Mediator;

namespace Integrity.Api.Seeding.Demo;

/// <summary>
/// The results frameworks of the two demo programmes: calendar-year reporting periods; indicators computed from the
/// records (officials trained by sex, participant-hours, workshops held, plans adopted, actions done on time) with
/// their targets; indicators entered by hand, one a percentage by sex and one qualitative; and Burkina Faso Customs'
/// A-CIP report for 2023 submitted and approved. The targets and entered figures are made up.
/// </summary>
/// <remarks>
/// Seed it after everything else: an approved report locks its period for its administration, so records of Burkina
/// Faso Customs dated in 2023 cannot be added afterwards.
/// </remarks>
internal static class DemoResults
{
    public static async Task SeedAsync(ISender sender, DemoWorld world)
    {
        await AcipAsync(sender, world);
        await WacamAsync(sender, world);
    }

    private static async Task AcipAsync(ISender sender, DemoWorld world)
    {
        var years = await YearsAsync(sender, world.Acip, 2023, 2026);
        var framework = new Framework(sender, world.Acip);

        var officials = await framework.ComputedAsync("1.1", "Customs officials trained in integrity, by sex", "Fonctionnaires des douanes formés à l'éthique, par sexe",
            "officials", IndicatorRule.OfficialsTrained, Disaggregation.Sex, Disaggregation.Administration);
        await framework.TargetsAsync(officials, years[2023], 25, BySex(10, 15));
        await framework.TargetsAsync(officials, years[2024], 40, BySex(18, 22));
        var hours = await framework.ComputedAsync("1.2", "Hours of integrity training received", "Heures de formation à l'éthique reçues",
            "participant-hours", IndicatorRule.ParticipantHours, Disaggregation.Sex);
        await framework.TargetsAsync(hours, years[2023], 300);
        var workshops = await framework.ComputedAsync("1.3", "Workshops and missions held", "Ateliers et missions tenus",
            "workshops", IndicatorRule.WorkshopsHeld, Disaggregation.Administration);
        await framework.TargetsAsync(workshops, years[2023], 1);
        await framework.TargetsAsync(workshops, years[2024], 2);
        var plans = await framework.ComputedAsync("2.1", "Administrations with an adopted integrity action plan",
            "Administrations dotées d'un plan d'action pour l'éthique adopté", "administrations", IndicatorRule.AdministrationsWithAdoptedPlan, Disaggregation.Administration);
        await framework.TargetsAsync(plans, years[2024], 1);
        var onTime = await framework.ComputedAsync("2.2", "Actions of the action plans done on time", "Actions des plans d'action réalisées dans les délais",
            "% of actions due", IndicatorRule.ActionsDoneOnTimePercent, Disaggregation.Administration);
        foreach (var year in new[] { 2024, 2025, 2026 }) await framework.TargetsAsync(onTime, years[year], 75);

        var known = await framework.EnteredAsync("3.1", "Officials surveyed who know the revised code of conduct", "Fonctionnaires interrogés qui connaissent le code de conduite révisé",
            "% of officials surveyed", IndicatorMeasure.Percentage, Disaggregation.Sex);
        await sender.Send(new RecordIndicatorValues(60, 48, "Staff survey of December", "Staff survey of December 2024, 412 respondents",
            [new DisaggregatedValue { Sex = Sex.Female, Target = 60, Actual = 52 }, new DisaggregatedValue { Sex = Sex.Male, Target = 60, Actual = 46 }])
            { ProgrammeId = world.Acip, IndicatorId = known, PeriodId = years[2024] });
        var riskMap = await framework.EnteredAsync("3.2", "Integrity risk map of the border offices", "Cartographie des risques d'atteinte à l'éthique des bureaux frontaliers",
            "risk map", IndicatorMeasure.Qualitative);
        await sender.Send(new RecordIndicatorValues(TargetComment: "Risk map of every border office adopted by the management committee",
            ActualComment: "Risk map drafted for six of eleven border offices") { ProgrammeId = world.Acip, IndicatorId = riskMap, PeriodId = years[2024] });

        await sender.Send(new SubmitPeriodReport { ProgrammeId = world.Acip, PeriodId = years[2023], AdministrationId = world.Burkina });
        await sender.Send(new ApprovePeriodReport { ProgrammeId = world.Acip, PeriodId = years[2023], AdministrationId = world.Burkina });
    }

    private static async Task WacamAsync(ISender sender, DemoWorld world)
    {
        var years = await YearsAsync(sender, world.Wacam, 2018, 2021);
        var framework = new Framework(sender, world.Wacam);

        var officials = await framework.ComputedAsync("HRM-1", "Officials trained in human resource management, by sex",
            "Fonctionnaires formés à la gestion des ressources humaines, par sexe", "officials", IndicatorRule.OfficialsTrained, Disaggregation.Sex);
        await framework.TargetsAsync(officials, years[2018], 12);
        var strategy = await framework.EnteredAsync("HRM-2", "HRM strategy and competency tools in use", "Stratégie RH et outils de compétences en usage",
            "strategy", IndicatorMeasure.Qualitative);
        await sender.Send(new RecordIndicatorValues(TargetComment: "HRM strategy 2018–2021 adopted, with a competency framework",
            ActualComment: "Strategy adopted; competency framework and job descriptions delivered at the Bamako mission")
            { ProgrammeId = world.Wacam, IndicatorId = strategy, PeriodId = years[2018] });
        var onTime = await framework.ComputedAsync("HRM-3", "Actions of the HRM strategy done on time", "Actions de la stratégie RH réalisées dans les délais",
            "% of actions due", IndicatorRule.ActionsDoneOnTimePercent);
        foreach (var year in new[] { 2019, 2020, 2021 }) await framework.TargetsAsync(onTime, years[year], 70);
    }

    /// <summary>A reporting period per calendar year, by year.</summary>
    private static async Task<Dictionary<int, Guid>> YearsAsync(ISender sender, Guid programme, int first, int last)
    {
        var years = new Dictionary<int, Guid>();
        for (var year = first; year <= last; year++)
            years[year] = (await sender.Send(new DefineReportingPeriod($"{year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
                { ProgrammeId = programme })).Id;
        return years;
    }

    private static DisaggregatedValue[] BySex(decimal female, decimal male) =>
        [new() { Sex = Sex.Female, Target = female }, new() { Sex = Sex.Male, Target = male }, new() { Sex = Sex.NotRecorded, Target = 0 }];

    /// <summary>Defines a programme's indicators and their targets, ascending all.</summary>
    private sealed class Framework(ISender sender, Guid programme)
    {
        public async Task<Guid> ComputedAsync(string code, string titleEn, string titleFr, string unit, IndicatorRule rule, params Disaggregation[] by) =>
            (await sender.Send(new DefineIndicator(code, titleEn, titleFr, unit, ComputedRule.For(rule).Measure, true, by, rule) { ProgrammeId = programme })).Id;

        public async Task<Guid> EnteredAsync(string code, string titleEn, string titleFr, string unit, IndicatorMeasure measure, params Disaggregation[] by) =>
            (await sender.Send(new DefineIndicator(code, titleEn, titleFr, unit, measure, true, by) { ProgrammeId = programme })).Id;

        public Task TargetsAsync(Guid indicator, Guid period, decimal target, DisaggregatedValue[]? breakdown = null) =>
            sender.Send(new RecordIndicatorValues(target, Disaggregations: breakdown) { ProgrammeId = programme, IndicatorId = indicator, PeriodId = period }).AsTask();
    }
}
