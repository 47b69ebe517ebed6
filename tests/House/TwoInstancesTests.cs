using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// Two API processes on one database, as two machines behind a load balancer: each has its own home folder, so only
/// the key ring kept in the database lets one read what the other protected.
/// </summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class TwoInstancesTests(string provider)
{
    [Test]
    public async Task A_session_and_a_kept_answer_of_one_instance_hold_on_the_other()
    {
        await using var database = await Databases.CreateAsync(provider);
        using var certificate = new DataProtectionCertificate();
        // One after the other: the first migrates and makes the first administrator, as a rolling start would.
        await using var first = await ApiProcess.StartAsync(database, certificate.Settings());
        await using var second = await ApiProcess.StartAsync(database, certificate.Settings());
        using var toFirst = first.Client();
        using var toSecond = second.Client();

        var signIn = await toFirst.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = ApiFactory.AdminEmail, password = ApiFactory.AdminPassword });
        Assert.That(signIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), await signIn.Content.ReadAsStringAsync());
        var cookie = ApiFactory.SessionCookie(signIn);

        var me = await SendAsync(toSecond, HttpMethod.Get, "/api/v1/auth/me", cookie);
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"the first instance's session on the second: {await me.Content.ReadAsStringAsync()}\n{second.Output}");

        var donor = await SendAsync(toFirst, HttpMethod.Post, "/api/v1/donors", cookie, new { code = $"TWO-{Guid.NewGuid():N}"[..12].ToUpperInvariant(), name = "Two instances" });
        Assert.That(donor.StatusCode, Is.EqualTo(HttpStatusCode.Created), await donor.Content.ReadAsStringAsync());
        var donorId = (await donor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A token's answer is kept encrypted with the key ring: the retry on the other instance must decrypt it.
        var key = Guid.NewGuid().ToString();
        var body = new { donorId, name = "Two instances dashboard", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6) };
        var issued = await SendAsync(toFirst, HttpMethod.Post, "/api/v1/api-tokens", cookie, body, key);
        var retried = await SendAsync(toSecond, HttpMethod.Post, "/api/v1/api-tokens", cookie, body, key);
        var issuedText = await issued.Content.ReadAsStringAsync();
        var retriedText = await retried.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(issued.StatusCode, Is.EqualTo(HttpStatusCode.Created), issuedText);
            Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"the retry on the second instance: {retriedText}\n{second.Output}");
            Assert.That(retried.Headers.Contains("Idempotent-Replayed"), Is.True, "answered from the first reply");
        });
        var (kept, replayed) = (JsonDocument.Parse(issuedText).RootElement, JsonDocument.Parse(retriedText).RootElement);
        Assert.Multiple(() =>
        {
            Assert.That(replayed.GetProperty("id").GetGuid(), Is.EqualTo(kept.GetProperty("id").GetGuid()));
            Assert.That(replayed.GetProperty("token").GetString(), Is.EqualTo(kept.GetProperty("token").GetString()));
        });

        // The shared keys are at rest encrypted with the certificate, not as the plain master key.
        var keys = Convert.ToInt64(await TestSql.ScalarAsync(database, "SELECT count(*) FROM data_protection_keys"));
        var plain = Convert.ToInt64(await TestSql.ScalarAsync(database, "SELECT count(*) FROM data_protection_keys WHERE xml NOT LIKE '%<EncryptedData%' OR xml LIKE '%<masterKey%'"));
        Assert.Multiple(() =>
        {
            Assert.That(keys, Is.GreaterThan(0));
            Assert.That(plain, Is.Zero);
        });
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string cookie, object? body = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }
}
