using Integrity.Api.Data;
using Integrity.Api.Features.Reports;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>
/// What donors learn of perceptions: per key factor, in how many of the programme's administrations surveyed twice
/// perceptions improved, never which administration nor its scores; only from rounds an approved report covers.
/// </summary>
public sealed record GetPerceptionSummary(Guid ProgrammeId) : IQuery<PerceptionSummary>;

/// <param name="MinimumAdministrations">A key factor is told only when at least this many administrations contribute (<c>Reporting:MinimumAdministrations</c>).</param>
/// <param name="MinimumCellSize">A round's key factor counts only when at least this many respondents answered it (<c>Reporting:MinimumCellSize</c>).</param>
/// <param name="AdministrationsSurveyedTwice">Administrations with at least two rounds with responses under the programme that an approved report of theirs covers.</param>
/// <param name="Items">Every key factor, by code.</param>
public sealed record PerceptionSummary(Guid ProgrammeId, int MinimumAdministrations, int MinimumCellSize, int AdministrationsSurveyedTwice,
    IReadOnlyList<PerceptionSummaryItem> Items);

/// <summary>
/// One key factor. Suppressed, with the reason in the reader's language and the figures null, when fewer administrations
/// than the minimum contribute.
/// </summary>
/// <param name="Administrations">Administrations whose two latest rounds both score the key factor.</param>
/// <param name="Improved">Those whose later round's favourable percent (both groups together) is higher than the earlier one's.</param>
/// <param name="ImprovedPercent">improved ÷ administrations × 100, to two decimals.</param>
public sealed record PerceptionSummaryItem(string KeyFactorCode, string KeyFactorNameEn, string KeyFactorNameFr, bool Suppressed, string? Reason,
    int? Administrations, int? Improved, decimal? ImprovedPercent);

/// <summary>
/// Donors (token or account) for the programmes they fund, administrators, and coordinators whose scope covers the
/// programme; trainers 403; out of scope 404 (<see cref="ReportReaders"/>). Reads the rounds, one tally of the latest
/// two per administration, and the key factors' names.
/// </summary>
public sealed class GetPerceptionSummaryHandler(DbSession db, Caller caller, IConfiguration configuration) : IQueryHandler<GetPerceptionSummary, PerceptionSummary>
{
    /// <summary>
    /// Rounds with responses that an approved report of their administration covers (a period of the programme ending on
    /// or after their fieldwork), in fieldwork order within each administration (as trends order them). Such a round's
    /// answers are locked while the report stays approved (<see cref="ImportSurveyResponsesPlace"/>), so what donors read
    /// is what was approved.
    /// </summary>
    private const string Rounds = """
        SELECT ps.id, ps.administration_id
        FROM perception_surveys ps
        WHERE ps.programme_id = @programmeId AND ps.respondent_count > 0
          AND EXISTS (SELECT 1 FROM reporting_periods rp JOIN period_reports r ON r.period_id = rp.id
                      WHERE rp.programme_id = ps.programme_id AND r.administration_id = ps.administration_id
                        AND r.state = 'approved' AND rp.ends_on >= ps.fieldwork_ends_on)
        ORDER BY ps.administration_id, ps.fieldwork_ends_on, ps.fieldwork_starts_on, ps.id
        """;

    private sealed record Round(Guid Id, Guid AdministrationId);

    public async ValueTask<PerceptionSummary> Handle(GetPerceptionSummary query, CancellationToken cancellationToken)
    {
        ReportReaders.Check(caller, includeUnapproved: false, nameof(GetPerceptionSummary));
        await ReportReaders.ProgrammeAsync<ReportedProgramme>(db, caller, GetProgressReportHandler.ProgrammeOf, query.ProgrammeId, cancellationToken);
        var smallCounts = SmallCounts.From(configuration);
        var (minimumAdministrations, minimumCellSize) = (smallCounts.MinimumAdministrations, smallCounts.MinimumCellSize);

        var rounds = await db.QueryAsync<Round>(Rounds, new { programmeId = query.ProgrammeId }, cancellationToken);
        var compared = rounds.GroupBy(round => round.AdministrationId)
            .Where(administration => administration.Count() >= 2)
            .Select(administration => administration.TakeLast(2).Select(round => round.Id).ToList())
            .ToList();
        var pooled = (await KeyFactorTallies.OfAsync(db, compared.SelectMany(pair => pair).ToList(), null, poolGroups: true, cancellationToken))
            .ToDictionary(tally => (tally.SurveyId, tally.KeyFactorCode));
        var names = await KeyFactorNames.ReadAsync(db, cancellationToken);

        var items = names.Values.OrderBy(keyFactor => keyFactor.Code, StringComparer.Ordinal).Select(keyFactor =>
        {
            // A round whose cell is below the minimum tells nothing a staff member may see, so it tells donors nothing either.
            KeyFactorTally? Scored(Guid round) =>
                pooled.GetValueOrDefault((round, keyFactor.Code)) is { } figures && figures.Respondents >= minimumCellSize ? figures : null;
            var contributing = compared
                .Select(pair => (Earlier: Scored(pair[0]), Later: Scored(pair[1])))
                .Where(pair => pair is { Earlier: not null, Later: not null })
                .ToList();
            if (contributing.Count < minimumAdministrations)
                return new PerceptionSummaryItem(keyFactor.Code, keyFactor.NameEn, keyFactor.NameFr, true,
                    Messages.TooFewAdministrationsSurveyed.With(minimumAdministrations), null, null, null);
            var improved = contributing.Count(pair => pair.Later!.FavourablePercent > pair.Earlier!.FavourablePercent);
            return new PerceptionSummaryItem(keyFactor.Code, keyFactor.NameEn, keyFactor.NameFr, false, null, contributing.Count, improved,
                Math.Round(100m * improved / contributing.Count, 2, MidpointRounding.AwayFromZero));
        }).ToList();
        return new PerceptionSummary(query.ProgrammeId, minimumAdministrations, minimumCellSize, compared.Count, items);
    }
}
