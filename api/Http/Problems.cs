namespace Integrity.Api.Http;

/// <summary>A failure the caller can act on; the exception handler turns it into a problem response.</summary>
public abstract class ProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}

public sealed class NotFoundException(string what, object id)
    : ProblemException(StatusCodes.Status404NotFound, "Not found",
        $"No {what} has the id '{id}', or it is outside your scope.");

public sealed class ForbiddenException(Caller caller, string useCase)
    : ProblemException(StatusCodes.Status403Forbidden, "Forbidden",
        $"A caller with the role '{caller.Role?.Name() ?? "none"}' may not {UseCases.Describe(useCase)}. Ask an administrator if you need to.");

public sealed class ConflictException(string detail)
    : ProblemException(StatusCodes.Status409Conflict, "Conflict", detail);

public sealed class PreconditionFailedException(string what, int currentVersion)
    : ProblemException(StatusCodes.Status412PreconditionFailed, "Version mismatch",
        $"The {what} was changed by someone else since you read it (it is now at version {currentVersion}). " +
        "Read it again, re-apply your change and send it with the new ETag in If-Match.");

public sealed class PreconditionRequiredException()
    : ProblemException(StatusCodes.Status428PreconditionRequired, "If-Match required",
        "Send the ETag you read with the record in an If-Match header, so that a change made by someone " +
        "else in the meantime is not overwritten.");
