using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.ActionPlans;

/// <summary>A plan's actions by due day, filtered by objective and current status.</summary>
public sealed record ListActions(Guid ActionPlanId, Guid? ObjectiveId, string? Status, int? Limit, string? Cursor)
    : IQuery<Page<ActionDetails>>, IListQuery;

public sealed class ListActionsValidator : ListQueryValidator<ListActions>
{
    public ListActionsValidator()
    {
        RuleFor(x => x.Status).Must(status => DbEnum.TryParse<ActionStatus>(status, out _)).When(x => x.Status is not null)
            .WithMessage(_ => Choices.OneOf<ActionStatus>());
        RuleFor(x => x.Cursor).Must(DateKeys.IsCursor).WithMessage(_ => Messages.CursorNotOurs);
    }
}

public sealed class ListActionsHandler(DbSession db, Caller caller) : IQueryHandler<ListActions, Page<ActionDetails>>
{
    public async ValueTask<Page<ActionDetails>> Handle(ListActions query, CancellationToken cancellationToken)
    {
        if (!await ActionPlanScope.CoversPlanAsync(db, caller, query.ActionPlanId, cancellationToken))
            throw new NotFoundException(Messages.RecordActionPlan, query.ActionPlanId);
        var filters = new List<string?> { "a.action_plan_id = @actionPlanId" };
        if (query.ObjectiveId is not null) filters.Add("a.objective_id = @objectiveId");
        if (query.Status is not null) filters.Add("a.status = @status");

        var sql = ListSql.Build(ActionDetails.Select, filters, query, "a.due_on", db.Dialect, "a.id");
        var parameters = ListSql.Parameters(query, new { actionPlanId = query.ActionPlanId, objectiveId = query.ObjectiveId, status = query.Status },
            DateKeys.Parse);
        var rows = await db.QueryAsync<ActionDetails>(sql, parameters, cancellationToken);
        return Keyset.ToPage(rows, query.PageSize(), action => DateKeys.Of(action.DueOn, action.Id));
    }
}
