using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integrity.Api.Features.Administrations;
using Integrity.Api.Features.Donors;
using Integrity.Api.Features.Enrolments;
using Integrity.Api.Features.Programmes;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;

namespace Integrity.Tests;

/// <summary>
/// The OpenAPI document tried against the API it describes, as a donor would in Swagger UI: every example body, sent as
/// shown (its placeholder ids swapped for the records the examples before it created), is created; and an API token
/// is let in exactly where the document offers it.
/// </summary>
public sealed class OpenApiTriedOutTests(string provider) : ApiOnEachDatabase(provider)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>Which placeholder the record an example creates stands for.</summary>
    private static readonly Dictionary<Type, Guid> Creates = new()
    {
        [typeof(RegisterDonor)] = RequestExamples.Ids.Norad,
        [typeof(RegisterAdministration)] = RequestExamples.Ids.BurkinaFasoCustoms,
        [typeof(RegisterProgramme)] = RequestExamples.Ids.Acip,
        [typeof(RecordWorkshop)] = RequestExamples.Ids.OuagadougouWorkshop,
    };

    /// <summary>The record an example's path names (<c>{id}</c>), for the examples sent under another record.</summary>
    private static readonly Dictionary<Type, Guid> Under = new()
    {
        [typeof(EnrolParticipant)] = RequestExamples.Ids.OuagadougouWorkshop,
    };

    private JsonObject document = null!;

    [OneTimeSetUp]
    public async Task ReadDocument() =>
        document = JsonNode.Parse(await Client.GetStringAsync(OpenApi.DocumentPath))!.AsObject();

    private IEnumerable<(string path, string method, JsonObject operation)> Operations() =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(method => Methods.Contains(method.Key))
            .Select(method => (path.Key, method.Key, method.Value!.AsObject())));

    [Test]
    public async Task Every_example_body_sent_as_shown_is_created()
    {
        var real = new Dictionary<Guid, Guid>();
        foreach (var example in RequestExamples.InOrder)
        {
            var type = example.GetType();
            var (path, method, operation) = Operations().Single(o => (string?)o.operation["operationId"] == type.Name);
            var shown = operation["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();
            var body = real.Aggregate(shown, (text, id) => text.Replace(id.Key.ToString(), id.Value.ToString()));
            if (Under.TryGetValue(type, out var owner)) path = path.Replace("{id}", real[owner].ToString());
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var response = await Client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"{type.Name} {body}: {await response.Content.ReadAsStringAsync()}");
            if (Creates.TryGetValue(type, out var placeholder))
                real[placeholder] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }
        Assert.That(real.Keys, Is.EquivalentTo(RequestExamples.Ids.All), "every placeholder stood for a record an example created");
        var workshop = await GetJsonAsync($"/api/v1/workshops/{real[RequestExamples.Ids.OuagadougouWorkshop]}");
        Assert.That(workshop.GetProperty("city").GetString(), Is.EqualTo("Ouagadougou"));
    }

    /// <summary>
    /// A donor's API token on every operation: where the document offers the apiToken scheme it gets past authorization
    /// (whatever the record or input then says), and where it does not the answer is 403.
    /// </summary>
    [Test]
    public async Task An_api_token_is_let_in_exactly_where_the_document_offers_it()
    {
        using var donor = await TrainingAccounts.DonorTokenClientAsync(App, Client);
        var offered = 0;
        var failures = new List<string>();
        foreach (var (path, method, operation) in Operations())
        {
            var requirements = operation["security"]!.AsArray();
            if (requirements.Count == 0) continue;
            var offersToken = requirements.Any(r => r!.AsObject().ContainsKey(OpenApiSecurity.ApiToken));
            using var request = new HttpRequestMessage(new HttpMethod(method), System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", _ => Guid.CreateVersion7().ToString()));
            // In a type the operation accepts: another is refused (415) by routing, before authorization is asked.
            var accepted = operation["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault() ?? "application/json";
            if (method is not ("get" or "delete")) request.Content = new StringContent("{}", Encoding.UTF8, accepted);
            using var response = await donor.SendAsync(request);
            var status = (int)response.StatusCode;
            if (offersToken) offered++;
            if (offersToken ? status is 401 or 403 : status != 403)
                failures.Add($"{method.ToUpperInvariant()} {path}: {status}, though the document {(offersToken ? "offers" : "does not offer")} the API token");
        }
        Assert.That(offered, Is.GreaterThanOrEqualTo(10), "operations offering the API token");
        Assert.That(failures, Is.Empty, string.Join("\n", failures));
    }
}
