using System.Globalization;
using Integrity.Api.Data;
using Integrity.Api.Features.Results;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// Small counts withheld from donors: no figure they receive counts, or sums over, fewer than
/// <c>Reporting:MinimumCellSize</c> people (default 5), so that no official can be singled out. Figures that count
/// people: officials_trained and accredited_national_trainers (their own value); participant_hours (the officials
/// trained in the same bucket are the people it sums over); an indicator computed by one of these rules, or entered in
/// units that name people (officials, participants, trainers, women, men, staff, persons …); targets are plans, not
/// people, and are always told. A count of 0 is told. Secondary suppression: where one bucket of a total (a sex of a
/// total; an administration or region of a period) is withheld and the others and the total can be read, the next
/// smallest bucket is withheld too (or the total, when no other bucket is left), so that none can be worked out by
/// subtraction; repeated until nothing changes. Perception figures (the two perception rules' own figures and the
/// actuals of an indicator they compute) are withheld from donors unless at least <c>Reporting:MinimumAdministrations</c>
/// (default 3) administrations contribute to them (<see cref="TooFewAdministrations"/>): an administration's perceptions are
/// its own, donors only see them pooled. Staff see every figure.
/// </summary>
public sealed class SmallCounts(int minimumCellSize, int minimumAdministrations = SmallCounts.DefaultMinimumAdministrations)
{
    public const int DefaultMinimumCellSize = 5;
    public const int DefaultMinimumAdministrations = 3;

    private static readonly string[] PeopleUnits =
        ["official", "participant", "trainer", "women", "woman", "men", "man", "staff", "person", "people", "officer", "agent", "fonctionnaire", "personne", "formateur", "femme", "homme"];

    private static readonly string[] PersonFigures =
        [DbEnum.Name(IndicatorRule.OfficialsTrained), DbEnum.Name(IndicatorRule.ParticipantHours), DbEnum.Name(IndicatorRule.AccreditedNationalTrainers)];

    public int MinimumCellSize => minimumCellSize;

    /// <summary>How many administrations a perception figure must pool before donors see it.</summary>
    public int MinimumAdministrations => minimumAdministrations;

    public static SmallCounts From(IConfiguration configuration) =>
        new(Setting(configuration, "Reporting:MinimumCellSize", DefaultMinimumCellSize),
            Setting(configuration, "Reporting:MinimumAdministrations", DefaultMinimumAdministrations));

    /// <summary>
    /// A threshold as configured: a whole number of at least 1 (1 withholds nothing). Anything else stops the API at
    /// start with the setting named, rather than failing every report or, below 1, showing every small count.
    /// </summary>
    private static int Setting(IConfiguration configuration, string key, int fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new InvalidOperationException(
                $"{key} is \"{text}\": it must be a whole number of at least 1 (the default is {fallback}); it keeps small counts from donors. " +
                $"Correct it (appsettings.json, --{key} or the environment variable {key.Replace(":", "__", StringComparison.Ordinal)}) and start the API again.");
    }

    /// <summary>The rules as each report states them, in the request's language; its figures and statuses by their codes.</summary>
    public string Rule => $"{Messages.SmallCountsRule.With(minimumCellSize)} {Messages.PerceptionAcrossAdministrations.With(minimumAdministrations)}";

    /// <summary>Whether a rule reads perception surveys: its figures, and the actuals it computes, are an administration's perceptions.</summary>
    public static bool ReadsPerception(IndicatorRule? rule) => rule is IndicatorRule.PerceptionFavourablePercent or IndicatorRule.KeyFactorsImprovedPercent;

    /// <summary>
    /// Whether a perception figure pooled from these cells is withheld from donors: every cell of a perception rule is one
    /// administration's, so the administrations contributing are the distinct ones among them, read at no cost from what
    /// the report holds (live cells or an approval's snapshot, which keeps each administration's cells).
    /// </summary>
    public bool TooFewAdministrations(IEnumerable<RuleCell> pooled) =>
        pooled.Select(cell => cell.AdministrationId).Distinct().Count() < minimumAdministrations;

    /// <summary>The rule each of an indicator's actuals follows: its computing rule, the entered count of people (null), or none (not people).</summary>
    public static bool CountsPeople(IndicatorDetails indicator, out IndicatorRule? rule)
    {
        rule = indicator.ComputedBy;
        return indicator.ComputedBy is IndicatorRule.OfficialsTrained or IndicatorRule.ParticipantHours or IndicatorRule.AccreditedNationalTrainers
               || (indicator.ComputedBy is null && indicator.Measure == IndicatorMeasure.Unit
                   && PeopleUnits.Any(word => indicator.Unit.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    private readonly record struct Bucket(Guid? AdministrationId, string? Region, string? KeyFactor, Features.Participants.Sex? Sex);

    /// <summary>
    /// The rows of one period with the small counts withheld. <paramref name="people"/> names the indicators whose actuals
    /// count people, with the rule that computes them (null: entered).
    /// </summary>
    public List<ProgressValue> Suppress(List<ProgressValue> rows, IReadOnlyDictionary<string, IndicatorRule?> people, ProgressGrouping grouping)
    {
        var officials = rows.Where(row => row.Figure == PersonFigures[0])
            .ToDictionary(row => new Bucket(row.AdministrationId, row.Region, row.KeyFactor, row.Sex), row => row.Value ?? 0);
        decimal? PeopleIn(ProgressValue row)
        {
            var sumsOverOfficials = row.Figure == PersonFigures[1]
                                    || (row.Figure == ProgressFigures.IndicatorActual && row.Indicator is { } hours && people.GetValueOrDefault(hours) == IndicatorRule.ParticipantHours);
            if (sumsOverOfficials) return officials.GetValueOrDefault(new Bucket(row.AdministrationId, row.Region, row.KeyFactor, row.Sex), row.Value ?? 0);
            return PersonFigures.Contains(row.Figure) || (row.Figure == ProgressFigures.IndicatorActual && row.Indicator is { } code && people.ContainsKey(code))
                ? row.Value
                : null;
        }

        var counted = rows.Select(PeopleIn).ToList();
        var hidden = counted.Select(count => count is > 0 && count < minimumCellSize).ToArray();
        var ofPeople = Enumerable.Range(0, rows.Count).Where(i => counted[i] is not null).ToList();

        // Each family: the rows that add up to a total, and the total's row when the same answer holds it (else it is read elsewhere).
        var families = new List<(int? Total, List<int> Members)>();
        foreach (var family in ofPeople.GroupBy(i => (rows[i].AdministrationId, rows[i].Region, rows[i].KeyFactor, rows[i].Figure, rows[i].Indicator)))
        {
            var total = family.Where(i => rows[i].Sex is null).Cast<int?>().FirstOrDefault();
            var members = family.Where(i => rows[i].Sex is not null).ToList();
            if (members.Count > 0) families.Add((total, members));
        }
        if (grouping is ProgressGrouping.Administration or ProgressGrouping.Region)
        {
            families.AddRange(ofPeople.GroupBy(i => (rows[i].KeyFactor, rows[i].Figure, rows[i].Indicator, rows[i].Sex))
                .Select(family => ((int?)null, family.ToList())));
            if (grouping == ProgressGrouping.Administration)
                families.AddRange(ofPeople.GroupBy(i => (rows[i].Region, rows[i].KeyFactor, rows[i].Figure, rows[i].Indicator, rows[i].Sex))
                    .Select(family => ((int?)null, family.ToList())));
        }

        WithholdBesideLoneCells(families, hidden, i => rows[i].Value);
        return rows.Select((row, i) => hidden[i] ? row with { Value = null, Suppressed = true } : row).ToList();
    }

    /// <summary>
    /// Secondary suppression over families of cells (by index), each the members that add up to a total (its index when
    /// the same answer holds it, else null): where exactly one member is withheld and the total can be read, the smallest
    /// visible member is withheld too (a non-zero one first, then the earliest of equal size), or the total when none is
    /// left, so that the withheld one cannot be worked out by subtraction; repeated until nothing changes, since families
    /// share cells.
    /// </summary>
    public static void WithholdBesideLoneCells(IReadOnlyList<(int? Total, List<int> Members)> families, bool[] hidden, Func<int, decimal?> size)
    {
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (total, members) in families)
            {
                if (members.Count(i => hidden[i]) != 1 || (total is { } t && hidden[t])) continue;
                var visible = members.Where(i => !hidden[i]).OrderBy(i => size(i) > 0 ? 0 : 1).ThenBy(size).ToList();
                if (visible.Count > 0) hidden[visible[0]] = true;
                else if (total is { } whole) hidden[whole] = true;
                else continue;
                changed = true;
            }
        }
    }
}
