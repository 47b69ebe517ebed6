using Integrity.Api.Data;
using Integrity.Api.Features.Reports;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>
/// How far the live figures of an approved report have drifted from the figures its approval froze, so that a
/// coordinator knows when a period should be reopened (returned, then approved again).
/// </summary>
public sealed record GetReportDrift(Guid ProgrammeId, Guid PeriodId, Guid AdministrationId) : IQuery<ReportDrift>, IHeavyRead;

/// <summary>
/// Administrators, and coordinators whose scope covers the programme and the administration (404 otherwise, as if the
/// report did not exist). Compares the stored snapshot with the same figures read from the records now.
/// </summary>
public sealed class GetReportDriftHandler(DbSession db, Caller caller, IConfiguration configuration) : IQueryHandler<GetReportDrift, ReportDrift>
{
    public async ValueTask<ReportDrift> Handle(GetReportDrift query, CancellationToken cancellationToken)
    {
        if (!await Scope.CoversProgrammeAsync(db, caller, query.ProgrammeId, cancellationToken)
            || !await Scope.CoversAdministrationAsync(db, caller, query.AdministrationId, cancellationToken))
            throw new NotFoundException(Messages.RecordProgramme, query.ProgrammeId);
        var snapshot = await ApprovedFigures.OfApprovedReportAsync(db, query.ProgrammeId, query.PeriodId, query.AdministrationId, cancellationToken)
                       ?? throw new NotFoundException(Messages.RecordApprovedReport, query.AdministrationId);
        var indicators = await IndicatorDetails.AllOfProgrammeAsync(db, query.ProgrammeId, cancellationToken);
        var live = await ApprovedFigures.LiveAsync(db, query.ProgrammeId, query.PeriodId, query.AdministrationId, indicators,
            SmallCounts.From(configuration).MinimumCellSize, cancellationToken);
        var changes = Compare(snapshot.Figures, live, indicators.ToDictionary(indicator => indicator.Id, indicator => indicator.Code)).ToList();
        return new ReportDrift
        {
            ApprovedAt = snapshot.TakenAt,
            SnapshotHash = snapshot.Hash,
            LiveHash = ApprovedFigures.Hash(live),
            Drifted = changes.Count > 0,
            Changes = changes,
        };
    }

    /// <summary>Each figure whose approved and live values differ, or that one side has and the other not.</summary>
    private static IEnumerable<DriftedFigure> Compare(IEnumerable<ApprovedFigure> approved, IEnumerable<ApprovedFigure> live, IReadOnlyDictionary<Guid, string> codes)
    {
        static (string, Guid?, string?, Guid?, string?) Key(ApprovedFigure figure) =>
            (figure.Source, figure.IndicatorId, figure.Sex, figure.AdministrationId, figure.KeyFactorCode);
        var before = approved.ToDictionary(Key);
        var now = live.ToDictionary(Key);
        foreach (var key in before.Keys.Union(now.Keys))
        {
            var then = before.GetValueOrDefault(key);
            var current = now.GetValueOrDefault(key);
            if (then?.Amount == current?.Amount && then?.Base == current?.Base && then?.Target == current?.Target) continue;
            var figure = then ?? current!;
            yield return new DriftedFigure
            {
                Figure = figure.Source == ApprovedFigures.IndicatorValue ? "indicator" : figure.Source,
                Indicator = figure.IndicatorId is { } id ? codes.GetValueOrDefault(id) : null,
                Sex = figure.SexOf,
                AdministrationId = figure.AdministrationId,
                KeyFactor = figure.KeyFactorCode,
                Approved = then?.Amount,
                Live = current?.Amount,
                ApprovedTarget = then?.Target,
                LiveTarget = current?.Target,
            };
        }
    }
}

/// <summary>An approved report's drift: when it was approved, the hashes of what was approved and of the live figures, and each figure that changed.</summary>
public sealed record ReportDrift
{
    public required DateTimeOffset ApprovedAt { get; init; }
    /// <summary>The SHA-256 of the approved figures (as in the approval's audit entry).</summary>
    public required string SnapshotHash { get; init; }
    /// <summary>The same hash of the live figures: equal to <see cref="SnapshotHash"/> when nothing drifted.</summary>
    public required string LiveHash { get; init; }
    public required bool Drifted { get; init; }
    public required IReadOnlyList<DriftedFigure> Changes { get; init; }
}

/// <summary>
/// A figure whose live value differs from the approved one: a rule's cell (officials_trained …, modules_delivered) or an
/// indicator's value (<c>indicator</c> with its code), in a bucket (sex, administration, key factor; none is the total).
/// </summary>
public sealed record DriftedFigure
{
    public required string Figure { get; init; }
    public string? Indicator { get; init; }
    public Participants.Sex? Sex { get; init; }
    public Guid? AdministrationId { get; init; }
    public string? KeyFactor { get; init; }
    /// <summary>The approved value (an indicator's actual), null when the figure was not there.</summary>
    public decimal? Approved { get; init; }
    /// <summary>The live value, null when the figure is no longer there.</summary>
    public decimal? Live { get; init; }
    public decimal? ApprovedTarget { get; init; }
    public decimal? LiveTarget { get; init; }
}
