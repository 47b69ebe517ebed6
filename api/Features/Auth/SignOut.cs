using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Auth;

/// <summary>Ends the signed-in caller's sessions: a new session stamp makes every cookie issued before it invalid.</summary>
public sealed record SignOut : ICommand<Unit>;

public sealed class SignOutAccess : AnyoneMay<SignOut>;

public sealed class SignOutHandler(DbSession db, Caller caller) : ICommandHandler<SignOut, Unit>
{
    private const string NewStamp = "UPDATE users SET session_stamp = @stamp WHERE id = @id";

    public async ValueTask<Unit> Handle(SignOut command, CancellationToken cancellationToken)
    {
        if (caller.UserId is { } id) await db.ExecuteAsync(NewStamp, new { id, stamp = SessionStamps.New() }, cancellationToken);
        return Unit.Value;
    }
}
