using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Results;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The targets and actuals of each country project: the values entered for its administration's bucket (alone, or
/// with a sex or a key factor), and for a computed indicator the actuals its rule reads from the records for that
/// administration. Programme-wide values (totals, buckets of no administration) belong to no single country project
/// and are not told here.
/// </summary>
/// <param name="withheld">The actuals withheld from donors as small counts, as the progress report by administration withholds
/// them (<see cref="WithheldKey"/>), so that the two never reveal together what each withholds.</param>
public sealed class ProgrammeFigures(IEnumerable<EnteredFigure> entered, IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> cells,
    IReadOnlySet<WithheldKey>? withheld = null)
{
    // Within a key, the administration's own bucket first, then its breakdowns in the order they were entered.
    private readonly ILookup<(Guid IndicatorId, Guid PeriodId, Guid AdministrationId), EnteredFigure> entered = entered
        .OrderBy(figure => figure.StoredSex is not null || figure.KeyFactorCode is not null)
        .ToLookup(figure => (figure.IndicatorId, figure.PeriodId, figure.AdministrationId));

    private readonly Dictionary<IndicatorRule, ILookup<(Guid PeriodId, Guid? AdministrationId), RuleCell>> cells =
        cells.ToDictionary(rule => rule.Key, rule => rule.Value.ToLookup(cell => (cell.PeriodId, cell.AdministrationId)));

    /// <summary>
    /// Whether an indicator has figures per country project: a computed one always (every rule tells the administration
    /// of what it counts); an entered one when it is broken down by administration and has numbers.
    /// </summary>
    public static bool ByCountryProject(IndicatorDetails indicator) =>
        indicator.ComputedBy is not null
        || (indicator.Measure != IndicatorMeasure.Qualitative && indicator.Disaggregations.Contains(Disaggregation.Administration));

    public IReadOnlyList<Figure> Targets(IndicatorDetails indicator, Guid periodId, Guid administrationId) =>
        entered[(indicator.Id, periodId, administrationId)]
            .Where(figure => figure.Target is not null)
            .Select(figure => new Figure(figure.Target!.Value, figure.SexOf, figure.KeyFactorCode)).ToList();

    /// <summary>
    /// The actuals: entered ones; or for a computed indicator the administration's total and, when the indicator is
    /// broken down by sex, one per sex, not_recorded included, so that they add up to the total; by key factor, one per
    /// key factor its rule's cells name.
    /// </summary>
    public IReadOnlyList<Figure> Actuals(IndicatorDetails indicator, Guid periodId, Guid administrationId)
    {
        if (withheld is null || withheld.Count == 0) return AllActuals(indicator, periodId, administrationId);
        var figure = indicator.ComputedBy is { } rule ? DbEnum.Name(rule) : ProgressFigures.IndicatorActual;
        var code = indicator.ComputedBy is null ? indicator.Code : null;
        return AllActuals(indicator, periodId, administrationId)
            .Where(actual => !withheld.Contains(new WithheldKey(periodId, administrationId, figure, code, actual.Sex, actual.KeyFactorCode))).ToList();
    }

    private List<Figure> AllActuals(IndicatorDetails indicator, Guid periodId, Guid administrationId)
    {
        if (indicator.ComputedBy is not { } name)
            return entered[(indicator.Id, periodId, administrationId)]
                .Where(figure => figure.Actual is not null)
                .Select(figure => new Figure(figure.Actual!.Value, figure.SexOf, figure.KeyFactorCode)).ToList();

        var rule = ComputedRule.For(name);
        var ofProject = cells[name][(periodId, administrationId)].ToList();
        var actuals = new List<Figure>();
        if (rule.Aggregate(ofProject) is { } total) actuals.Add(new Figure(total, null, null));
        if (indicator.Disaggregations.Contains(Disaggregation.Sex))
            foreach (var sex in Enum.GetValues<Sex>())
                if (rule.Aggregate(ofProject.Where(cell => cell.Sex == sex)) is { } value)
                    actuals.Add(new Figure(value, sex, null));
        if (indicator.Disaggregations.Contains(Disaggregation.KeyFactor))
            foreach (var keyFactor in ofProject.Select(cell => cell.KeyFactorCode).OfType<string>().Distinct().Order(StringComparer.Ordinal))
                if (rule.Aggregate(ofProject.Where(cell => cell.KeyFactorCode == keyFactor)) is { } value)
                    actuals.Add(new Figure(value, null, keyFactor));
        return actuals;
    }
}

/// <summary>A value entered for an administration's bucket of an indicator in a period.</summary>
public sealed record EnteredFigure
{
    public required Guid IndicatorId { get; init; }
    public required Guid PeriodId { get; init; }
    public required Guid AdministrationId { get; init; }
    /// <summary>
    /// female, male or not_recorded as stored, read as text: on SQLite, Dapper takes a column's type from its first row,
    /// and a first row without a sex would make it read the others' as numbers.
    /// </summary>
    public string? StoredSex { get; init; }
    public string? KeyFactorCode { get; init; }
    public decimal? Target { get; init; }
    public decimal? Actual { get; init; }

    public Sex? SexOf => DbEnum.TryParse<Sex>(StoredSex, out var sex) ? sex : null;
}

/// <summary>A value of the progress report by administration: period, administration, figure, indicator code (entered indicators), sex, key factor.</summary>
public readonly record struct WithheldKey(Guid PeriodId, Guid? AdministrationId, string Figure, string? Indicator, Sex? Sex, string? KeyFactor)
{
    public static WithheldKey Of(ProgressValue value) =>
        new(value.PeriodId, value.AdministrationId, value.Figure, value.Indicator, value.Sex, value.KeyFactor);
}

/// <summary>A target or actual of a country project: the administration's own (no dimension), or one of its breakdowns.</summary>
public readonly record struct Figure(decimal Value, Sex? Sex, string? KeyFactorCode);
