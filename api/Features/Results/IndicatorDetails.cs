using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Results;

/// <summary>An indicator of a programme's results framework; <c>version</c> is also its ETag.</summary>
public sealed record IndicatorDetails
{
    public required Guid Id { get; init; }
    public required Guid ProgrammeId { get; init; }
    public required string Code { get; init; }
    public required string TitleEn { get; init; }
    public required string TitleFr { get; init; }
    public required string Unit { get; init; }
    public required IndicatorMeasure Measure { get; init; }
    /// <summary>The measure's code in IATI's IndicatorMeasure codelist (1 unit … 5 qualitative).</summary>
    public int IatiMeasureCode => (int)Measure;
    /// <summary>true when a higher value is better.</summary>
    public required bool Ascending { get; init; }
    /// <summary>What its values are broken down by, in the order sex, administration, key_factor.</summary>
    public required IReadOnlyList<Disaggregation> Disaggregations { get; init; } = [];
    /// <summary>The rule that computes its actuals from the records; null for an indicator entered by hand.</summary>
    public IndicatorRule? ComputedBy => DbEnum.TryParse<IndicatorRule>(StoredRule, out var rule) ? rule : null;
    /// <summary>
    /// computed_by as stored. SQLite types a computed column by its first row, so a list whose first indicator is
    /// entered by hand could not read a later rule through <see cref="DbEnum.Column"/>: the text is read instead.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore] public string? StoredRule { get; init; }
    public required int Version { get; init; }

    public static readonly string Select = $"""
        SELECT i.id, i.programme_id, i.code, i.title_en, i.title_fr, i.unit, {DbEnum.Column("i.measure", "measure")}, i.ascending,
               i.computed_by AS stored_rule, i.version
        FROM indicators i
        """;

    /// <summary>The indicators of the programme <c>@programmeId</c>, by code: as the reports list them.</summary>
    internal static readonly string OfProgramme = $"{Select}\nWHERE i.programme_id = @programmeId\nORDER BY i.code, i.id";

    private static readonly string DisaggregationsOf = $$"""
        SELECT indicator_id, {{DbEnum.Column("dimension", "dimension")}} FROM indicator_disaggregations
        WHERE {0}
        """;

    /// <summary>An indicator of the programme, with its disaggregations; 404 when either is missing or out of the caller's scope.</summary>
    public static async Task<IndicatorDetails> OfProgrammeAsync(DbSession db, Caller caller, Guid programmeId, Guid id, CancellationToken cancellationToken)
    {
        var indicator = await db.QuerySingleOrDefaultAsync<IndicatorDetails>(
                            $"{Select} WHERE i.id = @id AND i.programme_id = @programmeId{Scope.And(Scope.Programmes(caller, "i.programme_id"))}",
                            Scope.Parameters(caller, new { id, programmeId }), cancellationToken)
                        ?? throw new NotFoundException(Messages.RecordIndicatorOfProgramme, id);
        return (await WithDisaggregationsAsync(db, [indicator], cancellationToken))[0];
    }

    /// <summary>All the indicators of a programme (<see cref="OfProgramme"/>), with their disaggregations; the caller has checked its scope.</summary>
    public static async Task<IReadOnlyList<IndicatorDetails>> AllOfProgrammeAsync(DbSession db, Guid programmeId, CancellationToken cancellationToken) =>
        await WithDisaggregationsAsync(db, await db.QueryAsync<IndicatorDetails>(OfProgramme, new { programmeId }, cancellationToken), cancellationToken);

    /// <summary>Adds their disaggregations to indicators read with <see cref="Select"/>: one query for a whole page.</summary>
    public static async Task<IReadOnlyList<IndicatorDetails>> WithDisaggregationsAsync(
        DbSession db, IReadOnlyList<IndicatorDetails> indicators, CancellationToken cancellationToken)
    {
        if (indicators.Count == 0) return indicators;
        return WithDimensions(indicators, await db.QueryAsync<IndicatorDimension>(DisaggregationsSql(db.Dialect),
            new { ids = db.Dialect.Ids(indicators.Select(indicator => indicator.Id)) }, cancellationToken));
    }

    /// <summary>The disaggregations of the indicators in <c>@ids</c> (pass them through <see cref="SqlDialect.Ids"/>); never run with none.</summary>
    internal static string DisaggregationsSql(SqlDialect dialect) => string.Format(DisaggregationsOf, dialect.InIds("indicator_id", "ids"));

    /// <summary>Each indicator with the dimensions read for it, in the order sex, administration, key_factor.</summary>
    internal static IReadOnlyList<IndicatorDetails> WithDimensions(IReadOnlyList<IndicatorDetails> indicators, IEnumerable<IndicatorDimension> rows)
    {
        var dimensions = rows.ToLookup(row => row.IndicatorId, row => row.Dimension);
        return indicators.Select(indicator => indicator with { Disaggregations = dimensions[indicator.Id].Order().ToList() }).ToList();
    }

    internal sealed record IndicatorDimension
    {
        public required Guid IndicatorId { get; init; }
        public required Disaggregation Dimension { get; init; }
    }
}
