using System.Globalization;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>A programme's reporting periods in date order, each with the report of each administration.</summary>
public sealed record ListReportingPeriods(Guid ProgrammeId, int? Limit, string? Cursor) : IQuery<Page<ReportingPeriodDetails>>, IListQuery;

public sealed class ListReportingPeriodsValidator : ListQueryValidator<ListReportingPeriods>
{
    public ListReportingPeriodsValidator() =>
        RuleFor(x => x.Cursor).Must(cursor => Keyset.TryDecode(cursor, out var after) && (after is null || Day(after.Key) is not null))
            .WithMessage("This cursor was not issued by this list. Pass the nextCursor of the previous page unchanged.");

    /// <summary>The day a cursor's key spells, if it spells one.</summary>
    internal static DateOnly? Day(string key) =>
        DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}

public sealed class ListReportingPeriodsHandler(DbSession db, Caller caller) : IQueryHandler<ListReportingPeriods, Page<ReportingPeriodDetails>>
{
    public async ValueTask<Page<ReportingPeriodDetails>> Handle(ListReportingPeriods query, CancellationToken cancellationToken)
    {
        await ProgrammeScope.RequireAsync(db, caller, query.ProgrammeId, cancellationToken);
        var sql = ListSql.Build(ReportingPeriodDetails.Select, ["rp.programme_id = @programmeId"], query, "rp.starts_on", db.Dialect, "rp.id");
        var parameters = ListSql.Parameters(query, new { programmeId = query.ProgrammeId }, key => ListReportingPeriodsValidator.Day(key)!.Value);
        var rows = await db.QueryAsync<ReportingPeriodDetails>(sql, parameters, cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), period => new Keyset(period.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), period.Id));
        return page with { Items = await ReportingPeriodDetails.WithReportsAsync(db, caller, page.Items, cancellationToken) };
    }
}
