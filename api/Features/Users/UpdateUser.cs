using System.Text.Json.Serialization;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Integrity.Api.Features.Users;

/// <summary>
/// New values for an account: name, role, donor and scope (replaced), and optionally a new password, which
/// also unlocks it. The account's sessions end, so the change holds from its next sign-in.
/// </summary>
public sealed record UpdateUser(string DisplayName, [property: System.ComponentModel.DataAnnotations.Required] Role? Role,
    Guid? DonorId = null, IReadOnlyList<Guid>? ProgrammeIds = null, IReadOnlyList<Guid>? AdministrationIds = null,
    [property: Secret] string? NewPassword = null)
    : ICommand<int>, IUserFields, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateUserValidator : UserFieldsValidator<UpdateUser>
{
    public UpdateUserValidator() =>
        RuleFor(x => x.NewPassword).MinimumLength(MinimumPasswordLength).MaximumLength(200);
}

public sealed class UpdateUserAccess : AdministratorsOnly<UpdateUser>;

public sealed class UpdateUserHandler(DbSession db, Caller caller, IPasswordHasher<UserAccount> hasher) : ICommandHandler<UpdateUser, int>
{
    private const string Update = """
        UPDATE users SET display_name = @displayName, role = @role, donor_id = @donorId, session_stamp = @sessionStamp, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;
    private const string SetPassword = "UPDATE users SET password_hash = @passwordHash, failed_sign_ins = 0, locked_until = NULL WHERE id = @id";
    private const string EmailOf = "SELECT email FROM users WHERE id = @id";

    public async ValueTask<int> Handle(UpdateUser command, CancellationToken cancellationToken)
    {
        await UserWrites.CheckAsync(db, caller, command, cancellationToken);
        var changed = await db.ExecuteAsync(Update, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            displayName = command.DisplayName.Trim(),
            role = command.Role!.Value.Name(),
            donorId = command.DonorId,
            sessionStamp = SessionStamps.New(),
        }, cancellationToken);
        var version = await db.NextVersionAsync(changed, "users", Messages.RecordAccount, command.Id, command.ExpectedVersion, cancellationToken);
        await UserWrites.UnlinkAsync(db, command.Id, cancellationToken);
        await UserWrites.LinkAsync(db, command.Id, command, cancellationToken);
        if (command.NewPassword is not null)
        {
            var email = await db.QuerySingleOrDefaultAsync<string>(EmailOf, new { id = command.Id }, cancellationToken);
            var account = new UserAccount { Id = command.Id, Email = email!, Role = command.Role.Value };
            await db.ExecuteAsync(SetPassword, new { id = command.Id, passwordHash = hasher.HashPassword(account, command.NewPassword) }, cancellationToken);
        }
        return version;
    }
}
