using System.Reflection;
using Microsoft.OpenApi;

namespace Integrity.Api.Http;

/// <summary>The OpenAPI document: the contract the client's types are generated from.</summary>
public static class OpenApi
{
    public const string DocumentPath = "/swagger/v1/swagger.json";

    public static IServiceCollection AddIntegrityOpenApi(this IServiceCollection services) =>
        services.AddEndpointsApiExplorer().AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Integrity API",
                Version = "v1",
                Description = "Tracks anti-corruption and integrity-promotion programmes in customs administrations: " +
                              "programmes and their donors, administrations, workshops, participants, action plans and " +
                              "donor reports. Errors are RFC 9457 problem details; lists page with `limit` and `cursor`; " +
                              "updates need the record's ETag in `If-Match`.",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            options.IncludeXmlComments(xml);
            options.OperationFilter<Idempotency.OperationFilter>();
            options.OperationFilter<FilesAreFiles>();
            options.OperationFilter<DatabaseOutages>();
            options.OperationFilter<RateLimitedAnswers>();
            options.OperationFilter<RequestExamples.OperationFilter>();
            options.SchemaFilter<ValidatorLimits>();
            options.AddIntegritySecurity();
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.CustomSchemaIds(type => type.IsGenericType
                ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(arg => arg.Name))
                : type.Name);
        });

    /// <summary>Swagger UI at /swagger, whose Authorize button keeps a pasted token across reloads of the page.</summary>
    public static IApplicationBuilder UseIntegritySwaggerUi(this IApplicationBuilder app) => app.UseSwaggerUI(options =>
    {
        options.DocumentTitle = "Integrity API";
        options.EnablePersistAuthorization();
        options.DisplayOperationId();
    });

    /// <summary>
    /// An operation that answers JSON or a file (CSV, Excel) declares one schema per status; a file is bytes,
    /// not the JSON record, so its content types get a binary string schema.
    /// </summary>
    private sealed class FilesAreFiles : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
    {
        private static readonly string[] FileTypes = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"];

        public void Apply(OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
        {
            if (operation.Responses is null) return;
            foreach (var response in operation.Responses.Values)
            {
                if (response.Content is null) continue;
                foreach (var type in FileTypes.Where(response.Content.ContainsKey))
                    response.Content[type].Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }
    }

    /// <summary>An operation that can fail on our side (it declares 500) also answers 503 with Retry-After while the database is unreachable.</summary>
    private sealed class DatabaseOutages : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
    {
        public void Apply(OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
        {
            if (operation.Responses?.TryGetValue("500", out var internalError) != true) return;
            operation.Responses["503"] = new OpenApiResponse
            {
                Description = "The database cannot be reached at the moment; nothing was changed. Retry after the seconds in Retry-After.",
                Content = internalError!.Content,
                Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                },
            };
        }
    }

    /// <summary>
    /// An endpoint with rate limiting metadata (<c>RequireRateLimiting</c>) may answer 429: a problem with Retry-After and,
    /// where its limiter says them, the IETF RateLimit-Policy and RateLimit headers.
    /// </summary>
    private sealed class RateLimitedAnswers : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
    {
        public void Apply(OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
        {
            var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute>().Any()
                || metadata.OfType<Microsoft.AspNetCore.RateLimiting.DisableRateLimitingAttribute>().Any()) return;
            operation.Responses ??= new OpenApiResponses();
            var existing = operation.Responses.TryGetValue("429", out var declared) ? declared : null;
            operation.Responses["429"] = new OpenApiResponse
            {
                Description = existing?.Description is { Length: > 0 } said && said != "Too Many Requests"
                    ? said
                    : "Too many requests: nothing was done. Wait the seconds in Retry-After, then try again. Each API instance counts " +
                      "its own requests: behind a load balancer spreading them over several instances, more get through in all.",
                Content = existing?.Content ?? ProblemContent(context),
                Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer),
                    ["RateLimit-Policy"] = Header("The limit that applies, where the endpoint's limiter states it (IETF RateLimit header fields draft), e.g. `\"reports\";q=60;w=60`: 60 requests a window of 60 seconds.", JsonSchemaType.String),
                    ["RateLimit"] = Header("What is left of that limit, where the limiter states it, e.g. `\"reports\";r=0;t=42`: no request left, the window resets in 42 seconds.", JsonSchemaType.String),
                },
            };
        }

        private static OpenApiHeader Header(string description, JsonSchemaType type) =>
            new() { Description = description, Schema = new OpenApiSchema { Type = type } };

        private static Dictionary<string, OpenApiMediaType> ProblemContent(Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context) => new()
        {
            ["application/problem+json"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository),
            },
        };
    }
}
