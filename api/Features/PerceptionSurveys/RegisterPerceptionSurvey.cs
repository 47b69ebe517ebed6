using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>A round of the Customs Integrity Perception Survey in one administration, before its responses are imported.</summary>
/// <param name="AdministrationId">The customs administration surveyed.</param>
/// <param name="ProgrammeId">The programme it is run under; the programme must cover the administration.</param>
/// <param name="QuestionnaireId">The questionnaire respondents answered; it cannot change once a round uses it.</param>
/// <param name="Label">E.g. <c>CIPS 2023</c>.</param>
/// <param name="FieldworkStartsOn">First day of fieldwork.</param>
/// <param name="FieldworkEndsOn">Last day of fieldwork, not before the first: rounds are compared in this order.</param>
public sealed record RegisterPerceptionSurvey(
    [property: Required] Guid? AdministrationId, [property: Required] Guid? ProgrammeId, [property: Required] Guid? QuestionnaireId,
    string Label, [property: Required] DateOnly? FieldworkStartsOn, [property: Required] DateOnly? FieldworkEndsOn)
    : ICommand<RecordCreated>;

public sealed class RegisterPerceptionSurveyValidator : AbstractValidator<RegisterPerceptionSurvey>
{
    public RegisterPerceptionSurveyValidator()
    {
        RuleFor(x => x.AdministrationId).NotNull();
        RuleFor(x => x.ProgrammeId).NotNull();
        RuleFor(x => x.QuestionnaireId).NotNull();
        RuleFor(x => x.Label).NotEmpty().MaximumLength(200);
        RuleFor(x => x.FieldworkStartsOn).NotNull();
        RuleFor(x => x.FieldworkEndsOn).NotNull()
            .GreaterThanOrEqualTo(x => x.FieldworkStartsOn).When(x => x.FieldworkStartsOn is not null, ApplyConditionTo.CurrentValidator)
            .WithMessage(_ => Messages.FieldworkEndsBeforeStart);
    }
}

/// <summary>
/// Administrators, and coordinators whose scope covers the administration surveyed; for a coordinator, an
/// administration outside it is 404. A missing id passes here: it is the validator's to report.
/// </summary>
public sealed class RegisterPerceptionSurveyAccess(DbSession db) : IAccessRule<RegisterPerceptionSurvey>
{
    public ValueTask<Access> CheckAsync(RegisterPerceptionSurvey command, Caller caller, CancellationToken cancellationToken) =>
        ScopedAccess.CheckAsync(caller, [Role.Coordinator], () => command.AdministrationId is not { } administration
            ? Task.FromResult(true)
            : Scope.CoversAdministrationAsync(db, caller, administration, cancellationToken));
}

public sealed class RegisterPerceptionSurveyHandler(DbSession db, Caller caller) : ICommandHandler<RegisterPerceptionSurvey, RecordCreated>
{
    private const string Insert = """
        INSERT INTO perception_surveys (id, programme_id, administration_id, questionnaire_id, label, fieldwork_starts_on, fieldwork_ends_on,
                                        respondent_count, answer_count, version)
        VALUES (@id, @programmeId, @administrationId, @questionnaireId, @label, @startsOn, @endsOn, 0, 0, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RegisterPerceptionSurvey command, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        await db.RequireUsableAsync(caller, RecordKind.Programme, command.ProgrammeId, nameof(command.ProgrammeId), failures, cancellationToken);
        await db.RequireUsableAsync(caller, RecordKind.Administration, command.AdministrationId, nameof(command.AdministrationId), failures, cancellationToken);
        await db.RequireUsableAsync(caller, RecordKind.Questionnaire, command.QuestionnaireId, nameof(command.QuestionnaireId), failures, cancellationToken);
        if (failures.Count == 0)
            await db.RequireCoveredAsync(command.ProgrammeId!.Value, [command.AdministrationId!.Value], nameof(command.AdministrationId), failures, cancellationToken);
        if (failures.Count > 0) throw new ValidationException(failures);

        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new
        {
            id,
            programmeId = command.ProgrammeId,
            administrationId = command.AdministrationId,
            questionnaireId = command.QuestionnaireId,
            label = command.Label.Trim(),
            startsOn = command.FieldworkStartsOn,
            endsOn = command.FieldworkEndsOn,
        }, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
