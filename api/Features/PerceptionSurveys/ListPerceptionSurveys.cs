using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>Survey rounds in the caller's scope, latest fieldwork first, filtered by administration and programme.</summary>
public sealed record ListPerceptionSurveys(Guid? AdministrationId, Guid? ProgrammeId, int? Limit, string? Cursor)
    : IQuery<Page<PerceptionSurveyDetails>>, IListQuery;

public sealed class ListPerceptionSurveysValidator : ListQueryValidator<ListPerceptionSurveys>
{
    public ListPerceptionSurveysValidator() =>
        RuleFor(x => x.Cursor).Must(DateKeys.IsCursor).WithMessage(_ => Messages.CursorNotOurs);
}

public sealed class ListPerceptionSurveysHandler(DbSession db, Caller caller) : IQueryHandler<ListPerceptionSurveys, Page<PerceptionSurveyDetails>>
{
    public async ValueTask<Page<PerceptionSurveyDetails>> Handle(ListPerceptionSurveys query, CancellationToken cancellationToken)
    {
        var filters = new List<string?> { PerceptionSurveyScope.Of(caller, "ps") };
        if (query.AdministrationId is not null) filters.Add("ps.administration_id = @administrationId");
        if (query.ProgrammeId is not null) filters.Add("ps.programme_id = @programmeId");

        var sql = ListSql.Build(PerceptionSurveyDetails.Select, filters, query, "ps.fieldwork_ends_on", db.Dialect, "ps.id", descending: true);
        var parameters = Scope.Parameters(caller, ListSql.Parameters(query,
            new { administrationId = query.AdministrationId, programmeId = query.ProgrammeId }, DateKeys.Parse));
        var rows = await db.QueryAsync<PerceptionSurveyDetails>(sql, parameters, cancellationToken);
        return Keyset.ToPage(rows, query.PageSize(), survey => DateKeys.Of(survey.FieldworkEndsOn, survey.Id));
    }
}
