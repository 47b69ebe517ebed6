using Integrity.Api.Data;
using Integrity.Api.Features.PerceptionSurveys;

namespace Integrity.Api.Features.Results;

/// <summary>
/// The cells of the two rules that read perception surveys, perception_favourable_percent and
/// key_factors_improved_percent. Unlike the other rules they are not one grouped query: they pick each administration's
/// rounds as of each period's end, read the rounds' scores only through <see cref="KeyFactorTallies"/> (both groups
/// pooled), and compare them in code. Three queries whatever the number of periods: the rounds, their tallies, and (for
/// the second rule) the support the administrations received. A key factor answered by fewer than the minimum cell
/// size's respondents in a round does not count, for anyone: the scores suppress the same cells.
/// </summary>
internal static class PerceptionRuleCells
{
    /// <summary>Each period's rounds of the programme whose fieldwork ended by the period's end and whose answers are in; {0} selects the periods.</summary>
    internal const string Rounds = """
        SELECT rp.id AS period_id, ps.id AS survey_id, ps.administration_id, ps.fieldwork_starts_on, ps.fieldwork_ends_on
        FROM reporting_periods rp
        JOIN perception_surveys ps ON ps.programme_id = rp.programme_id AND ps.fieldwork_ends_on <= rp.ends_on AND ps.respondent_count > 0
        WHERE {0}
        """;

    /// <summary>
    /// What supported a key factor in an administration under the periods' programmes, with the days it spans and the day
    /// it began to: a session of a held workshop the administration hosted whose module covers the key factor (its day),
    /// or an objective on the key factor in the administration's action plan that is not a draft (the plan's dates, from
    /// its adoption). {0} selects the periods; their programmes are looked up first, so that each session and plan is
    /// read once, not once per period.
    /// </summary>
    internal const string Support = """
        SELECT DISTINCT w.host_administration_id AS administration_id, mk.key_factor_code, s.held_on AS starts_on, s.held_on AS ends_on, s.held_on AS since
        FROM workshops w
        JOIN sessions s ON s.workshop_id = w.id
        JOIN module_key_factors mk ON mk.module_id = s.module_id
        WHERE w.programme_id IN (SELECT rp.programme_id FROM reporting_periods rp WHERE {0}) AND w.status = 'held'
        UNION
        SELECT DISTINCT ap.administration_id, ok.key_factor_code, ap.starts_on, ap.ends_on, ap.adopted_on AS since
        FROM action_plans ap
        JOIN objectives o ON o.action_plan_id = ap.id
        JOIN objective_key_factors ok ON ok.objective_id = o.id
        WHERE ap.programme_id IN (SELECT rp.programme_id FROM reporting_periods rp WHERE {0}) AND ap.status <> 'draft'
        """;

    /// <summary>
    /// perception_favourable_percent: per period and administration, one cell per key factor of its latest round, the
    /// favourable answers (amount) of all its answers (base), both groups pooled.
    /// </summary>
    public static async Task<IReadOnlyList<RuleCell>> FavourableAsync(DbSession db, IReadOnlyList<Guid> periodIds, int minimumCellSize,
        CancellationToken cancellationToken)
    {
        var latest = (await RoundsAsync(db, periodIds, cancellationToken)).Select(rounds => rounds.Latest).ToList();
        var tallies = await TalliesAsync(db, latest, minimumCellSize, cancellationToken);
        return latest.SelectMany(round => tallies[round.SurveyId].Select(tally => new RuleCell
        {
            PeriodId = round.PeriodId, AdministrationId = round.AdministrationId, KeyFactorCode = tally.KeyFactorCode,
            Amount = tally.Favourable, Base = tally.Answers,
        })).ToList();
    }

    /// <summary>
    /// key_factors_improved_percent: per period and administration with two rounds, the key factors supported between
    /// them and scored in both (base), and of those the ones whose favourable percent rose (amount).
    /// </summary>
    public static async Task<IReadOnlyList<RuleCell>> ImprovedAsync(DbSession db, IReadOnlyList<Guid> periodIds, int minimumCellSize,
        CancellationToken cancellationToken)
    {
        var pairs = (await RoundsAsync(db, periodIds, cancellationToken)).Where(rounds => rounds.Earlier is not null).ToList();
        if (pairs.Count == 0) return [];
        var tallies = await TalliesAsync(db, pairs.SelectMany(rounds => new[] { rounds.Latest, rounds.Earlier! }).ToList(), minimumCellSize, cancellationToken);
        var support = (await db.QueryAsync<Supported>(string.Format(Support, db.Dialect.InIds("rp.id", "periodIds")),
            new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken)).ToLookup(supported => supported.AdministrationId);

        var cells = new List<RuleCell>();
        foreach (var (latest, earlier) in pairs)
        {
            var supported = support[latest.AdministrationId].Where(supported => supported.Between(earlier!, latest))
                .Select(supported => supported.KeyFactorCode).ToHashSet();
            var before = tallies[earlier!.SurveyId].ToDictionary(tally => tally.KeyFactorCode);
            var compared = tallies[latest.SurveyId]
                .Where(tally => supported.Contains(tally.KeyFactorCode) && before.ContainsKey(tally.KeyFactorCode))
                .Select(tally => tally.FavourablePercent > before[tally.KeyFactorCode].FavourablePercent).ToList();
            if (compared.Count > 0)
                cells.Add(new RuleCell
                {
                    PeriodId = latest.PeriodId, AdministrationId = latest.AdministrationId, Amount = compared.Count(rose => rose), Base = compared.Count,
                });
        }
        return cells;
    }

    /// <summary>Each period's administrations with their latest round and the one before it (none when only one), by fieldwork end.</summary>
    private static async Task<List<(Round Latest, Round? Earlier)>> RoundsAsync(DbSession db, IReadOnlyList<Guid> periodIds, CancellationToken cancellationToken)
    {
        var rounds = await db.QueryAsync<Round>(string.Format(Rounds, db.Dialect.InIds("rp.id", "periodIds")),
            new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken);
        return rounds.GroupBy(round => (round.PeriodId, round.AdministrationId))
            .Select(administration => administration
                .OrderByDescending(round => round.FieldworkEndsOn).ThenByDescending(round => round.FieldworkStartsOn).ThenByDescending(round => round.SurveyId)
                .ToList())
            .Select(inOrder => (inOrder[0], inOrder.Count > 1 ? inOrder[1] : null))
            .ToList();
    }

    /// <summary>The rounds' key factors with both groups pooled, those of too few respondents left out.</summary>
    private static async Task<ILookup<Guid, KeyFactorTally>> TalliesAsync(DbSession db, IReadOnlyList<Round> rounds, int minimumCellSize,
        CancellationToken cancellationToken)
    {
        var tallies = await KeyFactorTallies.OfAsync(db, rounds.Select(round => round.SurveyId).Distinct().ToList(), null, poolGroups: true, cancellationToken);
        return tallies.Where(tally => tally.Respondents >= minimumCellSize).ToLookup(tally => tally.SurveyId);
    }

    private sealed record Round
    {
        public required Guid PeriodId { get; init; }
        public required Guid SurveyId { get; init; }
        public required Guid AdministrationId { get; init; }
        public required DateOnly FieldworkStartsOn { get; init; }
        public required DateOnly FieldworkEndsOn { get; init; }
    }

    private sealed record Supported
    {
        public required Guid AdministrationId { get; init; }
        public required string KeyFactorCode { get; init; }
        public required DateOnly StartsOn { get; init; }
        public required DateOnly EndsOn { get; init; }
        public required DateOnly Since { get; init; }

        /// <summary>Whether it fell between the earlier round's fieldwork end and the later round's fieldwork start, both days included.</summary>
        public bool Between(Round earlier, Round later) =>
            StartsOn <= later.FieldworkStartsOn && EndsOn >= earlier.FieldworkEndsOn && Since <= later.FieldworkStartsOn;
    }
}
