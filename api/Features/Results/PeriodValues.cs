using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Results;

/// <summary>
/// An indicator's target and actual for one reporting period, with their breakdowns. For a computed indicator the
/// actuals are what its rule reads from the records now; the targets are entered.
/// </summary>
public sealed record PeriodValues
{
    public required Guid PeriodId { get; init; }
    public required string Label { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    public decimal? Target { get; init; }
    public decimal? Actual { get; init; }
    public string? TargetComment { get; init; }
    public string? ActualComment { get; init; }
    /// <summary>
    /// The values by bucket. A computed indicator has a row for every bucket of each of its disaggregations (zero
    /// included), whose actuals add up to the total (percentages excepted), and a row for any other entered target.
    /// </summary>
    public required IReadOnlyList<DisaggregatedValue> Disaggregations { get; init; } = [];
    /// <summary>The version of what was entered for the period, also its ETag; null while nothing is.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// A target or actual for one bucket: a combination of a sex, an administration and a key factor (IATI's dimensions
/// of a target or actual), at least one of them given.
/// </summary>
/// <remarks>
/// Sex and administration each split a total: with every bucket of a split given (female, male and not_recorded;
/// or every administration the programme covers; or every pair of both), the buckets of an indicator measured in
/// units add up to the total. Key factors overlap and need not add up.
/// </remarks>
public sealed record DisaggregatedValue
{
    [JsonIgnore] public Guid PeriodId { get; init; }
    /// <summary>female, male or not_recorded.</summary>
    public Sex? Sex { get; init; }
    /// <summary>An administration the programme covers.</summary>
    public Guid? AdministrationId { get; init; }
    /// <summary>RAD-01…RAD-10.</summary>
    public string? KeyFactorCode { get; init; }
    public decimal? Target { get; init; }
    public decimal? Actual { get; init; }

    [JsonIgnore] public Bucket Key => new(Sex, AdministrationId, KeyFactorCode);
}

/// <summary>What is entered for an indicator in a period, as stored (its breakdowns aside).</summary>
internal sealed record StoredValues
{
    public const string Columns = "v.id, v.period_id, v.target, v.actual, v.target_comment, v.actual_comment, v.version";

    public required Guid Id { get; init; }
    public required Guid PeriodId { get; init; }
    public decimal? Target { get; init; }
    public decimal? Actual { get; init; }
    public string? TargetComment { get; init; }
    public string? ActualComment { get; init; }
    public required int Version { get; init; }
}

/// <summary>
/// A breakdown row as stored. SQLite types a computed column by its first row, so the sex (null in some rows) is read as
/// its stored text ('not_recorded') and parsed here, not through <see cref="DbEnum.Column"/>.
/// </summary>
internal sealed record StoredBucket
{
    public const string Columns = "b.sex, b.administration_id, b.key_factor_code, b.target, b.actual";

    public Guid PeriodId { get; init; }
    public string? Sex { get; init; }
    public Guid? AdministrationId { get; init; }
    public string? KeyFactorCode { get; init; }
    public decimal? Target { get; init; }
    public decimal? Actual { get; init; }

    public DisaggregatedValue ToValue() => new()
    {
        PeriodId = PeriodId,
        Sex = DbEnum.TryParse<Sex>(Sex, out var sex) ? sex : null,
        AdministrationId = AdministrationId,
        KeyFactorCode = KeyFactorCode,
        Target = Target,
        Actual = Actual,
    };
}

/// <summary>Where a value belongs: the total (nothing given) or a bucket of one or more dimensions.</summary>
public readonly record struct Bucket(Sex? Sex, Guid? AdministrationId, string? KeyFactorCode)
{
    public static readonly Bucket Total = new(null, null, null);

    public IEnumerable<Disaggregation> Dimensions()
    {
        if (Sex is not null) yield return Disaggregation.Sex;
        if (AdministrationId is not null) yield return Disaggregation.Administration;
        if (KeyFactorCode is not null) yield return Disaggregation.KeyFactor;
    }

    /// <summary>Whether a computed cell falls in this bucket.</summary>
    public bool Holds(RuleCell cell) =>
        (Sex is null || Sex == cell.Sex) && (AdministrationId is null || AdministrationId == cell.AdministrationId)
        && (KeyFactorCode is null || KeyFactorCode == cell.KeyFactorCode);
}
