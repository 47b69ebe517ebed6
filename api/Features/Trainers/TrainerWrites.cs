using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Identity;
using Integrity.Api.Http;

namespace Integrity.Api.Features.Trainers;

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
                failures.Add(new(nameof(ITrainerFields.UserId), $"No account has the id {userId}. Add it first (POST /api/v1/users), or leave userId out."));
            else if (role != Role.Trainer.Name())
                failures.Add(new(nameof(ITrainerFields.UserId), $"That account has the role '{role}': only an account with the role 'trainer' can be a trainer's."));
        }
        if (failures.Count > 0) throw new ValidationException(failures);
        if (trainer.UserId is { } linked)
            await db.RefuseDuplicateAsync(HolderOfAccount, new { userId = linked }, except,
                $"The account {linked} already belongs to another trainer. An account signs in as one trainer only.", cancellationToken);
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
