using Integrity.Api.Data;
using Integrity.Api.Features.Results;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The figures donors read: those the approvals of the periods froze (<see cref="ApprovedFigures"/>), in the shapes the
/// live rules answer, so that the report and the IATI export build on them exactly as a preview builds on the records.
/// Each approved administration brings its own figures from its snapshot; what belongs to no administration the programme
/// covers (programme-wide values, records of an administration it no longer covers) comes from the period's latest snapshot.
/// </summary>
internal sealed class FrozenFigures
{
    /// <summary>The state a report approved before approvals were frozen is reported with: its figures are not told until it is approved again.</summary>
    public const string NotFrozen = "approved_not_frozen";

    private readonly List<(Guid PeriodId, ApprovedFigure Figure)> figures = [];
    private readonly HashSet<Guid> frozenReports;
    // Each rule's and each indicator's figures, found once rather than by a pass over every figure per rule and per indicator.
    private readonly ILookup<string, (Guid PeriodId, ApprovedFigure Figure)> bySource;
    private readonly ILookup<Guid?, (Guid PeriodId, ApprovedFigure Figure)> byIndicator;

    public FrozenFigures(IReadOnlyList<ApprovedFigures.Snapshot> snapshots, IReadOnlyCollection<Guid> covered)
    {
        frozenReports = snapshots.Select(snapshot => snapshot.ReportId).ToHashSet();
        foreach (var period in snapshots.GroupBy(snapshot => snapshot.PeriodId))
        {
            var approvedFor = period.Select(snapshot => snapshot.AdministrationId).ToHashSet();
            foreach (var snapshot in period)
                figures.AddRange(snapshot.Figures.Where(figure => figure.AdministrationId == snapshot.AdministrationId).Select(figure => (period.Key, figure)));
            var latest = ApprovedFigures.Latest(period);
            figures.AddRange(latest.Figures
                .Where(figure => figure.AdministrationId is not { } id || (!covered.Contains(id) && !approvedFor.Contains(id)))
                .Select(figure => (period.Key, figure)));
        }
        bySource = figures.ToLookup(frozen => frozen.Figure.Source);
        byIndicator = bySource[ApprovedFigures.IndicatorValue].ToLookup(frozen => frozen.Figure.IndicatorId);
    }

    public static async Task<FrozenFigures> ReadAsync(DbSession db, SnapshotFigures kept, IReadOnlyList<Guid> periodIds, IReadOnlyCollection<Guid> covered,
        CancellationToken cancellationToken) =>
        new(await ApprovedFigures.ToldAsync(db, kept, periodIds, cancellationToken), covered);

    /// <summary>Every rule's cells, as <see cref="ComputedRule.CellsAsync(DbSession, IEnumerable{IndicatorRule}, IReadOnlyList{Guid}, int, CancellationToken)"/> answers them.</summary>
    public IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> Cells() =>
        Enum.GetValues<IndicatorRule>().ToDictionary(rule => rule, rule => (IReadOnlyList<RuleCell>)bySource[DbEnum.Name(rule)]
            .Select(frozen => new RuleCell
            {
                PeriodId = frozen.PeriodId, Sex = frozen.Figure.SexOf, AdministrationId = frozen.Figure.AdministrationId,
                KeyFactorCode = frozen.Figure.KeyFactorCode, Amount = frozen.Figure.Amount ?? 0, Base = frozen.Figure.Base,
            }).ToList());

    public IReadOnlyList<ModuleCell> Modules() =>
        bySource[ApprovedFigures.Modules].Where(frozen => frozen.Figure.AdministrationId is not null)
            .Select(frozen => new ModuleCell
            {
                PeriodId = frozen.PeriodId, AdministrationId = frozen.Figure.AdministrationId!.Value, KeyFactorCode = frozen.Figure.KeyFactorCode,
                Amount = frozen.Figure.Amount ?? 0,
            }).ToList();

    /// <summary>An indicator's values in each period, as <see cref="IndicatorValues.ReadAsync"/> answers them.</summary>
    public IReadOnlyList<PeriodValues> ValuesOf(IndicatorDetails indicator, IReadOnlyList<Period> periods)
    {
        var ofIndicator = Of(indicator).ToLookup(frozen => frozen.PeriodId, frozen => frozen.Figure);
        return periods.Select(period =>
        {
            var total = ofIndicator[period.Id].FirstOrDefault(figure => figure.SexOf is null && figure.AdministrationId is null && figure.KeyFactorCode is null);
            return new PeriodValues
            {
                PeriodId = period.Id,
                Label = period.Label,
                StartsOn = period.StartsOn,
                EndsOn = period.EndsOn,
                Target = total?.Target,
                Actual = total?.Amount,
                Disaggregations = ofIndicator[period.Id].Where(figure => figure != total).Select(figure => new DisaggregatedValue
                {
                    PeriodId = period.Id, Sex = figure.SexOf, AdministrationId = figure.AdministrationId, KeyFactorCode = figure.KeyFactorCode,
                    Target = figure.Target, Actual = figure.Amount,
                }).ToList(),
            };
        }).ToList();
    }

    /// <summary>The indicators' values of each administration's buckets, as the IATI export reads them entered.</summary>
    public IEnumerable<EnteredFigure> ByAdministration(IEnumerable<IndicatorDetails> indicators) =>
        from indicator in indicators
        from frozen in Of(indicator)
        where frozen.Figure.AdministrationId is not null && (frozen.Figure.Target is not null || frozen.Figure.Amount is not null)
        select new EnteredFigure
        {
            IndicatorId = indicator.Id, PeriodId = frozen.PeriodId, AdministrationId = frozen.Figure.AdministrationId!.Value,
            StoredSex = frozen.Figure.Sex, KeyFactorCode = frozen.Figure.KeyFactorCode, Target = frozen.Figure.Target, Actual = frozen.Figure.Amount,
        };

    /// <summary>The reports as donors see them: one approved without a snapshot is told as <see cref="NotFrozen"/>, left out.</summary>
    public IReadOnlyList<StoredReport> Told(IReadOnlyList<StoredReport> reports) =>
        reports.Select(report => report.StoredState == "approved" && !frozenReports.Contains(report.ReportId)
            ? report with { StoredState = NotFrozen }
            : report).ToList();

    private IEnumerable<(Guid PeriodId, ApprovedFigure Figure)> Of(IndicatorDetails indicator) => byIndicator[indicator.Id];
}
