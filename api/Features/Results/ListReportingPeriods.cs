using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>A programme's reporting periods in date order, each with the report of each administration.</summary>
public sealed record ListReportingPeriods(Guid ProgrammeId, int? Limit, string? Cursor) : IQuery<Page<ReportingPeriodDetails>>, IListQuery;

public sealed class ListReportingPeriodsValidator : ListQueryValidator<ListReportingPeriods>
{
    public ListReportingPeriodsValidator() => RuleFor(x => x.Cursor).Must(DateKeys.IsCursor).WithMessage(_ => Messages.CursorNotOurs);
}

public sealed class ListReportingPeriodsHandler(DbSession db, Caller caller) : IQueryHandler<ListReportingPeriods, Page<ReportingPeriodDetails>>
{
    public async ValueTask<Page<ReportingPeriodDetails>> Handle(ListReportingPeriods query, CancellationToken cancellationToken)
    {
        await ProgrammeScope.RequireAsync(db, caller, query.ProgrammeId, cancellationToken);
        var sql = ListSql.Build(ReportingPeriodDetails.Select, ["rp.programme_id = @programmeId"], query, "rp.starts_on", db.Dialect, "rp.id");
        var parameters = ListSql.Parameters(query, new { programmeId = query.ProgrammeId }, DateKeys.Parse);
        var rows = await db.QueryAsync<ReportingPeriodDetails>(sql, parameters, cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), period => DateKeys.Of(period.StartsOn, period.Id));
        return page with { Items = await ReportingPeriodDetails.WithReportsAsync(db, caller, page.Items, cancellationToken) };
    }
}
