using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Integrity.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Integrity.Api.Http;

/// <summary>
/// Creates accept an <c>Idempotency-Key</c> header: a retry over a bad network with the same key and
/// body answers the first reply again instead of creating a second record. The same key with another
/// body is 422; while the first request with that key is still running, 409. A create that fails keeps
/// nothing, so the caller can correct it and retry with the same key. Keys belong to their caller (the
/// account's e-mail, or the API token): another caller's same key is another request.
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
    private const string Forget = "DELETE FROM idempotent_requests WHERE caller = @caller AND idempotency_key = @idempotencyKey";

    /// <summary>Marks a create endpoint as honouring Idempotency-Key, and documents the header and its problems.</summary>
    /// <param name="secretAnswer">
    /// The answer holds a secret shown once (an API token): it is kept for replay encrypted with ASP.NET Core data
    /// protection, never as plain text. When the keys that encrypted it are gone, a retry is a 409 that says so.
    /// </param>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint, bool secretAnswer = false) => endpoint
        .WithMetadata(new IdempotentCreate(secretAnswer))
        .AddEndpointFilter(FilterAsync)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return await next(context);
        if (key.Length > MaxKeyLength)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid Idempotency-Key",
                detail: $"An Idempotency-Key has at most {MaxKeyLength} characters; a UUID is a good one.");

        var services = http.RequestServices;
        var database = services.GetRequiredService<Database>();
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var caller = Caller.From(http.User).Actor;
        var requestHash = RequestHash(http.Request, context.Arguments, json);
        var secret = http.GetEndpoint()?.Metadata.GetMetadata<IdempotentCreate>()?.SecretAnswer == true
            ? services.GetRequiredService<IDataProtectionProvider>().CreateProtector(SecretPurpose)
            : null;

        await using var connection = await database.OpenAsync(http.RequestAborted);
        var claimed = await connection.ExecuteAsync(database.Dialect.InsertIfAbsent("idempotent_requests", Columns, Key),
            new DynamicParameters(new Dictionary<string, object>
            {
                ["caller"] = caller,
                ["idempotency_key"] = key,
                ["request_hash"] = requestHash,
                ["created_at"] = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            }));
        if (claimed == 0) return await ReplayAsync(connection, caller, key, requestHash, secret, http);

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await connection.ExecuteAsync(Forget, new { caller, idempotencyKey = key });
            throw;
        }
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success and IValueHttpResult body)
            await connection.ExecuteAsync(Complete, new
            {
                caller,
                idempotencyKey = key,
                statusCode = success.StatusCode,
                location = LocationOf(result),
                etag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                responseBody = secret is null ? JsonSerializer.Serialize(body.Value, json) : secret.Protect(JsonSerializer.Serialize(body.Value, json)),
            });
        else
            await connection.ExecuteAsync(Forget, new { caller, idempotencyKey = key });
        return result;
    }

    private static async Task<IResult> ReplayAsync(System.Data.Common.DbConnection connection, string caller, string key, string requestHash,
        IDataProtector? secret, HttpContext http)
    {
        var earlier = await connection.QuerySingleAsync<EarlierRequest>(Find, new { caller, idempotencyKey = key });
        if (earlier.RequestHash != requestHash)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                detail: "This Idempotency-Key was used for a different request. Use a new key for a new request.");
        if (earlier.StatusCode is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Request in progress",
                detail: "A request with this Idempotency-Key is still being processed. Wait a moment, then retry with the same key.");
        var body = earlier.ResponseBody;
        if (secret is not null && body is not null)
            try
            {
                body = secret.Unprotect(body);
            }
            catch (CryptographicException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Answer no longer available",
                    detail: $"A request with this Idempotency-Key created {earlier.Location ?? "a record"}, but its answer held a secret " +
                            "that can no longer be shown. Revoke that record if you did not receive the secret, then send a new request with a new key.");
            }
        if (earlier.Location is not null) http.Response.Headers.Location = earlier.Location;
        if (earlier.Etag is not null) http.Response.Headers.ETag = earlier.Etag;
        http.Response.Headers["Idempotent-Replayed"] = "true";
        return TypedResults.Content(body, "application/json", Encoding.UTF8, earlier.StatusCode.Value);
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
        public int? StatusCode { get; init; }
        public string? Location { get; init; }
        public string? Etag { get; init; }
        public string? ResponseBody { get; init; }
    }

    private const string SecretPurpose = "Integrity.Idempotency.SecretAnswer";

    private sealed record IdempotentCreate(bool SecretAnswer);

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
                              "creating a second record. The same key with another body: 422; while the first is running: 409.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = MaxKeyLength },
            });
        }
    }
}
