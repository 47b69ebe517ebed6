using System.Text.Json.Nodes;

namespace Integrity.Tests;

/// <summary>An operation as the OpenAPI document describes it: what goes in its path, query and body.</summary>
public sealed record ApiOperation(string Id, HttpMethod Method, string Path, IReadOnlyList<string> PathParameters,
    IReadOnlyList<(string Name, JsonObject Schema)> QueryParameters, string? BodyMediaType, JsonObject? BodySchema,
    bool TakesIdempotencyKey)
{
    public static IReadOnlyList<ApiOperation> AllIn(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(operation =>
        {
            var description = operation.Value!.AsObject();
            var parameters = description["parameters"]?.AsArray().Select(parameter => parameter!.AsObject()).ToList() ?? [];
            var body = description["requestBody"]?["content"]?.AsObject().FirstOrDefault();
            return new ApiOperation(
                description["operationId"]!.GetValue<string>(),
                HttpMethod.Parse(operation.Key),
                path.Key,
                parameters.Where(p => (string?)p["in"] == "path").Select(p => (string)p["name"]!).ToList(),
                parameters.Where(p => (string?)p["in"] == "query").Select(p => ((string)p["name"]!, p["schema"]!.AsObject())).ToList(),
                body?.Key,
                body?.Value?["schema"]?.AsObject(),
                parameters.Any(p => (string?)p["name"] == "Idempotency-Key"));
        })).ToList();
}
