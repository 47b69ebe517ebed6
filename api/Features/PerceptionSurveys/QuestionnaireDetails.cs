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
    public required IReadOnlyList<QuestionDetails> Questions { get; init; } = [];
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
                QuestionDetails (row) => row);
        return questionnaires.Select(questionnaire => questionnaire with { Questions = asked[questionnaire.Id].ToList() }).ToList();
    }

    /// <summary>A question as read, with the questionnaire it belongs to; written out as a <see cref="QuestionDetails"/>, the declared type.</summary>
    private sealed record AskedQuestion : QuestionDetails
    {
        public required Guid QuestionnaireId { get; init; }
    }
}

/// <summary>One question of a questionnaire, answered from 1 (strongly disagree) to 5 (strongly agree).</summary>
public record QuestionDetails
{
    /// <summary>Its code, unique in the questionnaire, e.g. <c>OFF-07</c>.</summary>
    public required string Code { get; init; }
    /// <summary>The key factor it measures, RAD-01 to RAD-10.</summary>
    public required string KeyFactorCode { get; init; }
    public required string TextEn { get; init; }
    public required string TextFr { get; init; }
    /// <summary>True when agreeing is the unfavourable answer: an answer then counts as 6 − answer.</summary>
    public required bool Reversed { get; init; }
}
