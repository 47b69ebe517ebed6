using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>Approves a submitted report: final, and the period stays locked for its administration.</summary>
public sealed record ApprovePeriodReport : PeriodReportChange, ICommand<ReportMoved>;

public sealed class ApprovePeriodReportAccess : AdministratorsOnly<ApprovePeriodReport>;

public sealed class ApprovePeriodReportHandler(DbSession db, Caller caller, TimeProvider clock) : ICommandHandler<ApprovePeriodReport, ReportMoved>
{
    private const string Approve = """
        UPDATE period_reports SET state = 'approved', approved_at = @at, approved_by = @by, version = version + 1
        WHERE id = @id AND version = @version
        """;

    public async ValueTask<ReportMoved> Handle(ApprovePeriodReport command, CancellationToken cancellationToken)
    {
        var current = await PeriodReports.CurrentAsync(db, command, cancellationToken);
        if (current.State != ReportState.Submitted) throw PeriodReports.Refuse(current, "approved");
        return await PeriodReports.MoveAsync(db, current, ReportState.Approved, Approve,
            new { at = AuditTrail.Stored(clock.GetUtcNow()), by = caller.UserId }, cancellationToken);
    }
}
