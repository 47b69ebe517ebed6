using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

public sealed record GetQuestionnaire(Guid Id) : IQuery<QuestionnaireDetails>;

/// <summary>A questionnaire holds no personal data: the same for every reader, no scope.</summary>
public sealed class GetQuestionnaireHandler(DbSession db) : IQueryHandler<GetQuestionnaire, QuestionnaireDetails>
{
    public async ValueTask<QuestionnaireDetails> Handle(GetQuestionnaire query, CancellationToken cancellationToken)
    {
        var questionnaire = await db.QuerySingleOrDefaultAsync<QuestionnaireDetails>($"{QuestionnaireDetails.Select} WHERE id = @id", new { id = query.Id }, cancellationToken)
            ?? throw new NotFoundException(Messages.RecordQuestionnaire, query.Id);
        return (await QuestionnaireDetails.WithQuestionsAsync(db, [questionnaire], cancellationToken))[0];
    }
}
