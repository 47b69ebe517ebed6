using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Features.Reports;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>A round's scores by key factor and group, and by <paramref name="By"/> (service, sex or region) when given.</summary>
public sealed record GetPerceptionScores(Guid SurveyId, string? By) : IQuery<PerceptionScores>
{
    public ScoreBreakdown? Breakdown => DbEnum.TryParse<ScoreBreakdown>(By, out var by) ? by : null;
}

public sealed class GetPerceptionScoresValidator : AbstractValidator<GetPerceptionScores>
{
    public GetPerceptionScoresValidator() =>
        RuleFor(x => x.By).Must(by => DbEnum.TryParse<ScoreBreakdown>(by, out _)).When(x => x.By is not null)
            .WithMessage(_ => Messages.ChooseOneOf.With(DbEnum.Names<ScoreBreakdown>()));
}

/// <param name="By">The breakdown asked for; null: by key factor and group only.</param>
/// <param name="MinimumCellSize">Cells of fewer respondents are suppressed (<c>Reporting:MinimumCellSize</c>).</param>
/// <param name="Items">Ordered by key factor code, group, then breakdown (respondents who left it blank first).</param>
public sealed record PerceptionScores(Guid SurveyId, ScoreBreakdown? By, int MinimumCellSize, IReadOnlyList<PerceptionScore> Items);

/// <summary>
/// One key factor's score from one group (and one value of the breakdown). Suppressed when fewer respondents than the
/// minimum cell size answered, or when it is the next smallest beside the one value of its breakdown suppressed for that
/// (<see cref="KeyFactorTallies.Withheld"/>): then respondents, answers, favourablePercent and mean are null.
/// </summary>
/// <param name="Breakdown">The service, sex or region; null without a breakdown, or for respondents who left it blank.</param>
/// <param name="Respondents">Respondents of the group who answered at least one of the key factor's questions.</param>
/// <param name="Answers">Their answers to the key factor's questions (a blank is no answer).</param>
/// <param name="FavourablePercent">Answers of 4 or 5 (after reversing) ÷ answers × 100, to two decimals.</param>
/// <param name="Mean">The mean answer after reversing (1 to 5), to two decimals.</param>
public sealed record PerceptionScore(
    string KeyFactorCode, string KeyFactorNameEn, string KeyFactorNameFr, RespondentGroup Group, string? Breakdown, bool Suppressed,
    int? Respondents, int? Answers, decimal? FavourablePercent, decimal? Mean);

/// <summary>Administrators, and coordinators whose scope covers the round's administration; 404 out of scope.</summary>
public sealed class GetPerceptionScoresHandler(DbSession db, Caller caller, IConfiguration configuration) : IQueryHandler<GetPerceptionScores, PerceptionScores>
{
    public async ValueTask<PerceptionScores> Handle(GetPerceptionScores query, CancellationToken cancellationToken)
    {
        await PerceptionSurveyScope.RequireAsync(db, caller, query.SurveyId, nameof(GetPerceptionScores), cancellationToken);
        var minimum = SmallCounts.From(configuration).MinimumCellSize;
        var names = await KeyFactorNames.ReadAsync(db, cancellationToken);
        var tallies = await KeyFactorTallies.OfAsync(db, [query.SurveyId], query.Breakdown, cancellationToken);
        var withheld = KeyFactorTallies.Withheld(tallies, minimum);
        var items = tallies
            .Select(tally => Score(tally, names[tally.KeyFactorCode], suppressed: withheld.Contains(tally)))
            .OrderBy(score => score.KeyFactorCode, StringComparer.Ordinal).ThenBy(score => score.Group)
            .ThenBy(score => score.Breakdown, StringComparer.Ordinal)
            .ToList();
        return new PerceptionScores(query.SurveyId, query.Breakdown, minimum, items);
    }

    private static PerceptionScore Score(KeyFactorTally tally, ReportedKeyFactor name, bool suppressed) => suppressed
        ? new(tally.KeyFactorCode, name.NameEn, name.NameFr, tally.Group!.Value, tally.Breakdown, true, null, null, null, null)
        : new(tally.KeyFactorCode, name.NameEn, name.NameFr, tally.Group!.Value, tally.Breakdown, false,
            tally.Respondents, tally.Answers, tally.FavourablePercent, tally.Mean);
}
