using System.Text.Json;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Results;

/// <summary>What values an indicator takes, beyond their form: the checks that need the indicator and its programme.</summary>
internal static class IndicatorValueChecks
{
    public static List<ValidationFailure> Failures(IndicatorDetails indicator, RecordIndicatorValues values, IReadOnlyList<Guid> covered)
    {
        var failures = new List<ValidationFailure>();
        var rows = values.Disaggregations ?? [];
        static string At(int index, string? field = null) =>
            $"{nameof(RecordIndicatorValues.Disaggregations)}[{index}]{(field is null ? "" : "." + field)}";

        if (indicator.ComputedBy is { } rule)
        {
            var computed = Messages.ComputedActuals.With(DbEnum.Name(rule));
            if (values.Actual is not null) failures.Add(new(nameof(values.Actual), computed));
            failures.AddRange(rows.Index().Where(row => row.Item.Actual is not null).Select(row => new ValidationFailure(At(row.Index, "actual"), computed)));
        }
        if (indicator.Measure == IndicatorMeasure.Qualitative)
        {
            var words = Messages.QualitativeInWords;
            if (values.Target is not null) failures.Add(new(nameof(values.Target), words));
            if (values.Actual is not null) failures.Add(new(nameof(values.Actual), words));
            if (rows.Count > 0) failures.Add(new(nameof(values.Disaggregations), words));
        }
        if (indicator.Measure == IndicatorMeasure.Percentage)
        {
            var percent = Messages.PercentRange;
            if (values.Target is < 0 or > 100) failures.Add(new(nameof(values.Target), percent));
            if (values.Actual is < 0 or > 100) failures.Add(new(nameof(values.Actual), percent));
            foreach (var (index, row) in rows.Index())
            {
                if (row.Target is < 0 or > 100) failures.Add(new(At(index, "target"), percent));
                if (row.Actual is < 0 or > 100) failures.Add(new(At(index, "actual"), percent));
            }
        }
        foreach (var (index, row) in rows.Index())
        {
            var undeclared = row.Key.Dimensions().Except(indicator.Disaggregations).ToList();
            if (undeclared.Count > 0)
                failures.Add(new(At(index), Messages.NotDisaggregatedBy.With(
                    string.Join(", ", undeclared.Select(DbEnum.Name)),
                    indicator.Disaggregations.Count == 0 ? Messages.Nothing : string.Join(", ", indicator.Disaggregations.Select(DbEnum.Name)))));
            if (row.AdministrationId is { } administrationId && !covered.Contains(administrationId))
                failures.Add(new(At(index, "administrationId"), Messages.BucketNotCovered.With(administrationId)));
            var first = rows.Take(index).ToList().FindIndex(earlier => earlier.Key == row.Key);
            if (first >= 0) failures.Add(new(At(index), Messages.SameBucket.With(first)));
        }
        if (failures.Count == 0 && indicator.Measure == IndicatorMeasure.Unit) failures.AddRange(SumFailures(values, rows, covered.Count));
        return failures;
    }

    /// <summary>
    /// With every bucket of a split given (by sex, by administration or by both; key factors overlap and are left out),
    /// the buckets of a unit indicator add up to the total, for the target and the actual alike, where both are given.
    /// </summary>
    private static IEnumerable<ValidationFailure> SumFailures(RecordIndicatorValues values, IReadOnlyList<DisaggregatedValue> rows, int administrations)
    {
        var splits = rows.GroupBy(row => string.Join(" and ", row.Key.Dimensions().Select(DbEnum.Name)))
            .Where(split => split.All(row => row.KeyFactorCode is null));
        foreach (var split in splits)
        {
            var first = split.First().Key;
            var buckets = (first.Sex is null ? 1 : Enum.GetValues<Sex>().Length) * (first.AdministrationId is null ? 1 : administrations);
            if (split.Count() != buckets) continue;
            foreach (var (field, total, parts) in new[]
                     {
                         (nameof(values.Target), values.Target, split.Select(row => row.Target).ToList()),
                         (nameof(values.Actual), values.Actual, split.Select(row => row.Actual).ToList()),
                     })
            {
                if (total is null || parts.Any(part => part is null) || parts.Sum() == total) continue;
                yield return new ValidationFailure(field, Messages.NotTheSum.With(JsonNamingPolicy.CamelCase.ConvertName(field), total, split.Key, parts.Sum()));
            }
        }
    }
}
