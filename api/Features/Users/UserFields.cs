using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Identity;
using Integrity.Api.Http;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Users;

/// <summary>The fields that adding and updating an account share.</summary>
public interface IUserFields
{
    string DisplayName { get; }
    Role? Role { get; }
    Guid? DonorId { get; }
    IReadOnlyList<Guid>? ProgrammeIds { get; }
    IReadOnlyList<Guid>? AdministrationIds { get; }
}

public class UserFieldsValidator<T> : AbstractValidator<T> where T : IUserFields
{
    public const int MinimumPasswordLength = 12;

    public UserFieldsValidator()
    {
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Role).NotNull().IsChoice();
        RuleFor(x => x.DonorId).NotNull().When(x => x.Role == Http.Role.Donor)
            .WithMessage(_ => Messages.DonorAccountNeedsDonor);
        RuleFor(x => x.DonorId).Null().When(x => x.Role != Http.Role.Donor)
            .WithMessage(_ => Messages.OnlyDonorAccountsHaveDonor);
        RuleFor(x => x.ProgrammeIds).Empty().When(x => x.Role is Http.Role.Donor or Http.Role.Administrator)
            .WithMessage(_ => Messages.OnlyStaffAssignedProgrammes);
        RuleFor(x => x.AdministrationIds).Empty().When(x => x.Role is Http.Role.Donor or Http.Role.Administrator)
            .WithMessage(_ => Messages.OnlyStaffAssignedAdministrations);
    }
}

/// <summary>What adding and updating an account both do: check and record its donor and scope.</summary>
internal static class UserWrites
{
    public const string HolderOfEmail = "SELECT id FROM users WHERE email = @email";

    private const string AssignProgramme = "INSERT INTO user_programmes (user_id, programme_id) VALUES (@userId, @programmeId)";
    private const string AssignAdministration = "INSERT INTO user_administrations (user_id, administration_id) VALUES (@userId, @administrationId)";
    private const string UnassignProgrammes = "DELETE FROM user_programmes WHERE user_id = @userId";
    private const string UnassignAdministrations = "DELETE FROM user_administrations WHERE user_id = @userId";

    public static async Task CheckAsync(DbSession db, Caller caller, IUserFields user, CancellationToken cancellationToken)
    {
        var failures = new List<ValidationFailure>();
        await db.RequireUsableAsync(caller, RecordKind.Donor, user.DonorId, nameof(IUserFields.DonorId), failures, cancellationToken);
        await db.RequireUsableAsync(caller, RecordKind.Programme, (user.ProgrammeIds ?? []).Distinct().ToList(), nameof(IUserFields.ProgrammeIds), failures, cancellationToken);
        await db.RequireUsableAsync(caller, RecordKind.Administration, (user.AdministrationIds ?? []).Distinct().ToList(), nameof(IUserFields.AdministrationIds),
            failures, cancellationToken);
        if (failures.Count > 0) throw new ValidationException(failures);
    }

    public static async Task LinkAsync(DbSession db, Guid userId, IUserFields user, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(AssignProgramme, (user.ProgrammeIds ?? []).Distinct().Select(programmeId => new { userId, programmeId }).ToList(), cancellationToken);
        await db.ExecuteAsync(AssignAdministration, (user.AdministrationIds ?? []).Distinct().Select(administrationId => new { userId, administrationId }).ToList(), cancellationToken);
    }

    public static async Task UnlinkAsync(DbSession db, Guid userId, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(UnassignProgrammes, new { userId }, cancellationToken);
        await db.ExecuteAsync(UnassignAdministrations, new { userId }, cancellationToken);
    }
}
