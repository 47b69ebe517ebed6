using Integrity.Api.Data;
using Integrity.Api.Features.Reports;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>An administration's rounds compared: each key factor and group across the rounds in fieldwork order.</summary>
/// <param name="QuestionnaireId">Only the rounds answering this questionnaire; null: every round of the administration.</param>
public sealed record GetPerceptionTrend(Guid AdministrationId, Guid? QuestionnaireId) : IQuery<PerceptionTrend>;

/// <param name="Rounds">The rounds compared, in fieldwork order (last day, then first day).</param>
/// <param name="Items">Ordered by key factor code, then group.</param>
public sealed record PerceptionTrend(Guid AdministrationId, int MinimumCellSize, IReadOnlyList<TrendRound> Rounds, IReadOnlyList<TrendItem> Items);

public sealed record TrendRound
{
    public required Guid SurveyId { get; init; }
    public required string Label { get; init; }
    public required DateOnly FieldworkStartsOn { get; init; }
    public required DateOnly FieldworkEndsOn { get; init; }
}

/// <summary>One key factor and group across the rounds.</summary>
/// <param name="Points">One per round, in the order of <c>rounds</c>.</param>
public sealed record TrendItem(string KeyFactorCode, string KeyFactorNameEn, string KeyFactorNameFr, RespondentGroup Group, IReadOnlyList<TrendPoint> Points);

/// <summary>
/// A key factor and group in one round. Suppressed (figures null) when fewer respondents than the minimum cell size
/// answered; a round where nobody of the group answered it has 0 respondents and no figures.
/// </summary>
/// <param name="Change">favourablePercent minus the previous round's, in points, to two decimals; null in the first round, or when either round's figure is suppressed or missing.</param>
public sealed record TrendPoint(Guid SurveyId, bool Suppressed, int? Respondents, decimal? FavourablePercent, decimal? Mean, decimal? Change);

/// <summary>Administrators, and coordinators whose scope covers the administration; 404 out of scope.</summary>
public sealed class GetPerceptionTrendHandler(DbSession db, Caller caller, IConfiguration configuration) : IQueryHandler<GetPerceptionTrend, PerceptionTrend>
{
    private const string Rounds = """
        SELECT ps.id AS survey_id, ps.label, ps.fieldwork_starts_on, ps.fieldwork_ends_on
        FROM perception_surveys ps
        WHERE ps.administration_id = @administrationId
        """;

    private const string OfQuestionnaire = " AND ps.questionnaire_id = @questionnaireId";

    /// <summary>Fieldwork order: last day, first day, then id, so that two rounds on the same days keep one order.</summary>
    private const string InFieldworkOrder = " ORDER BY ps.fieldwork_ends_on, ps.fieldwork_starts_on, ps.id";

    public async ValueTask<PerceptionTrend> Handle(GetPerceptionTrend query, CancellationToken cancellationToken)
    {
        await PerceptionSurveyScope.RequireAdministrationAsync(db, caller, query.AdministrationId, nameof(GetPerceptionTrend), cancellationToken);
        var minimum = SmallCounts.From(configuration).MinimumCellSize;
        var rounds = await db.QueryAsync<TrendRound>(
            Rounds + (query.QuestionnaireId is null ? "" : OfQuestionnaire) + InFieldworkOrder,
            new { administrationId = query.AdministrationId, questionnaireId = query.QuestionnaireId }, cancellationToken);
        var tallies = await KeyFactorTallies.OfAsync(db, rounds.Select(round => round.SurveyId).ToList(), null, cancellationToken);
        var names = await KeyFactorNames.ReadAsync(db, cancellationToken);

        var cells = tallies.ToDictionary(tally => (tally.SurveyId, tally.KeyFactorCode, tally.Group));
        var items = tallies
            .Select(tally => (tally.KeyFactorCode, Group: tally.Group!.Value)).Distinct()
            .OrderBy(line => line.KeyFactorCode, StringComparer.Ordinal).ThenBy(line => line.Group)
            .Select(line => new TrendItem(line.KeyFactorCode, names[line.KeyFactorCode].NameEn, names[line.KeyFactorCode].NameFr, line.Group,
                Points(rounds.Select(round => cells.GetValueOrDefault((round.SurveyId, line.KeyFactorCode, line.Group))), rounds, minimum)))
            .ToList();
        return new PerceptionTrend(query.AdministrationId, minimum, rounds, items);
    }

    private static List<TrendPoint> Points(IEnumerable<KeyFactorTally?> line, IReadOnlyList<TrendRound> rounds, int minimum)
    {
        var points = new List<TrendPoint>();
        decimal? previous = null;
        foreach (var (tally, round) in line.Zip(rounds))
        {
            var shown = tally is not null && tally.Respondents >= minimum;
            decimal? percent = shown ? tally!.FavourablePercent : null;
            points.Add(new TrendPoint(round.SurveyId, tally is not null && !shown, shown ? tally!.Respondents : tally is null ? 0 : null,
                percent, shown ? tally!.Mean : null, percent - previous));
            previous = percent;
        }
        return points;
    }
}
