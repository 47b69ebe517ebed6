using Integrity.Api.Data;
using Integrity.Api.Features.Results;
using Mediator;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// Each programme's results framework: an indicator per computed rule (targets entered, actuals read from the
/// records) and two entered ones (complaints handled, by administration, whose buckets add up to the total; and a
/// survey percentage); yearly reporting periods from the programme's start to <see cref="ScaleLoad.AsOf"/>; and a
/// report per period and covered administration, under review for the last years. Most past years' reports are written
/// submitted and answered as approvals to send once everything is in: approved through the use case, each freezes its
/// figures and audits their hash as a real approval does, so donors read snapshots of scale data too.
/// </summary>
public static class ScaleResults
{
    private sealed record Indicator(Guid Id, string Code, string Title, string Unit, IndicatorMeasure Measure, IndicatorRule? Rule,
        IReadOnlyList<Disaggregation> Dimensions);

    public static async Task<IReadOnlyList<ApprovePeriodReport>> LoadAsync(ScaleLoad load, Portfolio portfolio, Guid submitter)
    {
        var frameworks = portfolio.Programmes.Select(programme => (Programme: programme, Indicators: Indicators(load).ToList(),
            Periods: Enumerable.Range(programme.StartsOn.Year, ScaleLoad.AsOf.Year - programme.StartsOn.Year + 1)
                .Select(year => (Id: load.Ids.Next(), Year: year)).ToList())).ToList();

        await load.WriteAsync("indicators", ["id", "programme_id", "code", "title_en", "title_fr", "unit", "measure", "ascending", "computed_by", "version"],
            frameworks.SelectMany(f => f.Indicators.Select(i => new object?[]
            {
                i.Id, f.Programme.Id, i.Code, i.Title, $"{i.Title} (FR)", i.Unit, DbEnum.Name(i.Measure), true,
                i.Rule is { } rule ? DbEnum.Name(rule) : null, 1,
            })));
        await load.WriteAsync("indicator_disaggregations", ["indicator_id", "dimension"],
            frameworks.SelectMany(f => f.Indicators.SelectMany(i => i.Dimensions.Select(d => new object?[] { i.Id, DbEnum.Name(d) }))));
        await load.WriteAsync("reporting_periods", ["id", "programme_id", "label", "starts_on", "ends_on", "version"],
            frameworks.SelectMany(f => f.Periods.Select(p => new object?[] { p.Id, f.Programme.Id, p.Year.ToString(), new DateOnly(p.Year, 1, 1), new DateOnly(p.Year, 12, 31), 1 })));
        var reports = frameworks.SelectMany(f => f.Periods.SelectMany(p => f.Programme.Covered.Select(a =>
            (Approval: new ApprovePeriodReport { ProgrammeId = f.Programme.Id, PeriodId = p.Id, AdministrationId = a.Id }, p.Year, State: State(load, p.Year)))))
            .ToList();
        await load.WriteAsync("period_reports",
            ["id", "period_id", "administration_id", "state", "submitted_at", "submitted_by", "return_comment", "version"],
            reports.Select(r => Report(load, r.Approval, r.Year, r.State, submitter)));

        var values = frameworks.SelectMany(f => f.Indicators.SelectMany(i => f.Periods.Select(p => (Indicator: i, PeriodId: p.Id, ValueId: load.Ids.Next(),
            Buckets: i.Dimensions.Contains(Disaggregation.Administration) && i.Rule is null
                ? f.Programme.Covered.Select(a => (AdministrationId: a.Id, Actual: (decimal)load.Random.Next(0, 40))).ToList()
                : [])))).ToList();
        await load.WriteAsync("indicator_values", ["id", "indicator_id", "period_id", "target", "actual", "target_comment", "actual_comment", "version"],
            values.Select(v => new object?[] { v.ValueId, v.Indicator.Id, v.PeriodId, Target(load, v.Indicator), Actual(load, v.Indicator, v.Buckets.Sum(b => b.Actual)), null, null, 1 }));
        await load.WriteAsync("indicator_value_breakdowns", ["value_id", "position", "sex", "administration_id", "key_factor_code", "target", "actual"],
            values.SelectMany(v => v.Buckets.Select((b, i) => new object?[] { v.ValueId, i + 1, null, b.AdministrationId, null, null, b.Actual })));
        return reports.Where(r => r.State == ReportState.Approved).Select(r => r.Approval).ToList();
    }

    /// <summary>
    /// Sends the approvals <see cref="LoadAsync"/> answered, as the system, once the records they freeze are all in.
    /// One snapshot each, counted under approval_snapshots.
    /// </summary>
    public static async Task ApproveAsync(ScaleLoad load, ISender sender, IReadOnlyList<ApprovePeriodReport> approvals, CancellationToken cancellationToken)
    {
        foreach (var approval in approvals) await sender.Send(approval, cancellationToken);
        load.Counts["approval_snapshots"] = approvals.Count;
    }

    private static IEnumerable<Indicator> Indicators(ScaleLoad load)
    {
        var rules = Enum.GetValues<IndicatorRule>();
        foreach (var (rule, i) in rules.Select((rule, i) => (rule, i)))
        {
            var computed = ComputedRule.For(rule);
            yield return new Indicator(load.Ids.Next(), $"{i + 1}.1", DbEnum.Name(rule).Replace('_', ' '), computed.Measure == IndicatorMeasure.Percentage ? "%" : "count",
                computed.Measure, rule, computed.Dimensions);
        }
        yield return new Indicator(load.Ids.Next(), $"{rules.Length + 1}.1", "Integrity complaints handled", "complaints", IndicatorMeasure.Unit, null,
            [Disaggregation.Administration]);
        yield return new Indicator(load.Ids.Next(), $"{rules.Length + 2}.1", "Staff who see integrity improving (survey)", "%", IndicatorMeasure.Percentage, null, []);
    }

    private static decimal Target(ScaleLoad load, Indicator indicator) =>
        indicator.Measure == IndicatorMeasure.Percentage ? load.Random.Next(50, 90) : load.Random.Next(10, 500);

    /// <summary>Computed indicators take no entered actual; the complaints are the sum of their buckets.</summary>
    private static decimal? Actual(ScaleLoad load, Indicator indicator, decimal buckets) => indicator switch
    {
        { Rule: not null } => null,
        { Measure: IndicatorMeasure.Percentage } => load.Score(30, 95),
        _ => buckets,
    };

    /// <summary>Approved stands for "submitted now, approved once everything is in" (<see cref="ApproveAsync"/>).</summary>
    private static ReportState State(ScaleLoad load, int year)
    {
        var draw = load.Random.NextDouble();
        return year switch
        {
            < 2024 => draw < 0.97 ? ReportState.Approved : ReportState.Submitted,
            2024 => draw < 0.7 ? ReportState.Approved : draw < 0.9 ? ReportState.Submitted : ReportState.Returned,
            _ => draw < 0.6 ? ReportState.InProgress : ReportState.Submitted,
        };
    }

    private static object?[] Report(ScaleLoad load, ApprovePeriodReport report, int year, ReportState state, Guid submitter)
    {
        var submitted = state != ReportState.InProgress;
        var stored = state == ReportState.Approved ? ReportState.Submitted : state;
        var submittedAt = new DateTimeOffset(year + 1, 1, 20, 10, 0, 0, TimeSpan.Zero);
        return
        [
            load.Ids.Next(), report.PeriodId, report.AdministrationId, DbEnum.Name(stored),
            submitted ? submittedAt : null, submitted ? submitter : null,
            state == ReportState.Returned ? "Please attach the attendance sheets of the second semester." : null, 1,
        ];
    }
}
