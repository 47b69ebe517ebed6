using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>New values for every field of a questionnaire; <c>questions</c> replaces its questions, in the order sent. Only while no survey round uses it.</summary>
public sealed record UpdateQuestionnaire(string Code, string TitleEn, string TitleFr, IReadOnlyList<QuestionnaireQuestion> Questions)
    : ICommand<int>, IQuestionnaireFields, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateQuestionnaireValidator : QuestionnaireFieldsValidator<UpdateQuestionnaire>;

public sealed class UpdateQuestionnaireAccess : AdministratorsOnly<UpdateQuestionnaire>;

public sealed class UpdateQuestionnaireHandler(DbSession db) : ICommandHandler<UpdateQuestionnaire, int>
{
    private const string Update = """
        UPDATE questionnaires SET code = @code, title_en = @titleEn, title_fr = @titleFr, version = version + 1
        WHERE id = @id AND version = @version
        """;

    private const string RoundsUsing = "SELECT label FROM perception_surveys WHERE questionnaire_id = @id ORDER BY fieldwork_ends_on";

    public async ValueTask<int> Handle(UpdateQuestionnaire command, CancellationToken cancellationToken)
    {
        var rounds = await db.QueryAsync<string>(RoundsUsing, new { id = command.Id }, cancellationToken);
        if (rounds.Count > 0) throw new ConflictException(Messages.QuestionnaireInUse.With(string.Join(", ", rounds)));
        await QuestionnaireWrites.CheckAsync(db, command, except: command.Id, cancellationToken);
        var changed = await db.ExecuteAsync(Update, QuestionnaireWrites.Row(command.Id, command, command.ExpectedVersion), cancellationToken);
        var version = await db.NextVersionAsync(changed, "questionnaires", Messages.RecordQuestionnaire, command.Id, command.ExpectedVersion, cancellationToken);
        await QuestionnaireWrites.UnaskAsync(db, command.Id, cancellationToken);
        await QuestionnaireWrites.AskAsync(db, command.Id, command, cancellationToken);
        return version;
    }
}
