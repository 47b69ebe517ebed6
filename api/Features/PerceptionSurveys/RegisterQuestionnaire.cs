using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>A Customs Integrity Perception Survey questionnaire, such as the one for customs officials, its questions grouped by key factor.</summary>
/// <param name="Code">Short unique code, e.g. <c>CIPS-OFFICIALS</c>.</param>
/// <param name="TitleEn">English title.</param>
/// <param name="TitleFr">French title.</param>
/// <param name="Questions">Its questions in the order respondents read them: at least one, at most 200, each code once.</param>
public sealed record RegisterQuestionnaire(string Code, string TitleEn, string TitleFr, IReadOnlyList<QuestionnaireQuestion> Questions)
    : ICommand<RecordCreated>, IQuestionnaireFields;

public sealed class RegisterQuestionnaireValidator : QuestionnaireFieldsValidator<RegisterQuestionnaire>;

public sealed class RegisterQuestionnaireAccess : AdministratorsOnly<RegisterQuestionnaire>;

public sealed class RegisterQuestionnaireHandler(DbSession db) : ICommandHandler<RegisterQuestionnaire, RecordCreated>
{
    private const string Insert = """
        INSERT INTO questionnaires (id, code, title_en, title_fr, version)
        VALUES (@id, @code, @titleEn, @titleFr, @version)
        """;

    public async ValueTask<RecordCreated> Handle(RegisterQuestionnaire command, CancellationToken cancellationToken)
    {
        await QuestionnaireWrites.CheckAsync(db, command, except: null, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, QuestionnaireWrites.Row(id, command, version: 1), cancellationToken);
        await QuestionnaireWrites.AskAsync(db, id, command, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
