using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Resources;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>One question of a questionnaire, answered on a scale of 1 (strongly disagree) to 5 (strongly agree).</summary>
/// <param name="Code">Short code, unique in the questionnaire (ignoring case), e.g. <c>OFF-07</c>: an imported file has a column of this name.</param>
/// <param name="KeyFactorCode">The key factor of the Revised Arusha Declaration it measures, RAD-01 to RAD-10 (see GET /api/v1/key-factors).</param>
/// <param name="TextEn">The question as respondents read it in English.</param>
/// <param name="TextFr">The question as respondents read it in French.</param>
/// <param name="Reversed">True when agreeing is the unfavourable answer ("Officers accept gifts from traders"): an answer then counts as 6 − answer.</param>
public sealed record QuestionnaireQuestion(string Code, string KeyFactorCode, string TextEn, string TextFr, [property: Required] bool? Reversed);

/// <summary>What registering and updating a questionnaire both send.</summary>
public interface IQuestionnaireFields
{
    string Code { get; }
    string TitleEn { get; }
    string TitleFr { get; }
    IReadOnlyList<QuestionnaireQuestion> Questions { get; }
}

public sealed class QuestionnaireQuestionValidator : AbstractValidator<QuestionnaireQuestion>
{
    public const int MaxTextLength = 1000;

    public QuestionnaireQuestionValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage(_ => Messages.CodeLike.With("OFF-07"));
        RuleFor(x => x.KeyFactorCode).NotEmpty();
        RuleFor(x => x.TextEn).NotEmpty().MaximumLength(MaxTextLength);
        RuleFor(x => x.TextFr).NotEmpty().MaximumLength(MaxTextLength);
        RuleFor(x => x.Reversed).NotNull();
    }
}

public class QuestionnaireFieldsValidator<T> : AbstractValidator<T> where T : IQuestionnaireFields
{
    public const int MaxQuestions = 200;

    public QuestionnaireFieldsValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(40).Matches("^[A-Za-z0-9_.-]+$")
            .WithMessage(_ => Messages.CodeLike.With("CIPS-OFFICIALS"));
        RuleFor(x => x.TitleEn).NotEmpty().MaximumLength(300);
        RuleFor(x => x.TitleFr).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Questions).NotEmpty().WithMessage(_ => Messages.AtLeastOneQuestion)
            .MaximumCount(MaxQuestions).WithMessage(_ => Messages.AtMostQuestions.With(MaxQuestions));
        // Within the limit only: each code is compared with every other.
        When(x => x.Questions is not { Count: > MaxQuestions }, () =>
            RuleForEach(x => x.Questions).Cascade(CascadeMode.Continue)
                .NotNull()
                .SetValidator(new QuestionnaireQuestionValidator())
                .Custom((question, context) =>
                {
                    var questions = context.InstanceToValidate.Questions;
                    if (question?.Code is not { Length: > 0 } code
                        || questions.First(other => string.Equals(other?.Code, code, StringComparison.OrdinalIgnoreCase)) is var first && ReferenceEquals(first, question)) return;
                    context.AddFailure(nameof(QuestionnaireQuestion.Code), Messages.QuestionCodeTwice.With(code));
                }));
    }
}

/// <summary>What registering and updating a questionnaire both do: check its code and key factors, and write its questions in order.</summary>
internal static class QuestionnaireWrites
{
    private const string HolderOfCode = "SELECT id FROM questionnaires WHERE code = @code";
    private const string KeyFactors = "SELECT code FROM key_factors";
    private const string Ask = """
        INSERT INTO questionnaire_questions (questionnaire_id, position, code, key_factor_code, text_en, text_fr, reversed)
        VALUES (@questionnaireId, @position, @code, @keyFactorCode, @textEn, @textFr, @reversed)
        """;
    private const string Unask = "DELETE FROM questionnaire_questions WHERE questionnaire_id = @questionnaireId";

    public static async Task CheckAsync(DbSession db, IQuestionnaireFields questionnaire, Guid? except, CancellationToken cancellationToken)
    {
        var known = (await db.QueryAsync<string>(KeyFactors, null, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var unknown = questionnaire.Questions
            .Select((question, index) => (question, index))
            .Where(asked => !known.Contains(asked.question.KeyFactorCode))
            .Select(asked => new ValidationFailure(
                $"{nameof(IQuestionnaireFields.Questions)}[{asked.index}].{nameof(QuestionnaireQuestion.KeyFactorCode)}",
                Messages.NotAKeyFactor.With(asked.question.KeyFactorCode)))
            .ToList();
        if (unknown.Count > 0) throw new ValidationException(unknown);
        await db.RefuseDuplicateAsync(HolderOfCode, new { code = questionnaire.Code }, except,
            Messages.QuestionnaireCodeTaken.With(questionnaire.Code), cancellationToken);
    }

    /// <summary>The row's parameters: <paramref name="version"/> is the one inserted, or the one an update expects to find.</summary>
    public static object Row(Guid id, IQuestionnaireFields questionnaire, int version) =>
        new { id, code = questionnaire.Code, titleEn = questionnaire.TitleEn, titleFr = questionnaire.TitleFr, version };

    public static Task AskAsync(DbSession db, Guid questionnaireId, IQuestionnaireFields questionnaire, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Ask, questionnaire.Questions.Select((question, position) => new
        {
            questionnaireId,
            position,
            code = question.Code,
            keyFactorCode = question.KeyFactorCode,
            textEn = question.TextEn,
            textFr = question.TextFr,
            reversed = question.Reversed!.Value,
        }).ToList(), cancellationToken);

    public static Task UnaskAsync(DbSession db, Guid questionnaireId, CancellationToken cancellationToken) =>
        db.ExecuteAsync(Unask, new { questionnaireId }, cancellationToken);
}
