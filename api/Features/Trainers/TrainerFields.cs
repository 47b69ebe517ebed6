using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Trainers;

/// <summary>What registering and updating a trainer both send.</summary>
public interface ITrainerFields
{
    string FullName { get; }
    TrainerKind? Kind { get; }
    Guid? AdministrationId { get; }
    string? Email { get; }
    Guid? UserId { get; }
}

public class TrainerFieldsValidator<T> : AbstractValidator<T> where T : ITrainerFields
{
    public TrainerFieldsValidator()
    {
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Kind).NotNull().WithMessage(_ => Messages.SayTrainerKind.With(DbEnum.Names<TrainerKind>()));
        RuleFor(x => x.AdministrationId).NotNull().When(x => x.Kind == TrainerKind.NationalTrainer)
            .WithMessage(_ => Messages.NationalTrainerNeedsAdministration);
        RuleFor(x => x.AdministrationId).Null().When(x => x.Kind == TrainerKind.WcoExpert)
            .WithMessage(_ => Messages.WcoExpertNoAdministration);
        RuleFor(x => x.Email).MaximumLength(300)
            .EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email), ApplyConditionTo.CurrentValidator);
    }
}

/// <summary>What registering and updating a trainer both check: a known administration, and an account that may be linked.</summary>
internal static class TrainerWrites
{
    private const string RoleOfAccount = "SELECT role FROM users WHERE id = @userId";
    private const string HolderOfAccount = "SELECT id FROM trainers WHERE user_id = @userId";

    public static async Task CheckAsync(DbSession db, Caller caller, ITrainerFields trainer, Guid? except, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        await db.RequireUsableAsync(caller, RecordKind.Administration, trainer.AdministrationId, nameof(ITrainerFields.AdministrationId), failures, cancellationToken);
        if (trainer.UserId is { } userId)
        {
            var role = await db.QuerySingleOrDefaultAsync<string>(RoleOfAccount, new { userId }, cancellationToken);
            if (role is null)
                failures.Add(new(nameof(ITrainerFields.UserId), Messages.NoSuchAccount.With(userId)));
            else if (role != Role.Trainer.Name())
                failures.Add(new(nameof(ITrainerFields.UserId), Messages.AccountNotTrainer.With(role)));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        if (trainer.UserId is { } linked)
            await db.RefuseDuplicateAsync(HolderOfAccount, new { userId = linked }, except,
                Messages.AccountTakenByTrainer.With(linked), cancellationToken);
    }

    public static object Parameters(Guid id, ITrainerFields trainer) => new
    {
        id,
        fullName = trainer.FullName.Trim(),
        kind = DbEnum.Name(trainer.Kind!.Value),
        administrationId = trainer.AdministrationId,
        email = string.IsNullOrWhiteSpace(trainer.Email) ? null : trainer.Email.Trim(),
        userId = trainer.UserId,
    };
}
