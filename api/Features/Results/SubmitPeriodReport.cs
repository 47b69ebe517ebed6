using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>Submits an administration's report for a reporting period, from in_progress or returned; the period locks for it.</summary>
public sealed record SubmitPeriodReport : PeriodReportChange, ICommand<ReportMoved>;

/// <summary>Administrators, and coordinators whose scope covers both the programme and the administration.</summary>
public sealed class SubmitPeriodReportAccess(DbSession db) : IAccessRule<SubmitPeriodReport>
{
    public ValueTask<Access> CheckAsync(SubmitPeriodReport command, Caller caller, CancellationToken cancellationToken) =>
        ScopedAccess.CheckAsync(caller, [Role.Coordinator], async () =>
            await Scope.CoversAdministrationAsync(db, caller, command.AdministrationId, cancellationToken)
            && await Scope.CoversProgrammeAsync(db, caller, command.ProgrammeId, cancellationToken));
}

public sealed class SubmitPeriodReportHandler(DbSession db, Caller caller, TimeProvider clock) : ICommandHandler<SubmitPeriodReport, ReportMoved>
{
    private static readonly string[] Columns = ["id", "period_id", "administration_id", "state", "submitted_at", "submitted_by", "version"];
    private static readonly string[] Key = ["period_id", "administration_id"];
    private const string Submit = """
        UPDATE period_reports SET state = 'submitted', submitted_at = @at, submitted_by = @by, version = version + 1
        WHERE id = @id AND version = @version
        """;

    public async ValueTask<ReportMoved> Handle(SubmitPeriodReport command, CancellationToken cancellationToken)
    {
        var current = await PeriodReports.CurrentAsync(db, command, cancellationToken);
        if (current.State is not (ReportState.InProgress or ReportState.Returned)) throw PeriodReports.Refuse(current, Messages.ReportToSubmit);
        var at = AuditTrail.Stored(clock.GetUtcNow());
        if (current.ReportId is not null)
            return await PeriodReports.MoveAsync(db, current, ReportState.Submitted, Submit, new { at, by = caller.UserId }, cancellationToken);

        var id = Guid.CreateVersion7();
        var first = new DynamicParameters(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["period_id"] = command.PeriodId,
            ["administration_id"] = command.AdministrationId,
            ["state"] = DbEnum.Name(ReportState.Submitted),
            ["submitted_at"] = at,
            ["submitted_by"] = caller.UserId,
            ["version"] = 1,
        });
        if (await db.ExecuteAsync(db.Dialect.InsertIfAbsent("period_reports", Columns, Key), first, cancellationToken) == 0)
            throw PeriodReports.Meanwhile();
        return new ReportMoved(id, ReportState.Submitted, 1);
    }
}
