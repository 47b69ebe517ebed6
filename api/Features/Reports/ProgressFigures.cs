using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Results;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// Turns the aggregates read for a report into its rows, lazily: period by period, figure by figure, group by group.
/// Every figure is added up from the same cells as the indicator values endpoint (<see cref="ComputedRule.Aggregate"/>),
/// so a total is always the sum of its sex buckets, and of its administrations or regions.
/// </summary>
internal sealed class ProgressFigures(
    IReadOnlyList<Period> periods,
    IReadOnlyList<ReportedAdministration> administrations,
    ProgressApproval approval,
    ProgressGrouping grouping,
    IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> cells,
    IReadOnlyList<ModuleCell> modules,
    IReadOnlyList<(IndicatorDetails Indicator, IReadOnlyList<PeriodValues> Values)> indicators,
    SmallCounts? suppression)
{
    public const string ActionsDue = "actions_due";
    public const string ActionsDoneOnTime = "actions_done_on_time";
    public const string ModulesDelivered = "modules_delivered";
    public const string IndicatorTarget = "indicator_target";
    public const string IndicatorActual = "indicator_actual";

    private static readonly IndicatorRule[] Figures =
    [
        IndicatorRule.OfficialsTrained, IndicatorRule.WorkshopsHeld, IndicatorRule.ParticipantHours, IndicatorRule.AccreditedNationalTrainers,
        IndicatorRule.CascadeSessions, IndicatorRule.AdministrationsWithAdoptedPlan, IndicatorRule.ActionsDoneOnTimePercent,
        IndicatorRule.PerceptionFavourablePercent, IndicatorRule.KeyFactorsImprovedPercent,
    ];

    private readonly Dictionary<Guid, ReportedAdministration> byId = administrations.ToDictionary(administration => administration.Id);

    private readonly Dictionary<string, IndicatorRule?> people = indicators
        .Select(indicator => (indicator.Indicator.Code, Counts: SmallCounts.CountsPeople(indicator.Indicator, out var rule), Rule: rule))
        .Where(indicator => indicator.Counts).ToDictionary(indicator => indicator.Code, indicator => indicator.Rule);

    /// <summary>
    /// The rows period by period; for donors, each period's small counts and perception figures of too few administrations
    /// withheld (<see cref="SmallCounts"/>); none for a period nothing of which is reported.
    /// </summary>
    public IEnumerable<ProgressValue> Rows()
    {
        foreach (var period in periods.Where(period => approval.AnyReported(period.Id)))
        {
            var rows = RowsOf(period);
            if (suppression is null)
                foreach (var row in rows) yield return row;
            else
                foreach (var row in suppression.Suppress(rows.ToList(), people, grouping)) yield return row;
        }
    }

    private IEnumerable<ProgressValue> RowsOf(Period period)
    {
        var groups = GroupsOf(period);
        foreach (var rule in Figures.Take(3))
            foreach (var row in RuleRows(period, groups, rule)) yield return row;
        foreach (var row in ModuleRows(period, groups)) yield return row;
        foreach (var rule in Figures.Skip(3))
            foreach (var row in RuleRows(period, groups, rule)) yield return row;
        foreach (var (indicator, values) in indicators)
            foreach (var row in IndicatorRows(period, indicator, values.Single(value => value.PeriodId == period.Id)))
                yield return row;
    }

    /// <summary>A group of rows: the whole period, an administration or a region.</summary>
    private sealed record Group(Guid? AdministrationId, string? Administration, string? Region, Func<Guid?, bool> Holds);

    /// <summary>
    /// The groups of a period: the whole of it; or each administration it reports (those the programme covers, then any
    /// other its records name), by name; or their regions, by code.
    /// </summary>
    private List<Group> GroupsOf(Period period)
    {
        if (grouping is ProgressGrouping.Period or ProgressGrouping.KeyFactor) return [new Group(null, null, null, _ => true)];
        var named = cells.Values.SelectMany(list => list).Where(cell => cell.PeriodId == period.Id).Select(cell => cell.AdministrationId)
            .Concat(modules.Where(cell => cell.PeriodId == period.Id).Select(cell => (Guid?)cell.AdministrationId))
            .OfType<Guid>().ToHashSet();
        var reported = administrations
            .Where(administration => (approval.Covers(administration.Id) || named.Contains(administration.Id)) && approval.Reported(period.Id, administration.Id))
            .ToList();
        return grouping == ProgressGrouping.Administration
            ? reported.Select(administration => new Group(administration.Id, administration.NameEn, administration.RegionCode, id => id == administration.Id)).ToList()
            : reported.Select(administration => administration.RegionCode).Distinct().Order(StringComparer.Ordinal)
                .Select(region => new Group(null, null, region, id => id is { } known && byId.TryGetValue(known, out var of) && of.RegionCode == region)).ToList();
    }

    private ProgressValue Row(Period period, Group group, string figure, decimal value) => new()
    {
        PeriodId = period.Id,
        Period = period.Label,
        AdministrationId = group.AdministrationId,
        Administration = group.Administration,
        Region = group.Region,
        Figure = figure,
        Value = TypeHandlers.Figure(value),
    };

    /// <summary>
    /// A computed figure: its total in each group and, when the rule answers by sex, each sex (not_recorded included); when
    /// it answers by key factor, unless grouped by period alone, each key factor it scores (as the modules delivered). Actions
    /// done on time also tells its counts; a perception percentage, only itself (its counts are answers, not people or actions).
    /// </summary>
    private IEnumerable<ProgressValue> RuleRows(Period period, List<Group> groups, IndicatorRule name)
    {
        var rule = ComputedRule.For(name);
        var figure = DbEnum.Name(name);
        var reported = cells[name].Where(cell => cell.PeriodId == period.Id && approval.Reported(period.Id, cell.AdministrationId)).ToList();
        foreach (var group in groups)
        {
            var inGroup = reported.Where(cell => group.Holds(cell.AdministrationId)).ToList();
            if (rule.Measure == IndicatorMeasure.Percentage)
            {
                if (name == IndicatorRule.ActionsDoneOnTimePercent)
                {
                    yield return Row(period, group, ActionsDue, inGroup.Sum(cell => cell.Base ?? 0));
                    yield return Row(period, group, ActionsDoneOnTime, inGroup.Sum(cell => cell.Amount));
                }
                if (rule.Aggregate(inGroup) is { } percent) yield return Pooled(Row(period, group, figure, percent), name, inGroup);
                if (grouping == ProgressGrouping.Period || !rule.Dimensions.Contains(Disaggregation.KeyFactor)) continue;
                foreach (var keyFactor in inGroup.Where(cell => cell.KeyFactorCode is not null).GroupBy(cell => cell.KeyFactorCode!).OrderBy(factor => factor.Key, StringComparer.Ordinal))
                    if (rule.Aggregate(keyFactor) is { } ofKeyFactor) yield return Pooled(Row(period, group, figure, ofKeyFactor) with { KeyFactor = keyFactor.Key }, name, keyFactor);
                continue;
            }
            yield return Row(period, group, figure, rule.Aggregate(inGroup) ?? 0);
            if (!rule.Dimensions.Contains(Disaggregation.Sex)) continue;
            foreach (var sex in Enum.GetValues<Sex>())
                yield return Row(period, group, figure, rule.Aggregate(inGroup.Where(cell => cell.Sex == sex)) ?? 0) with { Sex = sex };
        }
    }

    /// <summary>Modules delivered: the sessions held in each group and, unless grouped by period alone, those whose module covers each key factor.</summary>
    private IEnumerable<ProgressValue> ModuleRows(Period period, List<Group> groups)
    {
        var reported = modules.Where(cell => cell.PeriodId == period.Id && approval.Reported(period.Id, cell.AdministrationId)).ToList();
        foreach (var group in groups)
        {
            var inGroup = reported.Where(cell => group.Holds(cell.AdministrationId)).ToList();
            yield return Row(period, group, ModulesDelivered, inGroup.Where(cell => cell.KeyFactorCode is null).Sum(cell => cell.Amount));
            // By period alone, one row per figure; any other grouping also tells which key factors each group's training covered.
            if (grouping == ProgressGrouping.Period) continue;
            foreach (var keyFactor in inGroup.Where(cell => cell.KeyFactorCode is not null).GroupBy(cell => cell.KeyFactorCode!).OrderBy(factor => factor.Key, StringComparer.Ordinal))
                yield return Row(period, group, ModulesDelivered, keyFactor.Sum(cell => cell.Amount)) with { KeyFactor = keyFactor.Key };
        }
    }

    /// <summary>
    /// An indicator's target and actual as the indicator values endpoint gives them. In every grouping, the programme's
    /// own values (the total and the buckets of no administration, where targets are usually set), once every
    /// administration's report for the period is in. By administration, then the buckets of each administration reported;
    /// by region, those buckets added up by region, for an indicator measured in units (other measures do not add up).
    /// </summary>
    private IEnumerable<ProgressValue> IndicatorRows(Period period, IndicatorDetails indicator, PeriodValues values)
    {
        var whole = new Group(null, null, null, _ => true);
        var programmeWide = approval.FullyReported(period.Id)
            ? new[] { new DisaggregatedValue { Target = values.Target, Actual = values.Actual } }
                .Concat(values.Disaggregations.Where(value => value.AdministrationId is null))
                .Select(value => (whole, value))
            : [];
        var ofAdministrations = values.Disaggregations
            .Where(value => value.AdministrationId is { } id && approval.Reported(period.Id, id) && byId.ContainsKey(id));
        var buckets = grouping switch
        {
            ProgressGrouping.Administration => programmeWide.Concat(ofAdministrations
                .Select(value => (new Group(value.AdministrationId, byId[value.AdministrationId!.Value].NameEn, byId[value.AdministrationId.Value].RegionCode, _ => true), value))),
            ProgressGrouping.Region when indicator.Measure == IndicatorMeasure.Unit => programmeWide.Concat(ofAdministrations
                .GroupBy(value => (Region: byId[value.AdministrationId!.Value].RegionCode, value.Sex, value.KeyFactorCode))
                .OrderBy(region => region.Key.Region, StringComparer.Ordinal)
                .Select(region => (new Group(null, null, region.Key.Region, _ => true), new DisaggregatedValue
                {
                    Sex = region.Key.Sex,
                    KeyFactorCode = region.Key.KeyFactorCode,
                    Target = region.Any(value => value.Target is not null) ? region.Sum(value => value.Target ?? 0) : null,
                    Actual = region.Any(value => value.Actual is not null) ? region.Sum(value => value.Actual ?? 0) : null,
                }))),
            _ => programmeWide,
        };
        foreach (var (group, value) in buckets)
        {
            if (value.Target is { } target)
                yield return Row(period, group, IndicatorTarget, target) with { Indicator = indicator.Code, Sex = value.Sex, KeyFactor = value.KeyFactorCode };
            if (value.Actual is { } actual)
                yield return Pooled(Row(period, group, IndicatorActual, actual) with { Indicator = indicator.Code, Sex = value.Sex, KeyFactor = value.KeyFactorCode },
                    indicator.ComputedBy, SmallCounts.ReadsPerception(indicator.ComputedBy) ? RuleCellsOf(period, indicator.ComputedBy!.Value, value.Key) : []);
        }
    }

    /// <summary>The cells of a rule in a period that a bucket of an indicator it computes holds, as <see cref="IndicatorValues"/> pools them.</summary>
    private IEnumerable<RuleCell> RuleCellsOf(Period period, IndicatorRule rule, Bucket bucket) =>
        cells[rule].Where(cell => cell.PeriodId == period.Id && bucket.Holds(cell));

    /// <summary>
    /// For donors, a perception figure pooled from fewer than the minimum administrations' cells, withheld as a small count is
    /// (<see cref="SmallCounts.TooFewAdministrations"/>); any other figure as it is. An administration's own figure is always
    /// one administration's, so always withheld. No secondary suppression is needed: no donor answer holds an
    /// administration's perception figure, so a total less its visible parts leaves administrations that are themselves
    /// withheld, never one of them; and a withheld region or key factor beside a visible total is a percentage pooled with
    /// bases (answers, key factors compared) that no donor answer tells, so no subtraction gives it.
    /// </summary>
    private ProgressValue Pooled(ProgressValue row, IndicatorRule? rule, IEnumerable<RuleCell> pooled) =>
        suppression is not null && SmallCounts.ReadsPerception(rule) && suppression.TooFewAdministrations(pooled)
            ? row with { Value = null, Suppressed = true }
            : row;
}
