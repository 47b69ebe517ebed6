using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>Action plans, most recent period first, filtered by programme, administration, status and title.</summary>
public sealed record ListActionPlans(Guid? ProgrammeId, Guid? AdministrationId, string? Status, string? Q, int? Limit, string? Cursor)
    : IQuery<Page<ActionPlanSummary>>, IListQuery;

public sealed class ListActionPlansValidator : ListQueryValidator<ListActionPlans>
{
    public ListActionPlansValidator()
    {
        RuleFor(x => x.Status).Must(status => DbEnum.TryParse<ActionPlanStatus>(status, out _)).When(x => x.Status is not null)
            .WithMessage(_ => Choices.OneOf<ActionPlanStatus>());
        RuleFor(x => x.Q).MaximumLength(200);
        RuleFor(x => x.Cursor).Must(DateKeys.IsCursor).WithMessage(_ => Messages.CursorNotOurs);
    }
}

public sealed class ListActionPlansHandler(DbSession db, Caller caller) : IQueryHandler<ListActionPlans, Page<ActionPlanSummary>>
{
    public async ValueTask<Page<ActionPlanSummary>> Handle(ListActionPlans query, CancellationToken cancellationToken)
    {
        var filters = new List<string?> { ActionPlanScope.Of(caller, "ap") };
        if (query.ProgrammeId is not null) filters.Add("ap.programme_id = @programmeId");
        if (query.AdministrationId is not null) filters.Add("ap.administration_id = @administrationId");
        if (query.Status is not null) filters.Add("ap.status = @status");
        if (!string.IsNullOrWhiteSpace(query.Q)) filters.Add(db.Dialect.ContainsText("ap.title", "q"));

        var sql = ListSql.Build(ActionPlanSummary.Select, filters, query, "ap.starts_on", db.Dialect, "ap.id", descending: true);
        var parameters = Scope.Parameters(caller, ListSql.Parameters(query, new
        {
            programmeId = query.ProgrammeId,
            administrationId = query.AdministrationId,
            status = query.Status,
            q = query.Q,
        }, DateKeys.Parse));
        var rows = await db.QueryAsync<ActionPlanSummary>(sql, parameters, cancellationToken);
        return Keyset.ToPage(rows, query.PageSize(), plan => DateKeys.Of(plan.StartsOn, plan.Id));
    }
}
