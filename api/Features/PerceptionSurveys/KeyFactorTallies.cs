using Integrity.Api.Data;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>Who answered: the survey's two populations, scored apart.</summary>
public enum RespondentGroup { CustomsOfficial, PrivateSector }

/// <summary>A breakdown of scores by one of a respondent's optional columns.</summary>
public enum ScoreBreakdown { Service, Sex, Region }

/// <summary>
/// A round's answers on one key factor from one group (and one value of a breakdown), after reversing: what every
/// score, trend and indicator of perceptions is computed from.
/// </summary>
public sealed record KeyFactorTally
{
    public required Guid SurveyId { get; init; }
    public required string KeyFactorCode { get; init; }
    public required RespondentGroup Group { get; init; }
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
    private const string Tally = """
        SELECT kfa.survey_id, kfa.key_factor_code, {0}, {1} AS breakdown,
               count(*) AS respondents, sum(kfa.answers) AS answers, sum(kfa.favourable) AS favourable, sum(kfa.answer_total) AS answer_total
        FROM survey_key_factor_answers kfa
        JOIN survey_respondents r ON r.survey_id = kfa.survey_id AND r.number = kfa.respondent_number
        WHERE {2}
        GROUP BY kfa.survey_id, kfa.key_factor_code, r.respondent_group{3}
        ORDER BY kfa.survey_id, kfa.key_factor_code, r.respondent_group{3}
        """;

    /// <summary>The tallies of the given rounds by key factor and group, and by <paramref name="by"/> when given.</summary>
    public static async Task<IReadOnlyList<KeyFactorTally>> OfAsync(DbSession db, IReadOnlyList<Guid> surveyIds, ScoreBreakdown? by,
        CancellationToken cancellationToken)
    {
        if (surveyIds.Count == 0) return [];
        var breakdown = by switch
        {
            ScoreBreakdown.Service => "r.service",
            ScoreBreakdown.Sex => "r.sex",
            ScoreBreakdown.Region => "r.region",
            _ => null,
        };
        var sql = string.Format(Tally, DbEnum.Column("r.respondent_group", "\"group\""), breakdown ?? "NULL",
            db.Dialect.InIds("kfa.survey_id", "ids"), breakdown is null ? "" : $", {breakdown}");
        return await db.QueryAsync<KeyFactorTally>(sql, new { ids = db.Dialect.Ids(surveyIds) }, cancellationToken);
    }
}
