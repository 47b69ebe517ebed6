using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Identity;

namespace Integrity.Tests;

/// <summary>Every command leaves one hash-chained entry; tampering with stored entries is detected.</summary>
public sealed class AuditTrailTests(string provider) : ApiTests(provider)
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

    [Test]
    public async Task Rewriting_an_entry_and_its_hash_is_detected_by_the_next_entry()
    {
        var (app, admin, donors) = await TrailOfFiveAsync();
        await using var _ = app;
        using var __ = admin;
        var position = await PositionOfAsync(app, donors[0]);

        // A forger who rewrites an entry and recomputes its own hash still breaks the link from the next entry.
        await using (var session = new DbSession(new Database(SqlDialect.For(provider), app.Database.ConnectionString)))
        {
            var entry = await session.QuerySingleOrDefaultAsync<AuditEntry>(
                "SELECT position, occurred_at, actor_id, actor, use_case, record_id, changes, previous_hash, hash FROM audit_entries WHERE position = @position",
                new { position }, CancellationToken.None);
            var forged = entry! with { Changes = "{\"code\":\"FORGED\"}" };
            await session.ExecuteAsync("UPDATE audit_entries SET changes = @changes, hash = @hash WHERE position = @position",
                new { changes = forged.Changes, hash = AuditTrail.HashOf(forged), position }, CancellationToken.None);
        }

        var verification = await VerifyAsync(admin);
        Assert.Multiple(() =>
        {
            Assert.That(verification.GetProperty("valid").GetBoolean(), Is.False);
            Assert.That(verification.GetProperty("firstBrokenPosition").GetInt64(), Is.EqualTo(position + 1));
            Assert.That(verification.GetProperty("problem").GetString(), Does.Contain("does not point at the entry before it"));
        });
        await app.Database.DisposeAsync();
    }
}
