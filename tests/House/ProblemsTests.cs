using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Integrity.Tests;

/// <summary>Bad input gets a 4xx problem that says what to do, never a 500; a fault of ours gets a 500 without internals.</summary>
public sealed class ProblemsTests(string provider) : ApiOnEachDatabase(provider)
{
    private static readonly string[] CreatePaths = ["/api/v1/donors", "/api/v1/programmes", "/api/v1/administrations"];

    [TestCaseSource(nameof(CreatePaths))]
    public async Task An_empty_object_to_a_create_endpoint_gets_field_errors(string path)
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync(path, new { }), 400);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Count(), Is.GreaterThanOrEqualTo(2), problem.ToString());
    }

    [TestCaseSource(nameof(CreatePaths))]
    public async Task Malformed_JSON_gets_a_bad_request_problem(string path)
    {
        var problem = await ProblemAsync(await Client.PostAsync(path, new StringContent("{\"code\": ", Encoding.UTF8, "application/json")), 400);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("JSON"));
    }

    [TestCaseSource(nameof(CreatePaths))]
    public async Task A_wrong_type_gets_a_bad_request_problem_naming_the_field(string path)
    {
        var problem = await ProblemAsync(await Client.PostAsync(path, new StringContent("{\"name\": 12, \"nameEn\": 12}", Encoding.UTF8, "application/json")), 400);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("$."));
    }

    [Test]
    public async Task A_field_the_operation_does_not_have_is_refused_by_name_and_nothing_is_made()
    {
        var code = UniqueCode("TYPO");
        var problem = await ProblemAsync(await Client.PostAsync("/api/v1/donors",
            new StringContent($"{{\"code\": \"{code}\", \"name\": \"Typo donor\", \"nmae\": \"Typo\"}}", Encoding.UTF8, "application/json")), 400);
        var donors = await (await Client.GetAsync($"/api/v1/donors?q={code}")).Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(problem.GetProperty("errors").GetProperty("nmae")[0].GetString(), Does.StartWith("This operation has no such field"), problem.ToString());
            Assert.That(problem.ToString(), Does.Not.Contain("Integrity.Api"), "no .NET type names");
            Assert.That(donors, Does.Not.Contain(code));
        });
    }

    [TestCaseSource(nameof(CreatePaths))]
    public async Task A_body_that_is_not_JSON_gets_unsupported_media_type(string path)
    {
        await ProblemAsync(await Client.PostAsync(path, new StringContent("code=X", Encoding.UTF8, "application/x-www-form-urlencoded")), 415);
    }

    [Test]
    public async Task A_caller_that_accepts_no_JSON_still_gets_problems_and_an_unknown_record_is_404_not_500()
    {
        foreach (var path in new[] { $"/api/v1/donors/{Guid.NewGuid()}", "/api/v1/no-such-thing", "/api/v1/donors?limit=0" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Accept.ParseAdd("image/png");
            var response = await Client.SendAsync(request);
            await ProblemAsync(response, path.Contains("limit") ? 400 : 404);
        }
    }

    [Test]
    public async Task Text_with_a_NUL_character_is_refused_as_that_fields_error_on_every_database()
    {
        var code = UniqueCode("NUL");
        var problem = await ProblemAsync(await Client.PostAsync("/api/v1/donors",
            new StringContent($"{{\"code\": \"{code}\", \"name\": \"Nor\\u0000ad\"}}", Encoding.UTF8, "application/json")), 400);
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(error => error.Name), Is.EqualTo(new[] { "name" }));
        Assert.That((await Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/donors?q={code}")).GetProperty("items").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_filter_with_a_NUL_character_is_a_bad_request_or_finds_nothing_never_a_500()
    {
        var response = await Client.GetAsync("/api/v1/modules?keyFactor=a%00b&q=x%00y");
        Assert.That((int)response.StatusCode, Is.AnyOf(200, 400), await response.Content.ReadAsStringAsync());
        if (response.StatusCode == HttpStatusCode.BadRequest) await ProblemAsync(response, 400);
    }

    [Test]
    public async Task An_unknown_API_path_is_a_not_found_problem()
    {
        var problem = await ProblemAsync(await Client.GetAsync("/api/v1/workshop-typo"), 404);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("/swagger"));
    }

    [Test]
    public async Task A_malformed_id_in_the_path_is_not_a_server_error()
    {
        var response = await Client.GetAsync("/api/v1/donors/not-a-guid");
        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("/api/v1/donors?limit=ten", "limit")]
    [TestCase("/api/v1/programmes?activeOn=29-11-2023", "activeOn")]
    [TestCase("/api/v1/programmes?donorId=42", "donorId")]
    public async Task A_malformed_query_value_is_a_field_error(string path, string field)
    {
        var problem = await ProblemAsync(await Client.GetAsync(path), 400);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
        Assert.That(problem.ToString(), Does.Not.Contain("Nullable"), "no .NET type names");
    }

    [Test]
    public async Task Field_errors_name_fields_as_clients_send_them()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/programmes", new { code = "P" }), 400);
        Assert.That(problem.GetProperty("errors").GetProperty("startsOn")[0].GetString(), Does.Contain("'startsOn'"));
    }

    [Test]
    public async Task Health_says_alive_and_ready()
    {
        Assert.That(await Client.GetStringAsync("/health"), Is.EqualTo("Healthy"));
        Assert.That(await Client.GetStringAsync("/health/ready"), Is.EqualTo("Healthy"));
    }
}

public sealed class ServerFaultTests
{
    [Test]
    public async Task A_fault_of_ours_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database);
        using var client = await app.SignedInClientAsync();
        Assert.That((await client.GetAsync("/api/v1/donors")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE donors";
            await drop.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync("/api/v1/donors");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(500));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body, Does.Contain("traceId"));
            Assert.That(body, Does.Not.Contain("SqliteException").And.Not.Contain(" at ").And.Not.Contain("no such table"));
        });
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the database itself still answers");
    }
}
