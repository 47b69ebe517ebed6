using Integrity.Api.Resources;

namespace Integrity.Api.Http;

/// <summary>
/// A failure the caller can act on; the exception handler turns it into a problem response. Title and detail come from
/// the catalogue, so they are in the request's language when the exception is thrown.
/// </summary>
public abstract class ProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    /// <summary>When the caller may retry, for a refusal that passes (sent as Retry-After); null when retrying changes nothing.</summary>
    public virtual int? RetryAfterSeconds => null;
}

/// <param name="what">What was looked for, from the catalogue: <c>Messages.RecordProgramme</c>.</param>
public sealed class NotFoundException(string what, object id)
    : ProblemException(StatusCodes.Status404NotFound, Messages.TitleNotFound, Messages.NotFound.With(what, id));

public sealed class ForbiddenException(Caller caller, string useCase)
    : ProblemException(StatusCodes.Status403Forbidden, Messages.TitleForbidden,
        Messages.Forbidden.With(caller.Role?.Name() ?? Messages.RoleNone, UseCases.Describe(useCase), useCase));

public sealed class ConflictException(string detail)
    : ProblemException(StatusCodes.Status409Conflict, Messages.TitleConflict, detail);

/// <param name="what">What changed, from the catalogue: <c>Messages.RecordProgramme</c>.</param>
public sealed class PreconditionFailedException(string what, int currentVersion)
    : ProblemException(StatusCodes.Status412PreconditionFailed, Messages.TitleVersionMismatch, Messages.VersionMismatch.With(what, currentVersion));

public sealed class PreconditionRequiredException()
    : ProblemException(StatusCodes.Status428PreconditionRequired, Messages.TitleIfMatchRequired, Messages.IfMatchRequired);
