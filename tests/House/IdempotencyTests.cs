using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integrity.Api.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Integrity.Tests;

/// <summary>A create retried with its Idempotency-Key never makes a second record.</summary>
public sealed class IdempotencyTests(string provider) : ApiOnEachDatabase(provider)
{
    private Task<HttpResponseMessage> PostAsync(object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/donors") { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return Client.SendAsync(request);
    }

    private async Task<int> DonorsNamedAsync(string name) =>
        (await AllPagesAsync($"/api/v1/donors?q={Uri.EscapeDataString(name)}", 200)).Count;

    [Test]
    public async Task A_retry_with_the_same_key_answers_the_first_reply_and_creates_nothing_more()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { code = UniqueCode("IDEM"), name = "Idempotent " + key };
        var first = await PostAsync(body, key);
        var retry = await PostAsync(body, key);
        Assert.Multiple(async () =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(retry.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(retry.Headers.ETag, Is.EqualTo(first.Headers.ETag));
            Assert.That(await retry.Content.ReadAsStringAsync(), Is.EqualTo(await first.Content.ReadAsStringAsync()));
            Assert.That(retry.Headers.Contains("Idempotent-Replayed"), Is.True);
            Assert.That(await DonorsNamedAsync("Idempotent " + key), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Keys_older_than_a_day_are_forgotten_and_the_same_key_is_then_a_new_request()
    {
        var (oldKey, recentKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        Assert.That((await PostAsync(new { code = UniqueCode("OLD"), name = "old " + oldKey }, oldKey)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await PostAsync(new { code = UniqueCode("NEW"), name = "recent " + recentKey }, recentKey)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        // As each database stores an instant (SQLite: ISO 8601 text in UTC).
        object storedTwoDaysAgo = Provider == "sqlite" ? twoDaysAgo.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : twoDaysAgo;
        await TestSql.ExecuteAsync(App.Database, "UPDATE idempotent_requests SET created_at = @at WHERE idempotency_key = @key", ("at", storedTwoDaysAgo), ("key", oldKey));

        var forgotten = await App.Services.GetRequiredService<IdempotencyKeysExpiry>().ForgetOldKeysAsync(CancellationToken.None);

        async Task<long> KeptAsync(string key) =>
            Convert.ToInt64(await TestSql.ScalarAsync(App.Database, "SELECT count(*) FROM idempotent_requests WHERE idempotency_key = @key", ("key", key)));
        Assert.Multiple(async () =>
        {
            Assert.That(forgotten, Is.EqualTo(1));
            Assert.That(await KeptAsync(oldKey), Is.Zero);
            Assert.That(await KeptAsync(recentKey), Is.EqualTo(1));
            // Forgotten: another body with the old key is a new create, not a 422.
            Assert.That((await PostAsync(new { code = UniqueCode("AGAIN"), name = "again " + oldKey }, oldKey)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        });
    }

    [Test]
    public async Task The_same_key_with_another_body_is_refused()
    {
        var key = Guid.NewGuid().ToString();
        Assert.That((await PostAsync(new { code = UniqueCode("IDEM"), name = "first " + key }, key)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await ProblemAsync(await PostAsync(new { code = UniqueCode("IDEM"), name = "second " + key }, key), 422);
        Assert.That(await DonorsNamedAsync("second " + key), Is.Zero);
    }

    [Test]
    public async Task A_failed_create_keeps_nothing_so_the_corrected_request_can_use_the_same_key()
    {
        var key = Guid.NewGuid().ToString();
        await ProblemAsync(await PostAsync(new { code = "has a space", name = "x" }, key), 400);
        Assert.That((await PostAsync(new { code = UniqueCode("FIXED"), name = "corrected " + key }, key)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    [Test]
    public async Task Parallel_retries_with_one_key_create_one_record()
    {
        var key = Guid.NewGuid().ToString();
        var body = new { code = UniqueCode("PAR"), name = "Parallel " + key };
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync(body, key)));
        var statuses = replies.Select(reply => (int)reply.StatusCode).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(statuses, Is.All.EqualTo(201), "a retry while the first runs waits for its reply: " + string.Join(", ", statuses));
            Assert.That(replies.Select(reply => reply.Headers.Location).Distinct().Count(), Is.EqualTo(1));
            Assert.That(await DonorsNamedAsync("Parallel " + key), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Keys_belong_to_their_caller()
    {
        var key = Guid.NewGuid().ToString();
        Assert.That((await PostAsync(new { code = UniqueCode("MINE"), name = "mine " + key }, key)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var email = $"{Guid.NewGuid():N}@integrity.test";
        await CreateAsync("/api/v1/users", new { email, displayName = "Other admin", role = "administrator", password = "other-admin-password" });
        using var other = await App.SignedInClientAsync(email, "other-admin-password");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/donors") { Content = JsonContent.Create(new { code = UniqueCode("THEIRS"), name = "theirs " + key }) };
        request.Headers.Add("Idempotency-Key", key);
        Assert.That((await other.SendAsync(request)).StatusCode, Is.EqualTo(HttpStatusCode.Created), "another caller's key does not collide");
    }

    [Test]
    public async Task An_overlong_key_is_a_bad_request()
    {
        await ProblemAsync(await PostAsync(new { code = UniqueCode("LONG"), name = "long" }, new string('k', 101)), 400);
    }
}
