using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Integrity.Api.Data;
using Integrity.Api.Resources;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integrity.Api.Http;

/// <summary>
/// Creates accept an <c>Idempotency-Key</c> header: a retry over a bad network with the same key and
/// body answers the first reply again instead of creating a second record. The same key with another
/// body is 422. The key is claimed, the create runs and its reply is recorded in one transaction: a retry
/// while the first is still running waits for it and answers its reply, and a create that fails (or
/// whose database went away) keeps nothing, so the caller can correct it and retry with the same key. Keys
/// belong to their caller (the account's e-mail, or the API token): another caller's same key is another request.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 100;

    private static readonly string[] Columns = ["caller", "idempotency_key", "request_hash", "created_at"];
    private static readonly string[] Key = ["caller", "idempotency_key"];

    private const string Find = """
        SELECT request_hash, status_code, location, etag, response_body
        FROM idempotent_requests WHERE caller = @caller AND idempotency_key = @idempotencyKey
        """;
    private const string Complete = """
        UPDATE idempotent_requests SET status_code = @statusCode, location = @location, etag = @etag, response_body = @responseBody
        WHERE caller = @caller AND idempotency_key = @idempotencyKey
        """;

    /// <summary>Marks a create endpoint as honouring Idempotency-Key, and documents the header and its problems.</summary>
    /// <param name="secretAnswer">
    /// The answer holds a secret shown once (an API token): it is kept for replay encrypted with ASP.NET Core data
    /// protection, never as plain text. When the keys that encrypted it are gone, a retry is a 409 that says so.
    /// </param>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint, bool secretAnswer = false) => endpoint
        .WithMetadata(new IdempotentCreate())
        .AddEndpointFilter((context, next) => FilterAsync(context, next, secretAnswer))
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, bool secretAnswer)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > MaxKeyLength)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: Messages.TitleInvalidIdempotencyKey,
                detail: Messages.IdempotencyKeyTooLong.With(MaxKeyLength));

        var services = http.RequestServices;
        var db = services.GetRequiredService<DbSession>();
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var caller = Caller.From(http.User).Actor;
        var requestHash = RequestHash(http.Request, context.Arguments, json);
        var secret = secretAnswer
            ? services.GetRequiredService<IDataProtectionProvider>().CreateProtector(SecretPurpose)
            : null;

        // The command's transaction behavior joins this transaction; a concurrent claim of the same key waits on it.
        await db.BeginTransactionAsync(http.RequestAborted);
        try
        {
            var claimed = await db.ExecuteAsync(db.Dialect.InsertIfAbsent("idempotent_requests", Columns, Key),
                new DynamicParameters(new Dictionary<string, object>
                {
                    ["caller"] = caller,
                    ["idempotency_key"] = key,
                    ["request_hash"] = requestHash,
                    ["created_at"] = services.GetRequiredService<TimeProvider>().GetUtcNow(),
                }), http.RequestAborted);
            if (claimed == 0) return await ReplayAsync(db, caller, key, requestHash, secret, http);

            var result = await next(context);
            if (result is not (IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult body)) return result;
            await db.ExecuteAsync(Complete, new
            {
                caller,
                idempotencyKey = key,
                statusCode = success.StatusCode,
                location = LocationOf(result),
                etag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                responseBody = secret is null ? JsonSerializer.Serialize(body.Value, json) : secret.Protect(JsonSerializer.Serialize(body.Value, json)),
            }, http.RequestAborted);
            await db.CommitAsync(http.RequestAborted);
            return result;
        }
        finally
        {
            // Anything not committed above (a replay, a refusal, a failure) is rolled back, claim included.
            await db.EndTransactionAsync();
        }
    }

    private static async Task<IResult> ReplayAsync(DbSession db, string caller, string key, string requestHash, IDataProtector? secret, HttpContext http)
    {
        var earlier = await db.QuerySingleOrDefaultAsync<EarlierRequest>(Find, new { caller, idempotencyKey = key }, http.RequestAborted);
        if (earlier!.RequestHash != requestHash)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: Messages.TitleIdempotencyKeyReused,
                detail: Messages.IdempotencyKeyReused);
        var body = earlier.ResponseBody;
        if (secret is not null && body is not null)
            try
            {
                body = secret.Unprotect(body);
            }
            catch (CryptographicException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: Messages.TitleAnswerGone,
                    detail: Messages.AnswerGone.With(earlier.Location ?? Messages.ARecord));
            }
        if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
        if (earlier.Etag is not null) http.Response.Headers.ETag = earlier.Etag;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Content(body, "application/json", Encoding.UTF8, earlier.StatusCode);
    }

    /// <summary>Created&lt;T&gt; carries the new record's address; the framework offers no interface for it.</summary>
    private static string? LocationOf(object result) => result.GetType().GetProperty("Location")?.GetValue(result) as string;

    /// <summary>What makes two requests the same: method, path and the bound body.</summary>
    private static string RequestHash(HttpRequest request, IList<object?> arguments, JsonSerializerOptions json)
    {
        var bodies = arguments.Where(argument => argument is Mediator.IBaseCommand).Select(argument => JsonSerializer.Serialize(argument, argument!.GetType(), json));
        var text = $"{request.Method} {request.Path}\n{string.Join('\n', bodies)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private sealed record EarlierRequest
    {
        public required string RequestHash { get; init; }
        public int StatusCode { get; init; }
        public string? Location { get; init; }
        public string? Etag { get; init; }
        public string? ResponseBody { get; init; }
    }

    private const string SecretPurpose = "Integrity.Idempotency.SecretAnswer";

    private sealed class IdempotentCreate;

    /// <summary>Documents the Idempotency-Key header on the operations that honour it.</summary>
    public sealed class OperationFilter : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentCreate>().Any()) return;
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = Header,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Any unique value (a UUID): a retry with the same key and body answers the first reply instead of " +
                              "creating a second record; while the first is still running, a retry waits for its reply. The same key with another body: 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxKeyLength },
            });
        }
    }
}
