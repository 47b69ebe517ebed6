using Integrity.Api.Data;

namespace Integrity.Tests;

/// <summary>
/// Public ids are version 7 UUIDs: time-ordered. SQLite keeps them as lowercase text through a type
/// handler; the other databases as native uuids. Either way they must come back equal, and sort in
/// the order they were made.
/// </summary>
public sealed class GuidStorageTests(string provider) : ApiOnEachDatabase(provider)
{
    [Test]
    public async Task Ids_round_trip_and_sort_in_creation_order()
    {
        // One a millisecond apart, stamped explicitly: the clock itself may repeat or step back a millisecond under load.
        var start = DateTimeOffset.UtcNow;
        var made = Enumerable.Range(0, 20).Select(i => Guid.CreateVersion7(start.AddMilliseconds(i))).ToList();
        var database = new Database(SqlDialect.For(Provider), App.Database.ConnectionString);
        await using var session = new DbSession(database);
        foreach (var (id, index) in made.Select((id, index) => (id, index)))
            await session.ExecuteAsync("INSERT INTO donors (id, code, name, version) VALUES (@id, @code, @name, 1)",
                new { id, code = $"GUID-{index:D2}-{id:N}"[..30], name = "guid probe" }, CancellationToken.None);

        var read = await session.QueryAsync<Guid>("SELECT id FROM donors WHERE name = 'guid probe' ORDER BY id", null, CancellationToken.None);
        var one = await session.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM donors WHERE id = @id", new { id = made[7] }, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(made), "sorted by the database in the order they were made");
            Assert.That(one, Is.EqualTo(made[7]), "found by id");
        });
    }
}

public sealed class SqliteIdTextTests
{
    [Test]
    public async Task Sqlite_stores_ids_as_lowercase_text()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database);
        using var client = await app.SignedInClientAsync();
        var response = await client.PostAsync("/api/v1/donors", System.Net.Http.Json.JsonContent.Create(new { code = "TXT", name = "text id" }));
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("id").GetGuid();

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(id) || ' ' || id FROM donors WHERE code = 'TXT'";
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo($"text {id:D}"));
    }
}
