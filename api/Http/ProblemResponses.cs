namespace Integrity.Api.Http;

/// <summary>Declares in the OpenAPI document the problem responses each kind of operation can give.</summary>
public static class ProblemResponses
{
    /// <summary>Any operation that needs a caller: 401 without credentials, 403 for a role that may not call it.</summary>
    public static RouteHandlerBuilder ProducesAccessProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden);

    public static RouteHandlerBuilder ProducesCommandProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesAccessProblems()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status500InternalServerError);

    public static RouteHandlerBuilder ProducesListProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesAccessProblems()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status500InternalServerError);

    public static RouteHandlerBuilder ProducesGetProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesAccessProblems()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status500InternalServerError);

    public static RouteHandlerBuilder ProducesUpdateProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesAccessProblems()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired)
        .ProducesProblem(StatusCodes.Status500InternalServerError);
}
