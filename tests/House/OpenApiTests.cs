using System.Text.Json;
using System.Text.Json.Nodes;
using Integrity.Api.Features.Results;

namespace Integrity.Tests;

/// <summary>
/// The OpenAPI document is the contract the client is generated from: every operation must be
/// named, summarised and say its problems, and the copy in client/openapi.json must be current.
/// </summary>
public sealed class OpenApiTests
{
    private const string UpdateVariable = "INTEGRITY_UPDATE_CONTRACT";
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private static readonly string ContractPath = Path.Combine(RepositoryRoot.Path, "client", "openapi.json");

    private TestDatabase database = null!;
    private ApiFactory app = null!;
    private JsonObject document = null!;

    [OneTimeSetUp]
    public async Task ReadDocument()
    {
        database = TestDatabase.Sqlite();
        app = new ApiFactory(database);
        using var client = app.CreateClient();
        document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    private IEnumerable<(string name, JsonObject operation)> Operations() =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => Methods.Contains(method.Key))
            .Select(method => ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!.AsObject())));

    [Test]
    public void Every_operation_has_an_id_a_summary_and_a_description()
    {
        var operations = Operations().ToList();
        Assert.That(operations, Has.Count.GreaterThanOrEqualTo(15));
        var ids = operations.Select(o => (string?)o.operation["operationId"]).ToList();
        Assert.Multiple(() =>
        {
            foreach (var (name, operation) in operations)
            {
                Assert.That((string?)operation["operationId"], Is.Not.Null.And.Not.Empty, name);
                Assert.That((string?)operation["summary"], Is.Not.Null.And.Not.Empty, name);
                Assert.That((string?)operation["description"], Is.Not.Null.And.Not.Empty, name);
            }
            Assert.That(ids, Is.Unique);
        });
    }

    /// <summary>
    /// Updates that need no version: taking attendance sets the status of each participant it is sent and
    /// nothing else, so two trainers marking different people never overwrite each other.
    /// </summary>
    private static readonly string[] Unversioned = ["PUT /api/v1/workshops/{id}/sessions/{sessionId}/attendance"];

    [Test]
    public void Every_operation_declares_its_problem_responses()
    {
        Assert.Multiple(() =>
        {
            foreach (var (name, operation) in Operations())
            {
                var responses = operation["responses"]!.AsObject();
                var problems = responses.Where(r => r.Key.StartsWith('4') || r.Key.StartsWith('5')).ToList();
                Assert.That(problems, Is.Not.Empty, $"{name} declares no error response");
                foreach (var problem in problems)
                    Assert.That(problem.Value!["content"]?["application/problem+json"], Is.Not.Null, $"{name} {problem.Key} is not problem+json");
                var method = name.Split(' ')[0];
                if (method is "PUT" or "PATCH" or "DELETE" && !Unversioned.Contains(name))
                    Assert.That(responses.Select(r => r.Key), Is.SupersetOf(new[] { "404", "412", "428" }), name);
                if (operation["requestBody"] is not null)
                    Assert.That(responses.Select(r => r.Key), Does.Contain("400"), $"{name} takes a body, so it can be invalid");
            }
        });
    }

    [TestCase("/api/v1/participants", "post")]
    [TestCase("/api/v1/participants/{id}", "put")]
    [TestCase("/api/v1/workshops/{id}/participants", "post")]
    public void A_likely_duplicate_is_a_documented_problem_with_its_candidates(string path, string method)
    {
        var conflict = document["paths"]![path]![method]!["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!;
        Assert.That((string?)conflict["$ref"], Is.EqualTo("#/components/schemas/LikelyDuplicateProblem"));
        var properties = document["components"]!["schemas"]!["LikelyDuplicateProblem"]!["properties"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(properties.Select(p => p.Key), Is.SupersetOf(new[] { "type", "title", "status", "detail", "candidatesOutsideScope" }));
            Assert.That((string?)properties["candidates"]!["items"]!["$ref"], Is.EqualTo("#/components/schemas/DuplicateCandidate"));
        });
    }

    /// <summary>A rule's definition is written once, on the rule; the operations that list the rules render it from there.</summary>
    [TestCase("DefineIndicator")]
    [TestCase("GetProgressReport")]
    public void The_operations_that_list_the_computed_rules_give_each_ones_definition(string operationId)
    {
        var description = (string?)Operations().Single(o => (string?)o.operation["operationId"] == operationId).operation["description"];
        Assert.Multiple(() =>
        {
            foreach (var rule in Enum.GetValues<IndicatorRule>())
                Assert.That(description, Does.Contain(ComputedRule.For(rule).Definition), $"{operationId}: {rule}");
        });
    }

    [Test]
    public async Task The_client_contract_is_the_current_document()
    {
        var current = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
            await File.WriteAllTextAsync(ContractPath, current);
        var checkedIn = File.Exists(ContractPath) ? await File.ReadAllTextAsync(ContractPath) : "";
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(checkedIn.Length == 0 ? "{}" : checkedIn), document), Is.True,
            "The API's OpenAPI document changed but client/openapi.json did not. Run `./integrity contract` " +
            "to update it and regenerate the client's types, then commit both.");
    }
}
