using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Integrity.Api.Http;

/// <summary>
/// The one place where exceptions become RFC 9457 problem responses. Anything unexpected is a 500
/// with a trace id to quote to support, and never a stack trace.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, Database database, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    /// <summary>How long a caller should wait before retrying while the database is unavailable.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var databaseError = DatabaseError(exception);
        var problem = exception switch
        {
            _ when databaseError is not null && database.Dialect.IsWriteConflict(databaseError) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = Messages.TitleConflict,
                Detail = Messages.WriteConflict,
            },
            _ when databaseError is not null && database.Dialect.IsUnavailable(databaseError) => Unavailable(context, databaseError),
            _ when databaseError is not null && database.Dialect.IsUnstorableValue(databaseError) => Unstorable(context, databaseError),
            ValidationException validation => Invalid(validation),
            ProblemException known => new ProblemDetails { Status = known.Status, Title = known.Title, Detail = known.Message },
            BadHttpRequestException badRequest when UnreadableParameter(badRequest) is { } invalid => invalid,
            BadHttpRequestException { InnerException: JsonException { Path: { Length: > 2 } path } json } => UnreadableField(path, json),
            BadHttpRequestException badRequest => new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = Messages.TitleBadRequest,
                Detail = BadRequestDetail(badRequest),
            },
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = Messages.TitleInternalError,
                Detail = Messages.InternalError,
            };
        }
        context.Response.StatusCode = problem.Status!.Value;
        if (exception is ProblemException { RetryAfterSeconds: { } retryAfter })
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static DbException? DatabaseError(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
            if (exception is DbException error) return error;
        return null;
    }

    /// <summary>
    /// The database is down or overloaded: nothing the caller did is wrong, so they are told when to retry.
    /// Pooled connections are dropped, so that requests after the database is back do not draw broken ones.
    /// </summary>
    private ProblemDetails Unavailable(HttpContext context, DbException error)
    {
        logger.LogWarning(error, "Database unavailable for {Method} {Path}", context.Request.Method, context.Request.Path);
        database.Dialect.ClearPools();
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = Messages.TitleDatabaseUnavailable,
            Detail = Messages.DatabaseUnavailable.With(RetryAfterSeconds),
        };
    }

    /// <summary>A value validation let through but the database refuses; logged, since a validator should have caught it.</summary>
    private ProblemDetails Unstorable(HttpContext context, DbException error)
    {
        logger.LogWarning(error, "Database refused a value for {Method} {Path}", context.Request.Method, context.Request.Path);
        return new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Messages.TitleInvalidInput,
            Detail = Messages.Unstorable,
        };
    }

    /// <summary>
    /// Every problem carries the trace id. The framework's own (status code pages: no credentials, a policy's refusal, a
    /// path no operation has …) come without a detail; they get a title and a detail in the request's language that say what to do.
    /// </summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
        if (problem.Detail is not null) return;
        (string Title, string Detail)? generic = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => (Messages.TitleUnauthorized, Messages.SignInFirst),
            StatusCodes.Status403Forbidden => (Messages.TitleForbidden, Messages.RoleMayNot),
            StatusCodes.Status404NotFound => (Messages.TitleNotFound, Messages.NoSuchPath),
            StatusCodes.Status405MethodNotAllowed => (Messages.TitleMethodNotAllowed, Messages.MethodNotAllowed.With(context.HttpContext.Request.Method)),
            StatusCodes.Status415UnsupportedMediaType => (Messages.TitleUnsupportedMediaType, Messages.SendJson),
            _ => null,
        };
        if (generic is null) return;
        problem.Title = generic.Value.Title;
        problem.Detail = generic.Value.Detail;
    }

    private static HttpValidationProblemDetails Invalid(ValidationException validation)
    {
        var errors = validation.Errors
            .GroupBy(failure => JsonPath(failure.PropertyName))
            .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Messages.TitleInvalidInput,
            Detail = Messages.InvalidInput,
        };
    }

    /// <summary>Validators name C# properties; clients know the camelCase JSON names.</summary>
    private static string JsonPath(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    /// <summary>A query or route value of the wrong type ("activeOn=29-11-2023"), as a field error.</summary>
    private static HttpValidationProblemDetails? UnreadableParameter(BadHttpRequestException badRequest)
    {
        var match = BindingFailure().Match(badRequest.Message);
        if (!match.Success) return null;
        var name = match.Groups["name"].Value;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [name] = [Messages.UnreadableParameter.With(match.Groups["value"].Value, name)],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Messages.TitleInvalidInput,
            Detail = Messages.UnreadableParameterDetail.With(name),
        };
    }

    /// <summary>
    /// A body field of the wrong type, an unknown enum value ("kind": "seminar") or a field the operation does not have
    /// (a misspelling: the document says additionalProperties false), as a field error.
    /// </summary>
    private static HttpValidationProblemDetails UnreadableField(string path, JsonException json)
    {
        var field = JsonPath(path.TrimStart('$', '.'));
        // System.Text.Json says "could not be mapped" for a property the type does not have (UnmappedMemberHandling.Disallow).
        var unknown = json.Message.Contains("could not be mapped", StringComparison.Ordinal);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [json switch
            {
                NotAChoiceException choice => Messages.ChooseOneOf.With(choice.Names),
                _ when unknown => Messages.UnknownField,
                _ => Messages.UnreadableValue,
            }],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Messages.TitleInvalidInput,
            Detail = Messages.UnreadableBodyAt.With(path),
        };
    }

    [GeneratedRegex("""^Failed to bind parameter "[^"]* (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindingFailure();

    /// <summary>Says what in the request could not be read, in the request's language and without echoing framework internals.</summary>
    private static string BadRequestDetail(BadHttpRequestException badRequest) => badRequest switch
    {
        { InnerException: JsonException json } => Messages.UnreadableBody.With(json.Path ?? "$"),
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => Messages.BodyTooLarge,
        _ => Messages.RequestUnreadable,
    };
}
