using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>
/// Returns a submitted or approved report to its administration, saying why; the period opens again for it. An approved
/// report is reopened this way when its live figures have drifted from the approved ones: its snapshot is dropped, and
/// donors no longer receive its figures until it is approved again.
/// </summary>
/// <param name="Comment">What to correct before submitting again.</param>
public sealed record ReturnPeriodReport(string Comment) : PeriodReportChange, ICommand<ReportMoved>;

public sealed class ReturnPeriodReportValidator : AbstractValidator<ReturnPeriodReport>
{
    public ReturnPeriodReportValidator() =>
        RuleFor(x => x.Comment).NotEmpty().WithMessage(_ => Messages.SayWhatToCorrect).MaximumLength(4000);
}

public sealed class ReturnPeriodReportAccess : AdministratorsOnly<ReturnPeriodReport>;

public sealed class ReturnPeriodReportHandler(DbSession db, Caller caller, TimeProvider clock) : ICommandHandler<ReturnPeriodReport, ReportMoved>
{
    private const string Return = """
        UPDATE period_reports SET state = 'returned', returned_at = @at, returned_by = @by, return_comment = @comment, version = version + 1
        WHERE id = @id AND version = @version
        """;

    public async ValueTask<ReportMoved> Handle(ReturnPeriodReport command, CancellationToken cancellationToken)
    {
        var current = await PeriodReports.CurrentAsync(db, command, cancellationToken);
        if (current.State is not (ReportState.Submitted or ReportState.Approved)) throw PeriodReports.Refuse(current, Messages.ReportToReturn);
        var moved = await PeriodReports.MoveAsync(db, current, ReportState.Returned, Return,
            new { at = AuditTrail.Stored(clock.GetUtcNow()), by = caller.UserId, comment = command.Comment.Trim() }, cancellationToken);
        await ApprovedFigures.DropAsync(db, moved.Id, cancellationToken);
        return moved;
    }
}
