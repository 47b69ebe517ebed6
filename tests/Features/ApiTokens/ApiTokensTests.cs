using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>Donors' API tokens: shown once, stored as a hash, read-only, scoped to the donor's programmes, revocable, expiring.</summary>
public sealed class ApiTokensTests(string provider) : ApiOnEachDatabase(provider)
{
    private Guid donorId;
    private Guid fundedProgramme;
    private Guid otherProgramme;

    [OneTimeSetUp]
    public async Task FundTwoProgrammes()
    {
        donorId = await CreateAsync("/api/v1/donors", new { code = UniqueCode("DON"), name = "Token donor" });
        var otherDonor = await CreateAsync("/api/v1/donors", new { code = UniqueCode("OTH"), name = "Other donor" });
        fundedProgramme = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("FUNDED"), name = "Funded", startsOn = "2024-01-01", endsOn = "2026-12-31", donorIds = new[] { donorId } });
        otherProgramme = await CreateAsync("/api/v1/programmes", new { code = UniqueCode("OTHER"), name = "Not funded", startsOn = "2024-01-01", endsOn = "2026-12-31", donorIds = new[] { otherDonor } });
    }

    private async Task<(Guid id, string token)> IssueAsync(string? expiresOn = null)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/api-tokens", new
        {
            donorId,
            name = "analyst script " + Guid.NewGuid().ToString("N")[..6],
            expiresOn = expiresOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90).ToString("yyyy-MM-dd"),
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (issued.GetProperty("id").GetGuid(), issued.GetProperty("token").GetString()!);
    }

    private HttpClient TokenClient(string token)
    {
        var client = App.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [Test]
    public async Task A_token_is_shown_once_and_stored_only_as_its_hash()
    {
        var (id, token) = await IssueAsync();
        Assert.That(token, Does.StartWith("itg_").And.Length.GreaterThan(40));
        var listed = await GetJsonAsync($"/api/v1/api-tokens?donorId={donorId}");
        Assert.That(listed.ToString(), Does.Not.Contain(token));
        Assert.That(listed.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetGuid()), Does.Contain(id));
        var stored = await TestSql.ScalarAsync(App.Database, "SELECT count(*) FROM api_tokens WHERE token_hash = @token", ("token", token));
        Assert.That(Convert.ToInt64(stored), Is.Zero, "the token itself is not in the database");
    }

    [Test]
    public async Task A_token_reads_its_donors_programmes_only_and_writes_nothing()
    {
        var (_, token) = await IssueAsync();
        using var donor = TokenClient(token);
        var programmes = await donor.GetFromJsonAsync<JsonElement>("/api/v1/programmes?limit=200");
        var ids = programmes.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.That(ids, Is.EqualTo(new[] { fundedProgramme }));
        Assert.That((await donor.GetAsync($"/api/v1/programmes/{otherProgramme}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        await ProblemAsync(await donor.PostAsJsonAsync("/api/v1/donors", new { code = UniqueCode("NO"), name = "nope" }), 403);
        await ProblemAsync(await donor.GetAsync("/api/v1/users"), 403);
        var me = await donor.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Multiple(() =>
        {
            Assert.That(me.GetProperty("role").GetString(), Is.EqualTo("donor"));
            Assert.That(me.GetProperty("donorId").GetGuid(), Is.EqualTo(donorId));
        });
    }

    [Test]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var (id, token) = await IssueAsync();
        using var donor = TokenClient(token);
        Assert.That((await donor.GetAsync("/api/v1/programmes")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await Client.PostAsync($"/api/v1/api-tokens/{id}/revoke", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Client.PostAsync($"/api/v1/api-tokens/{id}/revoke", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "again: no change");
        await ProblemAsync(await donor.GetAsync("/api/v1/programmes"), 401);
        await ProblemAsync(await Client.PostAsync($"/api/v1/api-tokens/{Guid.CreateVersion7()}/revoke", null), 404);
    }

    [Test]
    public async Task An_expired_or_unknown_token_is_refused()
    {
        var (id, token) = await IssueAsync();
        await TestSql.ExecuteAsync(App.Database, "UPDATE api_tokens SET expires_at = @past WHERE id = @id",
            ("past", Provider == "sqlite" ? "2020-01-01T00:00:00.0000000Z" : new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)), ("id", id));
        using var expired = TokenClient(token);
        await ProblemAsync(await expired.GetAsync("/api/v1/programmes"), 401);
        using var unknown = TokenClient("itg_" + new string('x', 43));
        await ProblemAsync(await unknown.GetAsync("/api/v1/programmes"), 401);
    }

    [Test]
    public async Task A_token_needs_a_known_donor_and_an_expiry_within_two_years()
    {
        var problem = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/api-tokens",
            new { donorId = Guid.CreateVersion7(), name = "x", expiresOn = "2020-01-01" }), 400);
        Assert.That(problem.GetProperty("errors").TryGetProperty("expiresOn", out _), Is.True, problem.ToString());
        var tooLong = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/api-tokens",
            new { donorId, name = "x", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(3).ToString("yyyy-MM-dd") }), 400);
        Assert.That(tooLong.GetProperty("errors").TryGetProperty("expiresOn", out _), Is.True);
        var unknownDonor = await ProblemAsync(await Client.PostAsJsonAsync("/api/v1/api-tokens",
            new { donorId = Guid.CreateVersion7(), name = "x", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd") }), 400);
        Assert.That(unknownDonor.GetProperty("errors").TryGetProperty("donorId", out _), Is.True);
    }
    private static HttpRequestMessage IssueRequest(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/api-tokens") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Test]
    public async Task A_retry_with_its_idempotency_key_answers_the_same_token_to_the_same_administrator_only()
    {
        var key = Guid.NewGuid().ToString();
        var name = "retried " + key;
        var body = new { donorId, name, expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd") };
        var first = await Client.SendAsync(IssueRequest(body, key));
        var retry = await Client.SendAsync(IssueRequest(body, key));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created), await first.Content.ReadAsStringAsync());
        var issued = await first.Content.ReadFromJsonAsync<JsonElement>();
        var replayed = await retry.Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("token").GetString()!;
        var named = (await AllPagesAsync($"/api/v1/api-tokens?donorId={donorId}", 200)).Count(t => t.GetProperty("name").GetString() == name);
        Assert.Multiple(() =>
        {
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.True);
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(replayed.GetProperty("id").GetGuid(), Is.EqualTo(issued.GetProperty("id").GetGuid()));
            Assert.That(replayed.GetProperty("token").GetString(), Is.EqualTo(token), "the lost answer is shown again to its caller");
            Assert.That(named, Is.EqualTo(1), "one token issued");
        });

        var stored = await TestSql.ScalarAsync(App.Database, "SELECT response_body FROM idempotent_requests WHERE idempotency_key = @key", ("key", key));
        Assert.That(stored as string, Is.Not.Null.And.Not.Contain(token), "the kept answer is encrypted: the token is not in the database");

        var email = $"{Guid.NewGuid():N}@integrity.test";
        await CreateAsync("/api/v1/users", new { email, displayName = "Other admin", role = "administrator", password = "other-admin-password" });
        using var other = await App.SignedInClientAsync(email, "other-admin-password");
        var theirs = await other.SendAsync(IssueRequest(body, key));
        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var theirToken = (await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(theirs.Headers.Contains("Idempotent-Replayed"), Is.False, "another administrator's same key is another request");
            Assert.That(theirToken, Is.Not.EqualTo(token));
        });
    }
}
