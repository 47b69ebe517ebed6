using Integrity.Api.Http;

namespace Integrity.Api.Pipeline;

public enum Access
{
    Allowed,
    /// <summary>The caller's role may not do this at all: 403.</summary>
    Forbidden,
    /// <summary>The record is outside the caller's scope: 404, as if it did not exist.</summary>
    OutOfScope,
}

/// <summary>
/// Who may send a command. Every command has one, beside it in its use-case file; the authorization
/// behavior refuses a command that has none, so a new command cannot be forgotten.
/// </summary>
public interface IAccessRule<in TCommand>
{
    ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken);
}

/// <summary>The rule most records follow: administrators always; the given roles when the record is in their scope.</summary>
public static class ScopedAccess
{
    /// <summary>Allowed for administrators, and for <paramref name="roles"/> when <paramref name="inScope"/> finds the record; 404 when it does not; 403 for other roles.</summary>
    public static async ValueTask<Access> CheckAsync(Caller caller, Role[] roles, Func<Task<bool>> inScope)
    {
        if (caller.IsAdministrator) return Access.Allowed;
        if (caller.Role is not { } role || !roles.Contains(role)) return Access.Forbidden;
        return await inScope() ? Access.Allowed : Access.OutOfScope;
    }
}

/// <summary>Accounts, tokens and the reference records everyone relies on.</summary>
public abstract class AdministratorsOnly<TCommand> : IAccessRule<TCommand>
{
    public ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(caller.IsAdministrator ? Access.Allowed : Access.Forbidden);
}

/// <summary>Commands that need no account, such as signing in.</summary>
public abstract class AnyoneMay<TCommand> : IAccessRule<TCommand>
{
    public ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Access.Allowed);
}
