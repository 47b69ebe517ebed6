using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Workshops;

/// <summary>Workshops, most recent first, filtered by programme, administration, dates, status, kind, key factor and text.</summary>
public sealed record ListWorkshops(
    Guid? ProgrammeId, Guid? AdministrationId, DateOnly? From, DateOnly? To, string? Status, string? Kind,
    string? KeyFactor, string? Q, int? Limit, string? Cursor) : IQuery<Page<WorkshopSummary>>, IListQuery;

public sealed class ListWorkshopsValidator : ListQueryValidator<ListWorkshops>
{
    public ListWorkshopsValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Messages.ToBeforeFrom);
        RuleFor(x => x.Status).Must(status => DbEnum.TryParse<WorkshopStatus>(status, out _)).When(x => x.Status is not null)
            .WithMessage(_ => Choices.OneOf<WorkshopStatus>());
        RuleFor(x => x.Kind).Must(kind => DbEnum.TryParse<WorkshopKind>(kind, out _)).When(x => x.Kind is not null)
            .WithMessage(_ => Choices.OneOf<WorkshopKind>());
        RuleFor(x => x.Cursor).Must(DateKeys.IsCursor).WithMessage(_ => Messages.CursorNotOurs);
    }
}

public sealed class ListWorkshopsHandler(DbSession db, Caller caller) : IQueryHandler<ListWorkshops, Page<WorkshopSummary>>
{
    public async ValueTask<Page<WorkshopSummary>> Handle(ListWorkshops query, CancellationToken cancellationToken)
    {
        var sql = Sql(query, caller, db.Dialect);
        var parameters = Scope.Parameters(caller, ListSql.Parameters(query, new
        {
            programmeId = query.ProgrammeId,
            administrationId = query.AdministrationId,
            from = query.From,
            to = query.To,
            status = query.Status,
            kind = query.Kind,
            keyFactor = query.KeyFactor,
            q = query.Q,
        }, DateKeys.Parse));
        var rows = await db.QueryAsync<WorkshopSummary>(sql, parameters, cancellationToken);
        return Keyset.ToPage(rows, query.PageSize(), workshop => DateKeys.Of(workshop.StartsOn, workshop.Id));
    }

    /// <summary>The page's SQL; public so that the benchmarks' baseline runs exactly this.</summary>
    public static string Sql(ListWorkshops query, Caller caller, SqlDialect dialect)
    {
        var filters = new List<string?> { Scope.Workshops(caller, "w") };
        if (query.ProgrammeId is not null) filters.Add("w.programme_id = @programmeId");
        if (query.AdministrationId is not null)
            filters.Add("(w.host_administration_id = @administrationId OR w.id IN (SELECT workshop_id FROM workshop_administrations WHERE administration_id = @administrationId))");
        if (query.From is not null) filters.Add("w.ends_on >= @from");
        if (query.To is not null) filters.Add("w.starts_on <= @to");
        if (query.Status is not null) filters.Add("w.status = @status");
        if (query.Kind is not null) filters.Add("w.kind = @kind");
        if (!string.IsNullOrWhiteSpace(query.KeyFactor)) filters.Add("w.id IN (SELECT workshop_id FROM workshop_key_factors WHERE key_factor_code = @keyFactor)");
        if (!string.IsNullOrWhiteSpace(query.Q)) filters.Add($"({dialect.ContainsText("w.title", "q")} OR {dialect.ContainsText("w.city", "q")})");
        return ListSql.Build(WorkshopSummary.Select, filters, query, "w.starts_on", dialect, "w.id", descending: true);
    }
}
