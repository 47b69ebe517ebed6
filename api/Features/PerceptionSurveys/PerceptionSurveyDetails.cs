namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>A perception survey round of an administration; <c>version</c> is also its ETag.</summary>
public sealed record PerceptionSurveyDetails
{
    public required Guid Id { get; init; }
    public required Guid ProgrammeId { get; init; }
    public required string ProgrammeCode { get; init; }
    public required Guid AdministrationId { get; init; }
    public required string AdministrationNameEn { get; init; }
    public required string AdministrationNameFr { get; init; }
    public required Guid QuestionnaireId { get; init; }
    public required string QuestionnaireCode { get; init; }
    /// <summary>E.g. <c>CIPS 2023</c>.</summary>
    public required string Label { get; init; }
    public required DateOnly FieldworkStartsOn { get; init; }
    public required DateOnly FieldworkEndsOn { get; init; }
    /// <summary>Respondents imported so far.</summary>
    public required int RespondentCount { get; init; }
    /// <summary>Answers imported so far (a blank is no answer).</summary>
    public required int AnswerCount { get; init; }
    public required int Version { get; init; }

    public const string Select = """
        SELECT ps.id, ps.programme_id, p.code AS programme_code, ps.administration_id, a.name_en AS administration_name_en,
               a.name_fr AS administration_name_fr, ps.questionnaire_id, q.code AS questionnaire_code, ps.label,
               ps.fieldwork_starts_on, ps.fieldwork_ends_on, ps.respondent_count, ps.answer_count, ps.version
        FROM perception_surveys ps
        JOIN programmes p ON p.id = ps.programme_id
        JOIN administrations a ON a.id = ps.administration_id
        JOIN questionnaires q ON q.id = ps.questionnaire_id
        """;
}
