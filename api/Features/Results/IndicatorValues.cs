using Integrity.Api.Data;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Results;

/// <summary>
/// Reads an indicator's values for some of its programme's periods: what was entered, and for a computed indicator
/// the actuals its rule reads from the records. A fixed number of queries however many periods: the entered values,
/// their breakdowns, and for a computed indicator its rule's one query and the programme's administrations.
/// </summary>
public static class IndicatorValues
{
    /// <summary>The programme's reporting periods, unordered: add filters and the order, or use <see cref="PeriodsInOrder"/> or <see cref="PeriodOf"/>.</summary>
    public const string PeriodsOf = "SELECT rp.id, rp.label, rp.starts_on, rp.ends_on FROM reporting_periods rp WHERE rp.programme_id = @programmeId";

    /// <summary>The programme's reporting periods in date order.</summary>
    public const string PeriodsInOrder = $"{PeriodsOf} ORDER BY rp.starts_on, rp.id";

    /// <summary>One reporting period of the programme, by <c>@periodId</c>.</summary>
    public const string PeriodOf = $"{PeriodsOf} AND rp.id = @periodId";

    private const string Entered = $$"""
        SELECT {{StoredValues.Columns}}
        FROM indicator_values v
        WHERE v.indicator_id = @indicatorId AND {0}
        """;

    private const string EnteredBreakdowns = $$"""
        SELECT v.period_id, {{StoredBucket.Columns}}
        FROM indicator_value_breakdowns b JOIN indicator_values v ON v.id = b.value_id
        WHERE v.indicator_id = @indicatorId AND {0}
        ORDER BY b.position
        """;

    /// <summary>The administrations the programme covers, by name: the buckets of a computed breakdown by administration.</summary>
    internal const string Covered = """
        SELECT pa.administration_id FROM programme_administrations pa JOIN administrations a ON a.id = pa.administration_id
        WHERE pa.programme_id = @programmeId
        ORDER BY a.name_en, a.id
        """;

    /// <param name="programmeRead">What the progress report has already read for the whole programme (every rule's cells
    /// for these periods, the administrations it covers), so that no computed indicator reads it again.</param>
    /// <param name="minimumCellSize">Reporting:MinimumCellSize, below which a perception rule leaves a key factor out.</param>
    public static async Task<IReadOnlyList<PeriodValues>> ReadAsync(DbSession db, IndicatorDetails indicator, IReadOnlyList<Period> periods,
        int minimumCellSize, CancellationToken cancellationToken, ProgrammeRead? programmeRead = null)
    {
        if (periods.Count == 0) return [];
        var ids = periods.Select(period => period.Id).ToList();
        var parameters = new { indicatorId = indicator.Id, periodIds = db.Dialect.Ids(ids) };
        var entered = await db.QueryAsync<StoredValues>(EnteredSql(db.Dialect), parameters, cancellationToken);
        var breakdowns = await db.QueryAsync<StoredBucket>(BreakdownsSql(db.Dialect), parameters, cancellationToken);
        if (indicator.ComputedBy is not { } rule) return Values(indicator, periods, entered, breakdowns, null, []);
        if (programmeRead is not null) return Values(indicator, periods, entered, breakdowns, programmeRead.Cells[rule], programmeRead.Covered);
        return Values(indicator, periods, entered, breakdowns, await ComputedRule.For(rule).CellsAsync(db, ids, minimumCellSize, cancellationToken),
            await db.QueryAsync<Guid>(Covered, new { programmeId = indicator.ProgrammeId }, cancellationToken));
    }

    /// <summary>Every rule's cells for the periods read, and the administrations the programme covers in the order of <see cref="Covered"/>.</summary>
    public sealed record ProgrammeRead(IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> Cells, IReadOnlyList<Guid> Covered);

    /// <summary>What is entered for the indicator <c>@indicatorId</c> in the periods <c>@periodIds</c> (through <see cref="SqlDialect.Ids"/>).</summary>
    internal static string EnteredSql(SqlDialect dialect) => string.Format(Entered, dialect.InIds("v.period_id", "periodIds"));

    /// <summary>The breakdowns entered for the indicator <c>@indicatorId</c> in the periods <c>@periodIds</c>.</summary>
    internal static string BreakdownsSql(SqlDialect dialect) => string.Format(EnteredBreakdowns, dialect.InIds("v.period_id", "periodIds"));

    /// <summary>
    /// An indicator's values in each period from what was read: the entered values and breakdowns and, for a computed
    /// indicator, its rule's cells and the administrations its programme covers (<see cref="Covered"/>).
    /// </summary>
    internal static IReadOnlyList<PeriodValues> Values(IndicatorDetails indicator, IReadOnlyList<Period> periods, IEnumerable<StoredValues> enteredRows,
        IEnumerable<StoredBucket> breakdownRows, IReadOnlyList<RuleCell>? cells, IReadOnlyList<Guid> covered)
    {
        var entered = enteredRows.ToDictionary(values => values.PeriodId);
        var breakdowns = breakdownRows.Select(stored => stored.ToValue()).ToLookup(value => value.PeriodId);
        var computed = indicator.ComputedBy is { } rule && cells is not null
            ? new Computed(ComputedRule.For(rule), cells.ToLookup(cell => cell.PeriodId), covered)
            : null;

        return periods.Select(period =>
        {
            var values = entered.GetValueOrDefault(period.Id);
            return new PeriodValues
            {
                PeriodId = period.Id,
                Label = period.Label,
                StartsOn = period.StartsOn,
                EndsOn = period.EndsOn,
                Target = values?.Target,
                Actual = computed is null ? values?.Actual : computed.Rule.Aggregate(computed.Cells[period.Id]),
                TargetComment = values?.TargetComment,
                ActualComment = values?.ActualComment,
                Disaggregations = computed is null
                    ? breakdowns[period.Id].ToList()
                    : computed.Breakdown(indicator.Disaggregations, computed.Cells[period.Id].ToList(), breakdowns[period.Id].ToList()),
                Version = values?.Version,
            };
        }).ToList();
    }

    /// <summary>A computed indicator's cells by period, and the administrations its programme covers.</summary>
    private sealed record Computed(ComputedRule Rule, ILookup<Guid, RuleCell> Cells, IReadOnlyList<Guid> Covered)
    {
        /// <summary>
        /// A row for every bucket of each disaggregation (every sex; every administration covered, and any other the
        /// records name; every key factor the cells name), then any other bucket an entered target names; each with its
        /// entered target and computed actual.
        /// </summary>
        public List<DisaggregatedValue> Breakdown(IReadOnlyList<Disaggregation> dimensions, List<RuleCell> cells, List<DisaggregatedValue> targets)
        {
            var buckets = new List<Bucket>();
            if (dimensions.Contains(Disaggregation.Sex))
                buckets.AddRange(Enum.GetValues<Sex>().Select(sex => new Bucket(sex, null, null)));
            if (dimensions.Contains(Disaggregation.Administration))
                buckets.AddRange(Covered.Concat(cells.Select(cell => cell.AdministrationId).OfType<Guid>().Order()).Distinct()
                    .Select(administrationId => new Bucket(null, administrationId, null)));
            if (dimensions.Contains(Disaggregation.KeyFactor))
                buckets.AddRange(cells.Select(cell => cell.KeyFactorCode).OfType<string>().Distinct().Order(StringComparer.Ordinal)
                    .Select(keyFactor => new Bucket(null, null, keyFactor)));
            buckets.AddRange(targets.Select(target => target.Key).Except(buckets));
            var entered = targets.ToDictionary(target => target.Key, target => target.Target);
            return buckets.Select(bucket => new DisaggregatedValue
            {
                Sex = bucket.Sex,
                AdministrationId = bucket.AdministrationId,
                KeyFactorCode = bucket.KeyFactorCode,
                Target = entered.GetValueOrDefault(bucket),
                Actual = Rule.Aggregate(cells.Where(bucket.Holds)),
            }).ToList();
        }
    }
}

/// <summary>A reporting period as values are read for it.</summary>
public sealed record Period
{
    public required Guid Id { get; init; }
    public required string Label { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
}
