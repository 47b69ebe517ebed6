using Integrity.Api.Data;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>A perception survey questionnaire with its questions in order; <c>version</c> is also sent as the ETag.</summary>
public sealed record QuestionnaireDetails
{
    public required Guid Id { get; init; }
    /// <summary>Short unique code, e.g. <c>CIPS-OFFICIALS</c>.</summary>
    public required string Code { get; init; }
    public required string TitleEn { get; init; }
    public required string TitleFr { get; init; }
    /// <summary>Its questions in the order respondents read them, each answered from 1 to 5 (a reversed one counts as 6 − answer).</summary>
    public required IReadOnlyList<QuestionnaireQuestion> Questions { get; init; } = [];
    /// <summary>Counts the changes to this questionnaire; send it back in If-Match to update it.</summary>
    public required int Version { get; init; }

    public const string Select = "SELECT id, code, title_en, title_fr, version FROM questionnaires";

    private const string QuestionsOf = """
        SELECT questionnaire_id, code, key_factor_code, text_en, text_fr, reversed FROM questionnaire_questions
        WHERE {0}
        ORDER BY questionnaire_id, position
        """;

    /// <summary>Adds their questions to questionnaires read with <see cref="Select"/>: one query for a whole page.</summary>
    public static async Task<IReadOnlyList<QuestionnaireDetails>> WithQuestionsAsync(
        DbSession db, IReadOnlyList<QuestionnaireDetails> questionnaires, CancellationToken cancellationToken)
    {
        if (questionnaires.Count == 0) return questionnaires;
        var asked = (await db.QueryAsync<AskedQuestion>(string.Format(QuestionsOf, db.Dialect.InIds("questionnaire_id", "ids")),
                new { ids = db.Dialect.Ids(questionnaires.Select(questionnaire => questionnaire.Id)) }, cancellationToken))
            .ToLookup(row => row.QuestionnaireId,
                row => new QuestionnaireQuestion(row.Code, row.KeyFactorCode, row.TextEn, row.TextFr, row.Reversed));
        return questionnaires.Select(questionnaire => questionnaire with { Questions = asked[questionnaire.Id].ToList() }).ToList();
    }

    private sealed record AskedQuestion
    {
        public required Guid QuestionnaireId { get; init; }
        public required string Code { get; init; }
        public required string KeyFactorCode { get; init; }
        public required string TextEn { get; init; }
        public required string TextFr { get; init; }
        public required bool Reversed { get; init; }
    }
}
