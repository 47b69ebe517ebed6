using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Validators;
using Integrity.Api.Data;
using Integrity.Api.Features.ActionPlans;
using Integrity.Api.Features.Enrolments;
using Integrity.Api.Features.Results;
using Integrity.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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

    private List<RouteEndpoint> ApiEndpoints() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Where(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>() is not null).ToList();

    private JsonObject OperationNamed(string operationId) =>
        Operations().Single(o => (string?)o.operation["operationId"] == operationId).operation;

    [Test]
    public void The_document_declares_the_three_ways_in()
    {
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(schemes.Select(s => s.Key), Is.EquivalentTo(new[] { OpenApiSecurity.ApiToken, OpenApiSecurity.IdentityProvider, OpenApiSecurity.Session }));
            Assert.That((string?)schemes[OpenApiSecurity.ApiToken]!["type"], Is.EqualTo("http"));
            Assert.That((string?)schemes[OpenApiSecurity.ApiToken]!["scheme"], Is.EqualTo("bearer"));
            Assert.That((string?)schemes[OpenApiSecurity.ApiToken]!["description"], Does.Contain("itg_"));
            Assert.That((string?)schemes[OpenApiSecurity.IdentityProvider]!["scheme"], Is.EqualTo("bearer"));
            Assert.That((string?)schemes[OpenApiSecurity.IdentityProvider]!["bearerFormat"], Is.EqualTo("JWT"));
            Assert.That((string?)schemes[OpenApiSecurity.Session]!["type"], Is.EqualTo("apiKey"));
            Assert.That((string?)schemes[OpenApiSecurity.Session]!["in"], Is.EqualTo("cookie"));
            Assert.That((string?)schemes[OpenApiSecurity.Session]!["name"], Is.EqualTo(Integrity.Api.Identity.AuthenticationSetup.SessionCookie));
        });
    }

    /// <summary>
    /// Every operation says how to call it: the public endpoints (those the app lets in anonymously) with an explicit
    /// <c>security: []</c> and a description that says so, every other one with the schemes that can carry its caller.
    /// </summary>
    [Test]
    public void Every_operation_declares_its_security_and_only_the_public_ones_declare_none()
    {
        var publicIds = ApiEndpoints().Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).ToList();
        var declaredPublic = new List<string>();
        var schemes = document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).ToList();
        Assert.Multiple(() =>
        {
            foreach (var (name, operation) in Operations())
            {
                Assert.That(operation["security"], Is.Not.Null, $"{name} declares no security");
                var requirements = operation["security"]?.AsArray() ?? [];
                if (requirements.Count == 0)
                {
                    declaredPublic.Add((string)operation["operationId"]!);
                    Assert.That((string?)operation["description"], Does.Contain("Public"), $"{name} is public and should say so");
                }
                foreach (var requirement in requirements)
                    Assert.That(requirement!.AsObject().Select(r => r.Key), Is.Not.Empty.And.SubsetOf(schemes), name);
            }
            Assert.That(publicIds, Is.EquivalentTo(new[] { "SignIn", "SignOut" }));
            Assert.That(declaredPublic, Is.EquivalentTo(publicIds));
        });
    }

    private static IEnumerable<string> SchemesOf(JsonObject operation) =>
        operation["security"]!.AsArray().SelectMany(requirement => requirement!.AsObject().Select(r => r.Key));

    [TestCase("GetProgressReport", true)]
    [TestCase("ListProgrammes", true)]
    [TestCase("GetMe", true)]
    [TestCase("ListParticipants", false)]
    [TestCase("IssueApiToken", false)]
    [TestCase("RecordWorkshop", false)]
    public void An_api_token_is_offered_exactly_where_donors_are_let_in(string operationId, bool donors)
    {
        var schemes = SchemesOf(OperationNamed(operationId)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(schemes, Is.SupersetOf(new[] { OpenApiSecurity.Session, OpenApiSecurity.IdentityProvider }));
            Assert.That(schemes.Contains(OpenApiSecurity.ApiToken), Is.EqualTo(donors));
        });
    }

    private JsonObject PropertyOf(string schema, string property) =>
        document["components"]!["schemas"]![schema]!["properties"]![property]!.AsObject();

    [TestCase("RecordWorkshop", "title", "maxLength", 300)]
    [TestCase("RecordWorkshop", "outcomeNotes", "maxLength", 4000)]
    [TestCase("RegisterParticipant", "familyName", "maxLength", 140)]
    [TestCase("RegisterParticipant", "familyName", "minLength", 1)]
    [TestCase("RegisterParticipant", "staffNumber", "maxLength", 40)]
    [TestCase("RegisterParticipant", "email", "maxLength", 300)]
    [TestCase("AddUser", "password", "minLength", 12)]
    [TestCase("RecordProgressUpdate", "percentDone", "minimum", 0)]
    [TestCase("RecordProgressUpdate", "percentDone", "maximum", 100)]
    [TestCase("RecordProgressUpdate", "evidenceLinks", "maxItems", RecordProgressUpdateValidator.MaxLinks)]
    [TestCase("TakeAttendance", "entries", "maxItems", TakeAttendanceValidator.MaxEntries)]
    [TestCase("TakeAttendance", "entries", "minItems", 1)]
    [TestCase("RegisterModule", "hours", "maximum", 200)]
    [TestCase("RegisterModule", "keyFactorCodes", "minItems", 1)]
    public void A_validator_limit_is_in_the_schema(string schema, string property, string keyword, int value) =>
        Assert.That((decimal?)PropertyOf(schema, property)[keyword], Is.EqualTo(value), $"{schema}.{property} {keyword}");

    [Test]
    public void Patterns_emails_and_required_fields_come_from_the_validators()
    {
        Assert.Multiple(() =>
        {
            Assert.That((string?)PropertyOf("RecordWorkshop", "language")["pattern"], Is.EqualTo("^[a-z]{2}$"));
            Assert.That((string?)PropertyOf("RecordWorkshop", "keyFactorCodes")["items"]!["pattern"], Is.EqualTo("^RAD-(0[1-9]|10)$"));
            Assert.That((string?)PropertyOf("AddUser", "email")["format"], Is.EqualTo("email"));
            Assert.That((bool?)PropertyOf("RegisterModule", "hours")["exclusiveMinimum"], Is.True, "hours: more than 0");
            Assert.That(document["components"]!["schemas"]!["RecordProgressUpdate"]!["required"]!.AsArray().Select(n => (string?)n),
                Does.Contain("percentDone"));
        });
    }

    /// <summary>
    /// The generic check: every unconditional length and list-size rule of every registered validator of a request the
    /// document describes is in that request's schema, on the property the client sends (so a renamed field or a new
    /// rule that the document missed fails here).
    /// </summary>
    [Test]
    public void Every_length_and_list_size_a_validator_checks_is_in_the_schema()
    {
        var schemas = document["components"]!["schemas"]!.AsObject();
        var checkedLimits = 0;
        Assert.Multiple(() =>
        {
            foreach (var request in typeof(Program).Assembly.GetTypes().Where(type => schemas.ContainsKey(type.Name) && !type.IsGenericType))
            {
                if (app.Services.GetService(typeof(IValidator<>).MakeGenericType(request)) is not IValidator validator) continue;
                foreach (var rule in validator.CreateDescriptor().Rules.Where(rule => rule.PropertyName is not null))
                {
                    var property = JsonNamingPolicy.CamelCase.ConvertName(rule.PropertyName!);
                    var isEach = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
                    foreach (var component in rule.Components.Where(c => !c.HasCondition && !c.HasAsyncCondition))
                    {
                        var (keyword, limit) = component.Validator switch
                        {
                            ILengthValidator { Max: > 0 } length => ("maxLength", length.Max),
                            IMaximumCountValidator count => ("maxItems", count.Max),
                            _ => ("", 0),
                        };
                        if (keyword.Length == 0) continue;
                        var declared = schemas[request.Name]!["properties"]?[property];
                        Assert.That(declared, Is.Not.Null, $"{request.Name} has a rule on '{property}', which its schema does not have");
                        var limited = isEach ? declared?["items"] : declared;
                        Assert.That((int?)limited?[keyword], Is.EqualTo(limit), $"{request.Name}.{property}{(isEach ? "[]" : "")} {keyword}");
                        checkedLimits++;
                    }
                }
            }
        });
        Assert.That(checkedLimits, Is.GreaterThan(50), "limits compared");
    }

    /// <summary>An endpoint carrying rate limiting (sign-in today; any later one too) documents its 429 with Retry-After and the RateLimit headers.</summary>
    [Test]
    public void Every_rate_limited_operation_documents_429_with_its_headers()
    {
        var limited = ApiEndpoints().Where(endpoint => endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
            .Select(endpoint => endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).ToList();
        Assert.That(limited, Does.Contain("SignIn"));
        Assert.Multiple(() =>
        {
            foreach (var operationId in limited)
            {
                var tooMany = OperationNamed(operationId)["responses"]?["429"];
                Assert.That(tooMany, Is.Not.Null, $"{operationId} is rate limited but does not document 429");
                Assert.That(tooMany?["headers"]?.AsObject().Select(h => h.Key), Is.SupersetOf(new[] { "Retry-After", "RateLimit-Policy", "RateLimit" }), operationId);
                Assert.That(tooMany?["content"]?["application/problem+json"], Is.Not.Null, operationId);
            }
        });
    }

    /// <summary>Each example body is on its operation, as the API reads it, and passes the request's own validator.</summary>
    [Test]
    public void Every_example_is_on_its_operation_and_passes_its_validator()
    {
        var json = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        Assert.Multiple(() =>
        {
            foreach (var example in RequestExamples.InOrder)
            {
                var type = example.GetType();
                var operation = OperationNamed(type.Name);
                var shown = operation["requestBody"]?["content"]?["application/json"]?["example"];
                Assert.That(shown, Is.Not.Null, $"{type.Name} shows no example");
                Assert.That(shown?.Deserialize(type, json), Is.EqualTo(example).Using(new JsonRecordComparer(json)), type.Name);
                var validator = (IValidator)app.Services.GetRequiredService(typeof(IValidator<>).MakeGenericType(type));
                var result = validator.Validate(new ValidationContext<object>(example));
                Assert.That(result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"), Is.Empty, type.Name);
            }
        });
        Assert.That(RequestExamples.InOrder.Select(e => e.GetType().Name), Is.SupersetOf(new[] { "RecordWorkshop", "RegisterParticipant" }));
    }

    /// <summary>Records holding lists compare by reference; two of them are the same request when they serialise alike.</summary>
    private sealed class JsonRecordComparer(JsonSerializerOptions json) : IEqualityComparer<object>
    {
        public new bool Equals(object? x, object? y) => JsonSerializer.Serialize(x, json) == JsonSerializer.Serialize(y, json);
        public int GetHashCode(object obj) => 0;
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
