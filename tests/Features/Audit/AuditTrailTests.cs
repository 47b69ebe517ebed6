using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Integrity.Api.Data;
using Integrity.Api.Identity;

namespace Integrity.Tests;

/// <summary>Every command leaves one hash-chained entry; tampering with stored entries is detected.</summary>
public sealed class AuditTrailTests(string provider) : ApiOnEachDatabase(provider)
{
    private Task<JsonElement> VerifyAsync() => GetJsonAsync("/api/v1/audit/verify");

    private async Task<long> EntriesAsync() => Convert.ToInt64(await TestSql.ScalarAsync(App.Database, "SELECT count(*) FROM audit_entries"));

    [Test]
    public async Task Each_command_appends_one_entry_saying_who_did_what_to_which_record()
    {
        var before = await EntriesAsync();
        var code = UniqueCode("AUD");
        var id = await CreateAsync("/api/v1/donors", new { code, name = "Audited donor" });
        Assert.That((await PutAsync($"/api/v1/donors/{id}", new { code, name = "Audited donor, renamed" }, "\"1\"")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await ProblemAsync(await PutAsync($"/api/v1/donors/{id}", new { code, name = "stale" }, "\"1\""), 412);

        Assert.That(await EntriesAsync(), Is.EqualTo(before + 2), "a refused command leaves no entry");
        var useCases = await TestSql.ScalarAsync(App.Database,
            "SELECT min(use_case) || ' ' || max(use_case) || ' ' || min(actor) || ' ' || count(*) FROM audit_entries WHERE record_id = @id", ("id", id));
        Assert.That(useCases, Is.EqualTo($"RegisterDonor UpdateDonor {ApiFactory.AdminEmail} 2"));
        var changes = (string?)await TestSql.ScalarAsync(App.Database,
            "SELECT changes FROM audit_entries WHERE record_id = @id AND use_case = 'UpdateDonor'", ("id", id));
        Assert.That(changes, Does.Contain("Audited donor, renamed"));
    }

    [Test]
    public async Task The_trail_never_holds_a_password()
    {
        await CreateAsync("/api/v1/users", new { email = $"{Guid.NewGuid():N}@integrity.test", displayName = "Secretive", role = "trainer", password = "password-nobody-may-read" });
        using var client = App.AnonymousClient();
        await client.PostAsJsonAsync("/api/v1/auth/sign-in", new { email = "nobody@integrity.test", password = "password-nobody-may-read" });
        var leaks = await TestSql.ScalarAsync(App.Database, "SELECT count(*) FROM audit_entries WHERE changes LIKE '%password-nobody-may-read%'");
        Assert.That(Convert.ToInt64(leaks), Is.Zero);
    }

    [Test]
    public async Task An_intact_trail_verifies()
    {
        await CreateAsync("/api/v1/donors", new { code = UniqueCode("OK"), name = "Intact" });
        var verification = await VerifyAsync();
        Assert.Multiple(async () =>
        {
            Assert.That(verification.GetProperty("valid").GetBoolean(), Is.True, verification.ToString());
            Assert.That(verification.GetProperty("entries").GetInt64(), Is.EqualTo(await EntriesAsync()));
        });
    }

    [Test]
    public async Task Only_administrators_verify_the_trail()
    {
        var email = $"{Guid.NewGuid():N}@integrity.test";
        await CreateAsync("/api/v1/users", new { email, displayName = "Coordinator", role = "coordinator", password = "coordinator-password" });
        using var coordinator = await App.SignedInClientAsync(email, "coordinator-password");
        await ProblemAsync(await coordinator.GetAsync("/api/v1/audit/verify"), 403);
    }
}

/// <summary>Tampering needs a trail of its own: each test breaks it.</summary>
[TestFixtureSource(typeof(Databases), nameof(Databases.Names))]
public sealed class AuditTamperingTests(string provider)
{
    private async Task<(ApiFactory app, HttpClient admin, List<Guid> donors)> TrailOfFiveAsync()
    {
        var app = new ApiFactory(await Databases.CreateAsync(provider));
        var admin = await app.SignedInClientAsync();
        var donors = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var response = await admin.PostAsJsonAsync("/api/v1/donors", new { code = $"TAMPER-{i}", name = $"Donor {i}" });
            donors.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        return (app, admin, donors);
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient admin) => await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/verify");

    private static async Task<long> PositionOfAsync(ApiFactory app, Guid record) =>
        Convert.ToInt64(await TestSql.ScalarAsync(app.Database, "SELECT position FROM audit_entries WHERE record_id = @id", ("id", record)));

    [Test]
    public async Task Changing_a_stored_entry_is_detected_at_that_entry()
    {
        var (app, admin, donors) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        Assert.That((await VerifyAsync(admin)).GetProperty("valid").GetBoolean(), Is.True);
        var position = await PositionOfAsync(app, donors[2]);

        await TestSql.ExecuteAsync(app.Database, "UPDATE audit_entries SET actor = 'someone.else@integrity.test' WHERE position = @position", ("position", position));

        var verification = await VerifyAsync(admin);
        Assert.Multiple(() =>
        {
            Assert.That(verification.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(verification.GetProperty("firstBrokenPosition").GetInt64(), Is.EqualTo(position));
            Assert.That(verification.GetProperty("problem").GetString(), Does.Contain("changed"));
        });
        await app.Database.DisposeAsync();
    }

    [Test]
    public async Task Deleting_a_stored_entry_is_detected_where_it_was()
    {
        var (app, admin, donors) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        var position = await PositionOfAsync(app, donors[1]);

        await TestSql.ExecuteAsync(app.Database, "DELETE FROM audit_entries WHERE position = @position", ("position", position));

        var verification = await VerifyAsync(admin);
        Assert.Multiple(() =>
        {
            Assert.That(verification.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(verification.GetProperty("firstBrokenPosition").GetInt64(), Is.EqualTo(position));
            Assert.That(verification.GetProperty("problem").GetString(), Does.Contain("missing"));
        });
        await app.Database.DisposeAsync();
    }

    private const string Columns = "position, occurred_at, actor_id, actor, use_case, record_id, changes, previous_hash, hash, key_id";

    private DbSession Session(ApiFactory app) => new(new Database(SqlDialect.For(provider), app.Database.ConnectionString));

    private static async Task<long> LastPositionAsync(ApiFactory app) =>
        Convert.ToInt64(await TestSql.ScalarAsync(app.Database, "SELECT max(position) FROM audit_entries"));

    private static void AssertBrokenAt(JsonElement verification, long position, string problem)
    {
        Assert.Multiple(() =>
        {
            Assert.That(verification.GetProperty("valid").GetBoolean(), Is.False, verification.ToString());
            Assert.That(verification.GetProperty("firstBrokenPosition").GetInt64(), Is.EqualTo(position), verification.ToString());
            Assert.That(verification.GetProperty("problem").GetString(), Does.Contain(problem));
        });
    }

    /// <summary>What a database administrator without the key can do: rewrite entries from a position on, numbered and chained with plain SHA-256.</summary>
    private async Task RechainWithPlainSha256Async(ApiFactory app, long from, Func<AuditEntry, AuditEntry> rewrite, long to = long.MaxValue)
    {
        await using var session = Session(app);
        var entries = await session.QueryAsync<AuditEntry>($"SELECT {Columns} FROM audit_entries WHERE position >= @from AND position <= @to ORDER BY position",
            new { from, to }, CancellationToken.None);
        var previousHash = (string?)await session.QuerySingleOrDefaultAsync<string>("SELECT hash FROM audit_entries WHERE position = @position",
            new { position = from - 1 }, CancellationToken.None) ?? AuditTrail.Origin;
        await session.ExecuteAsync("DELETE FROM audit_entries WHERE position >= @from AND position <= @to", new { from, to }, CancellationToken.None);
        var position = from;
        foreach (var entry in entries)
        {
            var forged = rewrite(entry) with { Position = position++, PreviousHash = previousHash };
            forged = forged with { Hash = AuditTrail.PlainHash(forged) };
            await session.ExecuteAsync($"INSERT INTO audit_entries ({Columns}) VALUES (@Position, @OccurredAt, @ActorId, @Actor, @UseCase, @RecordId, @Changes, @PreviousHash, @Hash, @KeyId)",
                forged, CancellationToken.None);
            previousHash = forged.Hash;
        }
    }

    [Test]
    public async Task Rewriting_an_entry_and_rehashing_it_without_the_key_is_detected_at_that_entry()
    {
        var (app, admin, donors) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        var position = await PositionOfAsync(app, donors[0]);

        await RechainWithPlainSha256Async(app, position, entry => entry.Position == position ? entry with { Changes = "{\"code\":\"FORGED\"}" } : entry);

        AssertBrokenAt(await VerifyAsync(admin), position, "changed");
        await app.Database.DisposeAsync();
    }

    [Test]
    public async Task Deleting_the_last_entries_is_reported_where_they_were()
    {
        var (app, admin, _) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        var last = await LastPositionAsync(app);

        await TestSql.ExecuteAsync(app.Database, "DELETE FROM audit_entries WHERE position >= @position", ("position", last - 1));

        AssertBrokenAt(await VerifyAsync(admin), last - 1, "missing");
        await app.Database.DisposeAsync();
    }

    [Test]
    public async Task Deleting_a_middle_entry_then_renumbering_and_rehashing_with_SHA_256_is_reported_where_it_was()
    {
        var (app, admin, donors) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        var position = await PositionOfAsync(app, donors[2]);
        await TestSql.ExecuteAsync(app.Database, "DELETE FROM audit_entries WHERE position = @position", ("position", position));

        // The forger renumbers what follows and chains it again, as entries from before keys were chained.
        await RechainWithPlainSha256Async(app, position, entry => entry with { KeyId = null });

        AssertBrokenAt(await VerifyAsync(admin), position, "no key");
        await app.Database.DisposeAsync();
    }

    [Test]
    public async Task A_garbled_instant_is_a_broken_link_not_a_server_error()
    {
        var (app, admin, donors) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        var position = await PositionOfAsync(app, donors[3]);
        // SQLite keeps any text; a PostgreSQL timestamptz at least takes 'infinity'.
        var garbage = provider == "sqlite" ? "'not a time at all'" : "'infinity'";

        await TestSql.ExecuteAsync(app.Database, $"UPDATE audit_entries SET occurred_at = {garbage} WHERE position = @position", ("position", position));

        var response = await admin.GetAsync("/api/v1/audit/verify");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        AssertBrokenAt(await response.Content.ReadFromJsonAsync<JsonElement>(), position, "");
        await app.Database.DisposeAsync();
    }

    [Test]
    public async Task A_checkpoint_kept_by_an_auditor_detects_a_later_deletion_even_without_the_anchor()
    {
        var (app, admin, _) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        var checkpoint = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit/checkpoint");
        var position = checkpoint.GetProperty("position").GetInt64();
        Assert.That(position, Is.EqualTo(await LastPositionAsync(app)));

        // The auditor checks the signature with the public key alone: no secret needed.
        using (var publicKey = ECDsa.Create())
        {
            publicKey.ImportFromPem(checkpoint.GetProperty("publicKey").GetString());
            var signed = $"integrity-audit-checkpoint\n{position}\n{checkpoint.GetProperty("headHash").GetString()}\n" +
                         checkpoint.GetProperty("issuedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            Assert.That(publicKey.VerifyData(Encoding.UTF8.GetBytes(signed), Convert.FromBase64String(checkpoint.GetProperty("signature").GetString()!),
                HashAlgorithmName.SHA256), Is.True);
        }

        // Later the last two entries go, and so does the anchor (a server rebuilt from a backup, say).
        await TestSql.ExecuteAsync(app.Database, "DELETE FROM audit_entries WHERE position >= @position", ("position", position - 1));
        File.Delete(app.Database.AnchorPath);
        Assert.That((await VerifyAsync(admin)).GetProperty("valid").GetBoolean(), Is.True, "what is left chains without a gap");

        var againstCheckpoint = await admin.PostAsJsonAsync("/api/v1/audit/verify", checkpoint);
        Assert.That(againstCheckpoint.StatusCode, Is.EqualTo(HttpStatusCode.OK), await againstCheckpoint.Content.ReadAsStringAsync());
        AssertBrokenAt(await againstCheckpoint.Content.ReadFromJsonAsync<JsonElement>(), position - 1, "checkpoint");

        var altered = JsonNode.Parse(checkpoint.GetRawText())!;
        altered["position"] = position - 2;
        var refused = await admin.PostAsJsonAsync("/api/v1/audit/verify", altered);
        Assert.That((int)refused.StatusCode, Is.EqualTo(422), "a checkpoint altered by hand is not signed");
        await app.Database.DisposeAsync();
    }

    [Test]
    public async Task Entries_from_before_keys_still_verify_and_are_sealed_by_the_first_keyed_one()
    {
        var (app, admin, _) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        // The trail as an earlier version left it: entries chained with plain SHA-256, no key, no anchor.
        await RechainWithPlainSha256Async(app, 1, entry => entry with { KeyId = null });
        File.Delete(app.Database.AnchorPath);
        var legacy = await LastPositionAsync(app);
        Assert.That((await VerifyAsync(admin)).GetProperty("valid").GetBoolean(), Is.True);

        await admin.PostAsJsonAsync("/api/v1/donors", new { code = "AFTER-KEYS", name = "Keyed" });
        var verification = await VerifyAsync(admin);
        Assert.That(verification.GetProperty("valid").GetBoolean(), Is.True, verification.ToString());
        Assert.That(verification.GetProperty("entries").GetInt64(), Is.EqualTo(legacy + 1));

        // Rewriting an entry from before keys, and every plain hash after it, breaks the first keyed entry's link.
        await RechainWithPlainSha256Async(app, 2, entry => entry.Position == 2 ? entry with { Actor = "someone.else@integrity.test" } : entry, to: legacy);
        AssertBrokenAt(await VerifyAsync(admin), legacy + 1, "does not point");
        await app.Database.DisposeAsync();
    }

    [Test]
    public async Task A_committed_command_whose_entry_cannot_be_anchored_still_answers_as_committed()
    {
        // A folder where the anchor file should be: appending to it fails after the command has committed.
        var folder = Directory.CreateTempSubdirectory("integrity-anchor-");
        var app = new ApiFactory(await Databases.CreateAsync(provider), new Dictionary<string, string?> { ["Audit:AnchorPath"] = folder.FullName });
        await using var _ = app;
        using var admin = await app.SignedInClientAsync(); // signing in is a command too

        var created = await admin.PostAsJsonAsync("/api/v1/donors", new { code = "UNANCHORED", name = "Unanchored" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.That((await admin.GetAsync($"/api/v1/donors/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await VerifyAsync(admin)).GetProperty("valid").GetBoolean(), Is.True);
        await app.Database.DisposeAsync();
        folder.Delete(recursive: true);
    }
}
