using Integrity.Api.Data;
using Integrity.Api.Features.Reports;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>
/// Approves a submitted report: the period stays locked for its administration, and the figures it covers are frozen as
/// the approval's snapshot (<see cref="ApprovedFigures"/>), which donors read; its hash goes in the audit entry.
/// </summary>
public sealed record ApprovePeriodReport : PeriodReportChange, ICommand<ReportMoved>;

public sealed class ApprovePeriodReportAccess : AdministratorsOnly<ApprovePeriodReport>;

public sealed class ApprovePeriodReportHandler(DbSession db, Caller caller, TimeProvider clock, IConfiguration configuration) : ICommandHandler<ApprovePeriodReport, ReportMoved>
{
    private const string Approve = """
        UPDATE period_reports SET state = 'approved', approved_at = @at, approved_by = @by, version = version + 1
        WHERE id = @id AND version = @version
        """;

    public async ValueTask<ReportMoved> Handle(ApprovePeriodReport command, CancellationToken cancellationToken)
    {
        var current = await PeriodReports.CurrentAsync(db, command, cancellationToken);
        if (current.State != ReportState.Submitted) throw PeriodReports.Refuse(current, Messages.ReportToApprove);
        var at = AuditTrail.Stored(clock.GetUtcNow());
        var moved = await PeriodReports.MoveAsync(db, current, ReportState.Approved, Approve, new { at, by = caller.UserId }, cancellationToken);
        var hash = await ApprovedFigures.TakeAsync(db, command.ProgrammeId, command.PeriodId, command.AdministrationId, moved.Id, at,
            SmallCounts.From(configuration).MinimumCellSize, cancellationToken);
        return moved with { SnapshotHash = hash };
    }
}
