using Integrity.Api.Http;

namespace Integrity.Api.Features.Users;

/// <summary>An account as the sign-in and user use cases read it, password hash included.</summary>
public sealed record UserAccount
{
    public required Guid Id { get; init; }
    public required string Email { get; init; }
    public required Role Role { get; init; }
    public Guid? DonorId { get; init; }
    public string? PasswordHash { get; init; }
    public int FailedSignIns { get; init; }
    public DateTimeOffset? LockedUntil { get; init; }
    /// <summary>Changes whenever the account's sessions must end (see SessionStamps).</summary>
    public string? SessionStamp { get; init; }

    /// <summary>E-mail addresses are compared and stored in lower case, trimmed.</summary>
    public static string Normalise(string email) => email.Trim().ToLowerInvariant();
}
