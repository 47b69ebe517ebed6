using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Integrity.Api.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace Integrity.Api.Features.Auth;

/// <summary>E-mail and password of an account.</summary>
public sealed record SignIn(string Email, [property: Secret] string Password) : ICommand<SignInOutcome>;

public sealed class SignInValidator : AbstractValidator<SignIn>
{
    public SignInValidator()
    {
        RuleFor(x => x.Email).NotEmpty().EmailAddress();
        RuleFor(x => x.Password).NotEmpty();
    }
}

public sealed class SignInAccess : AnyoneMay<SignIn>;

public sealed record SignInOutcome(Guid UserId, Role Role, Guid? DonorId, string? SessionStamp);

/// <summary>
/// The same answer for an unknown e-mail and a wrong password, in the same time: the answer must not tell
/// which e-mails have an account. As an exception, so the refused attempt writes nothing (no audit entry a
/// stranger could multiply); the sign-in endpoint counts it towards the back-off of its e-mail and address.
/// </summary>
public sealed class SignInRefusedException() : ProblemException(StatusCodes.Status401Unauthorized, Messages.TitleSignInFailed, Messages.SignInFailed);

/// <summary>
/// Checks the password with ASP.NET Core Identity's hasher. An unknown e-mail is checked against a
/// hash of no one's password, so it costs what a known one does. Repeated failures slow the e-mail and
/// address that made them (see SignInBackOff) instead of locking the account, which anyone could do.
/// </summary>
public sealed class SignInHandler(DbSession db, IPasswordHasher<UserAccount> hasher)
    : ICommandHandler<SignIn, SignInOutcome>
{
    private static readonly UserAccount Nobody = new() { Id = Guid.Empty, Email = "", Role = Role.Trainer };
    private static string? nobodysHash;

    private const string Find = """
        SELECT id, email, role, donor_id, password_hash, failed_sign_ins, locked_until, session_stamp
        FROM users WHERE email = @email
        """;
    private const string Succeeded = "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = @passwordHash WHERE id = @id";

    public async ValueTask<SignInOutcome> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var account = await db.QuerySingleOrDefaultAsync<UserAccount>(Find, new { email = UserAccount.Normalise(command.Email) }, cancellationToken);
        if (account?.PasswordHash is not { } storedHash)
        {
            nobodysHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            hasher.VerifyHashedPassword(Nobody, nobodysHash, command.Password);
            throw new SignInRefusedException();
        }

        var verdict = hasher.VerifyHashedPassword(account, storedHash, command.Password);
        if (verdict == PasswordVerificationResult.Failed) throw new SignInRefusedException();
        var passwordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded
            ? hasher.HashPassword(account, command.Password)
            : storedHash;
        await db.ExecuteAsync(Succeeded, new { id = account.Id, passwordHash }, cancellationToken);
        return new SignInOutcome(account.Id, account.Role, account.DonorId, account.SessionStamp);
    }
}
