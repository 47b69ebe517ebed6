using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>Questionnaires by code, filtered by text.</summary>
public sealed record ListQuestionnaires(string? Q, int? Limit, string? Cursor) : IQuery<Page<QuestionnaireDetails>>, IListQuery;

public sealed class ListQuestionnairesValidator : ListQueryValidator<ListQuestionnaires>;

public sealed class ListQuestionnairesHandler(DbSession db) : IQueryHandler<ListQuestionnaires, Page<QuestionnaireDetails>>
{
    public async ValueTask<Page<QuestionnaireDetails>> Handle(ListQuestionnaires query, CancellationToken cancellationToken)
    {
        var filters = new List<string?>();
        if (!string.IsNullOrWhiteSpace(query.Q))
            filters.Add($"({db.Dialect.ContainsText("code", "q")} OR {db.Dialect.ContainsText("title_en", "q")} OR {db.Dialect.ContainsText("title_fr", "q")})");
        var sql = ListSql.Build(QuestionnaireDetails.Select, filters, query, "code", db.Dialect);
        var rows = await db.QueryAsync<QuestionnaireDetails>(sql, ListSql.Parameters(query, new { q = query.Q }), cancellationToken);
        var page = Keyset.ToPage(rows, query.PageSize(), questionnaire => new Keyset(questionnaire.Code, questionnaire.Id));
        return page with { Items = await QuestionnaireDetails.WithQuestionsAsync(db, page.Items, cancellationToken) };
    }
}
