using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>A fixture that runs its tests once per database, on a fresh database and app.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public abstract class ApiOnEachDatabase(string provider)
{
    protected ApiFactory App { get; private set; } = null!;
    protected HttpClient Client { get; private set; } = null!;
    protected string Provider => provider;
    /// <summary>The app's configuration beyond the defaults, if a fixture needs any.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        App = new ApiFactory(await Databases.CreateAsync(provider), Settings);
        Client = await App.SignedInClientAsync();
    }

    [OneTimeTearDown]
    public async Task StopApp()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await App.Database.DisposeAsync();
    }

    /// <summary>A code no other test uses, so tests sharing a database never collide.</summary>
    protected static string UniqueCode(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();

    protected async Task<Guid> CreateAsync(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body);
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("id").GetGuid();
    }

    protected Task<HttpResponseMessage> PutAsync(string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return Client.SendAsync(request);
    }

    protected async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Client.GetAsync(path);
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Reads a problem response, checking that it is one (RFC 9457) with the expected status.</summary>
    protected static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        });
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(status));
        return problem;
    }

    /// <summary>Walks a list through its cursors and returns every item.</summary>
    protected async Task<List<JsonElement>> AllPagesAsync(string path, int limit)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?') ? '&' : '?';
            var page = await GetJsonAsync($"{path}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.That(pageItems, Has.Count.LessThanOrEqualTo(limit));
            items.AddRange(pageItems);
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        } while (cursor is not null);
        return items;
    }
}
