using Integrity.Api.Data;
using Integrity.Api.Features.Reports;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>Who answered: the survey's two populations, scored apart.</summary>
public enum RespondentGroup { CustomsOfficial, PrivateSector }

/// <summary>A breakdown of scores by one of a respondent's optional columns.</summary>
public enum ScoreBreakdown { Service, Sex, Region }

/// <summary>
/// A round's answers on one key factor from one group (or both pooled) and one value of a breakdown, after reversing:
/// what every score, trend and indicator of perceptions is computed from.
/// </summary>
public sealed record KeyFactorTally
{
    public required Guid SurveyId { get; init; }
    public required string KeyFactorCode { get; init; }
    /// <summary>The group; null when both groups are pooled.</summary>
    public RespondentGroup? Group { get; init; }
    /// <summary>The breakdown's value (a service, a sex, a region); null without a breakdown, or for respondents who left it blank.</summary>
    public string? Breakdown { get; init; }
    /// <summary>Respondents of the group who answered at least one of the key factor's questions.</summary>
    public required int Respondents { get; init; }
    public required int Answers { get; init; }
    /// <summary>Answers of 4 or 5 after reversing.</summary>
    public required int Favourable { get; init; }
    /// <summary>The sum of the answers after reversing.</summary>
    public required int AnswerTotal { get; init; }

    /// <summary>Favourable answers ÷ answers × 100, to two decimals.</summary>
    public decimal FavourablePercent => Math.Round(100m * Favourable / Answers, 2, MidpointRounding.AwayFromZero);

    /// <summary>The mean answer after reversing, to two decimals.</summary>
    public decimal Mean => Math.Round((decimal)AnswerTotal / Answers, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Reads <see cref="KeyFactorTally"/> rows from the per-respondent sums the import keeps (survey_key_factor_answers).</summary>
public static class KeyFactorTallies
{
    // The breakdown is chosen by a parameter rather than pasted in, so that this is one statement every database can plan.
    private const string Breakdown = "CASE @by WHEN 'service' THEN r.service WHEN 'sex' THEN r.sex WHEN 'region' THEN r.region END";

    // So is pooling the two groups (each respondent is of one group, so a pooled tally counts everyone who answered).
    private const string Group = "CASE WHEN @pooled = 1 THEN NULL ELSE r.respondent_group END";

    private static readonly string Tally = $$"""
        SELECT kfa.survey_id, kfa.key_factor_code, {{DbEnum.Column(Group, "\"group\"")}}, {{Breakdown}} AS breakdown,
               count(*) AS respondents, sum(kfa.answers) AS answers, sum(kfa.favourable) AS favourable, sum(kfa.answer_total) AS answer_total
        FROM survey_key_factor_answers kfa
        JOIN survey_respondents r ON r.survey_id = kfa.survey_id AND r.number = kfa.respondent_number
        WHERE {0}
        GROUP BY kfa.survey_id, kfa.key_factor_code, {{Group}}, {{Breakdown}}
        ORDER BY kfa.survey_id, kfa.key_factor_code, {{Group}}, {{Breakdown}}
        """;

    /// <summary>
    /// The tallies a score withholds: those of fewer respondents than the minimum cell size; and, as donors' reports do
    /// (<see cref="SmallCounts.WithholdBesideLoneCells"/>), where exactly one value of a breakdown is withheld among others
    /// of its round, key factor and group, the next smallest too (fewest respondents, then by name), so that the withheld
    /// one cannot be worked out by subtracting the others from the score without the breakdown, which another answer holds.
    /// </summary>
    public static IReadOnlySet<KeyFactorTally> Withheld(IEnumerable<KeyFactorTally> tallies, int minimumCellSize)
    {
        var cells = tallies.OrderBy(tally => tally.Breakdown, StringComparer.Ordinal).ToList();
        var hidden = cells.Select(tally => tally.Respondents < minimumCellSize).ToArray();
        var families = Enumerable.Range(0, cells.Count).GroupBy(i => (cells[i].SurveyId, cells[i].KeyFactorCode, cells[i].Group))
            .Select(family => ((int?)null, family.ToList())).ToList();
        SmallCounts.WithholdBesideLoneCells(families, hidden, i => cells[i].Respondents);
        return cells.Where((_, i) => hidden[i]).ToHashSet();
    }

    /// <summary>The tallies of the given rounds by key factor and group, and by <paramref name="by"/> when given.</summary>
    public static Task<IReadOnlyList<KeyFactorTally>> OfAsync(DbSession db, IReadOnlyList<Guid> surveyIds, ScoreBreakdown? by,
        CancellationToken cancellationToken) =>
        OfAsync(db, surveyIds, by, false, cancellationToken);

    /// <summary>The tallies of the given rounds by key factor, by group unless <paramref name="poolGroups"/>, and by <paramref name="by"/> when given.</summary>
    public static async Task<IReadOnlyList<KeyFactorTally>> OfAsync(DbSession db, IReadOnlyList<Guid> surveyIds, ScoreBreakdown? by,
        bool poolGroups, CancellationToken cancellationToken)
    {
        if (surveyIds.Count == 0) return [];
        return await db.QueryAsync<KeyFactorTally>(string.Format(Tally, db.Dialect.InIds("kfa.survey_id", "ids")),
            new { ids = db.Dialect.Ids(surveyIds), by = by is { } breakdown ? DbEnum.Name(breakdown) : null, pooled = poolGroups ? 1 : 0 }, cancellationToken);
    }
}
