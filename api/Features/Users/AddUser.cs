using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Integrity.Api.Features.Users;

/// <summary>A person who signs in: their role, and for coordinators and trainers the programmes and administrations they work on.</summary>
/// <param name="Email">Their e-mail, which they sign in with; unique.</param>
/// <param name="DisplayName">Their name as colleagues know it.</param>
/// <param name="Role">administrator, coordinator, trainer or donor.</param>
/// <param name="Password">At least 12 characters. Leave out for people who sign in through your organisation's identity provider.</param>
/// <param name="DonorId">For the donor role: the donor they speak for.</param>
/// <param name="ProgrammeIds">Coordinators and trainers: programmes they work on.</param>
/// <param name="AdministrationIds">Coordinators and trainers: administrations they work with (e.g. a national focal point's own).</param>
public sealed record AddUser(string Email, string DisplayName, [property: System.ComponentModel.DataAnnotations.Required] Role? Role,
    [property: Secret] string? Password = null, Guid? DonorId = null,
    IReadOnlyList<Guid>? ProgrammeIds = null, IReadOnlyList<Guid>? AdministrationIds = null)
    : ICommand<RecordCreated>, IUserFields;

public sealed class AddUserValidator : UserFieldsValidator<AddUser>
{
    public AddUserValidator()
    {
        RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(300);
        RuleFor(x => x.Password).MinimumLength(UserFieldsValidator<AddUser>.MinimumPasswordLength).MaximumLength(200);
    }
}

public sealed class AddUserAccess : AdministratorsOnly<AddUser>;

public sealed class AddUserHandler(DbSession db, Caller caller, IPasswordHasher<UserAccount> hasher) : ICommandHandler<AddUser, RecordCreated>
{
    private const string Insert = """
        INSERT INTO users (id, email, display_name, role, donor_id, password_hash, failed_sign_ins, session_stamp, version)
        VALUES (@id, @email, @displayName, @role, @donorId, @passwordHash, 0, @sessionStamp, 1)
        """;

    public async ValueTask<RecordCreated> Handle(AddUser command, CancellationToken cancellationToken)
    {
        var email = UserAccount.Normalise(command.Email);
        await db.RefuseDuplicateAsync(UserWrites.HolderOfEmail, new { email }, except: null,
            Messages.EmailTaken.With(email), cancellationToken);
        await UserWrites.CheckAsync(db, caller, command, cancellationToken);
        var id = Guid.CreateVersion7();
        var account = new UserAccount { Id = id, Email = email, Role = command.Role!.Value };
        await db.ExecuteAsync(Insert, new
        {
            id,
            email,
            displayName = command.DisplayName.Trim(),
            role = command.Role.Value.Name(),
            donorId = command.DonorId,
            passwordHash = command.Password is null ? null : hasher.HashPassword(account, command.Password),
            sessionStamp = SessionStamps.New(),
        }, cancellationToken);
        await UserWrites.LinkAsync(db, id, command, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
