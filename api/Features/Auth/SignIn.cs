using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
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

public enum SignInResult { SignedIn, Rejected, LockedOut }

public sealed record SignInOutcome(SignInResult Result, Guid? UserId = null, Role? Role = null, Guid? DonorId = null,
    DateTimeOffset? LockedUntil = null, string? SessionStamp = null);

/// <summary>
/// Checks the password with ASP.NET Core Identity's hasher. After <see cref="MaxFailures"/> wrong
/// passwords in a row the account is locked for <see cref="Lockout"/>; the counts are kept even
/// though the sign-in fails, which is why failure is an outcome here and not an exception.
/// </summary>
public sealed class SignInHandler(DbSession db, IPasswordHasher<UserAccount> hasher, TimeProvider clock)
    : ICommandHandler<SignIn, SignInOutcome>
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    private const string Find = """
        SELECT id, email, role, donor_id, password_hash, failed_sign_ins, locked_until, session_stamp
        FROM users WHERE email = @email
        """;
    private const string Failed = "UPDATE users SET failed_sign_ins = @failures, locked_until = @lockedUntil WHERE id = @id";
    private const string Succeeded = "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, password_hash = @passwordHash WHERE id = @id";

    public async ValueTask<SignInOutcome> Handle(SignIn command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var account = await db.QuerySingleOrDefaultAsync<UserAccount>(Find, new { email = UserAccount.Normalise(command.Email) }, cancellationToken);
        if (account?.PasswordHash is null) return new SignInOutcome(SignInResult.Rejected);
        if (account.LockedUntil > now) return new SignInOutcome(SignInResult.LockedOut, LockedUntil: account.LockedUntil);

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, command.Password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            var failures = account.FailedSignIns + 1;
            var lockedUntil = failures >= MaxFailures ? AuditTrail.Stored(now + Lockout) : (DateTimeOffset?)null;
            await db.ExecuteAsync(Failed, new { id = account.Id, failures = lockedUntil is null ? failures : 0, lockedUntil }, cancellationToken);
            return lockedUntil is null
                ? new SignInOutcome(SignInResult.Rejected)
                : new SignInOutcome(SignInResult.LockedOut, LockedUntil: lockedUntil);
        }
        var passwordHash = verdict == PasswordVerificationResult.SuccessRehashNeeded
            ? hasher.HashPassword(account, command.Password)
            : account.PasswordHash;
        await db.ExecuteAsync(Succeeded, new { id = account.Id, passwordHash }, cancellationToken);
        return new SignInOutcome(SignInResult.SignedIn, account.Id, account.Role, account.DonorId, SessionStamp: account.SessionStamp);
    }
}
