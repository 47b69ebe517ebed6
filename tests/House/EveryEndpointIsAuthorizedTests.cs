using System.Net;
using System.Text;
using System.Text.Json;
using Integrity.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Integrity.Tests;

/// <summary>
/// No endpoint relies on the fallback policy by accident: each one names who may call it, or says it is
/// public, and the public ones are exactly those we chose. The app runs with a built client in place,
/// so that the client's fallback route is among the endpoints too.
/// </summary>
public sealed class EveryEndpointIsAuthorizedTests
{
    private const string ClientFallback = "client fallback";

    /// <summary>
    /// Answered without credentials; adding to this list is a decision, not an accident. (/health and
    /// /health/ready are answered by middleware before authentication, so they are no endpoints.)
    /// </summary>
    private static readonly string[] Public =
    [
        "POST /api/v1/auth/sign-in",
        "POST /api/v1/auth/sign-out",
        ClientFallback,
    ];

    private static readonly string[] KnownPolicies = [Policies.Administrators, Policies.Coordinators, Policies.Staff, Policies.Readers];

    private TestDatabase database = null!;
    private ApiFactory app = null!;
    private string clientFolder = null!;
    private List<RouteEndpoint> endpoints = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        clientFolder = Path.Combine(Path.GetTempPath(), $"integrity-client-{Guid.NewGuid():N}");
        Directory.CreateDirectory(clientFolder);
        await File.WriteAllTextAsync(Path.Combine(clientFolder, "index.html"), "<!doctype html><title>Integrity</title>");
        database = TestDatabase.Sqlite();
        app = new ApiFactory(database, new Dictionary<string, string?> { ["Client:Path"] = clientFolder });
        using var client = app.CreateClient();
        endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(clientFolder, recursive: true);
    }

    private static bool IsPublic(Endpoint endpoint) => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    /// <summary>"GET /api/v1/donors/{id:guid}"; "*" when the endpoint answers every method.</summary>
    private static string Describe(RouteEndpoint endpoint)
    {
        if (endpoint.DisplayName?.StartsWith("Fallback", StringComparison.Ordinal) == true) return ClientFallback;
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
        return $"{(methods.Count == 0 ? "*" : string.Join(",", methods))} /{endpoint.RoutePattern.RawText?.TrimStart('/')}";
    }

    [Test]
    public void The_app_has_the_endpoints_this_test_is_about()
    {
        var described = endpoints.Select(Describe).ToList();
        Assert.That(described, Has.Count.GreaterThanOrEqualTo(25));
        Assert.That(described, Is.SupersetOf(new[] { "GET /api/v1/programmes/{id:guid}", "POST /api/v1/api-tokens/{id:guid}/revoke", ClientFallback }));
    }

    [Test]
    public void Every_endpoint_names_a_policy_or_roles_or_is_explicitly_public()
    {
        var offending = endpoints.Where(endpoint => !IsPublic(endpoint))
            .Where(endpoint => !endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Any(rule => !string.IsNullOrWhiteSpace(rule.Policy) || !string.IsNullOrWhiteSpace(rule.Roles)))
            .Select(Describe).ToList();
        Assert.That(offending, Is.Empty,
            "These endpoints say neither who may call them (RequireAuthorization(Policies.…)) nor AllowAnonymous():\n" + string.Join("\n", offending));
    }

    [Test]
    public void Every_policy_an_endpoint_names_is_one_of_ours()
    {
        var unknown = endpoints
            .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Where(rule => rule.Policy is not null && !KnownPolicies.Contains(rule.Policy))
                .Select(rule => $"{Describe(endpoint)} names '{rule.Policy}'"))
            .ToList();
        Assert.That(unknown, Is.Empty, string.Join("\n", unknown));
    }

    [Test]
    public void The_public_endpoints_are_exactly_the_chosen_ones()
    {
        var open = endpoints.Where(IsPublic).Select(Describe).ToList();
        Assert.That(open, Is.EquivalentTo(Public), "Public endpoints:\n" + string.Join("\n", open));
    }

    [Test]
    public async Task Every_other_endpoint_answers_a_caller_without_credentials_401_problem()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        var called = 0;
        var failures = new List<string>();
        foreach (var endpoint in endpoints.Where(endpoint => !IsPublic(endpoint)))
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["GET"];
            foreach (var method in methods.Where(method => method is "GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), PathOf(endpoint.RoutePattern));
                if (method is not ("GET" or "DELETE")) request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                using var response = await client.SendAsync(request);
                called++;
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                    failures.Add($"{method} {request.RequestUri}: {(int)response.StatusCode} {body}");
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                         || JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32() != 401)
                    failures.Add($"{method} {request.RequestUri}: 401 but not a 401 problem: {response.Content.Headers.ContentType} {body}");
            }
        }
        Assert.That(called, Is.GreaterThanOrEqualTo(24), "endpoints called");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }

    /// <summary>A path the pattern matches: a fresh id for each id, a word for anything else.</summary>
    private static string PathOf(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter when pattern.ParameterPolicies.TryGetValue(parameter.Name, out var policies)
                                                      && policies.Any(policy => policy.Content == "guid") => Guid.CreateVersion7().ToString(),
            RoutePatternParameterPart => "x",
            _ => throw new InvalidOperationException($"Unexpected route part {part} in {pattern.RawText}"),
        }))));
}
