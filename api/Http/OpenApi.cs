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
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.CustomSchemaIds(type => type.IsGenericType
                ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(arg => arg.Name))
                : type.Name);
        });

    /// <summary>
    /// An operation that answers JSON or a file (CSV, Excel) declares one schema per status; a file is bytes,
    /// not the JSON record, so its content types get a binary string schema.
    /// </summary>
    private sealed class FilesAreFiles : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
    {
        private static readonly string[] FileTypes = ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

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
}
