using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Results;

public sealed record GetReportingPeriod(Guid ProgrammeId, Guid Id) : IQuery<ReportingPeriodDetails>;

public sealed class GetReportingPeriodHandler(DbSession db, Caller caller) : IQueryHandler<GetReportingPeriod, ReportingPeriodDetails>
{
    public async ValueTask<ReportingPeriodDetails> Handle(GetReportingPeriod query, CancellationToken cancellationToken)
    {
        var period = await db.QuerySingleOrDefaultAsync<ReportingPeriodDetails>(
            $"{ReportingPeriodDetails.Select} WHERE rp.id = @id AND rp.programme_id = @programmeId{Scope.And(Scope.Programmes(caller, "rp.programme_id"))}",
            Scope.Parameters(caller, new { id = query.Id, programmeId = query.ProgrammeId }), cancellationToken)
            ?? throw new NotFoundException(Messages.RecordPeriodOfProgramme, query.Id);
        return (await ReportingPeriodDetails.WithReportsAsync(db, caller, [period], cancellationToken))[0];
    }
}
