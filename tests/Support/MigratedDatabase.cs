using Integrity.Api.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integrity.Tests;

/// <summary>A fixture on a throw-away database of its provider, migrated, without an API: for what the house builds beneath the endpoints.</summary>
public abstract class MigratedDatabase(string provider)
{
    private TestDatabase testDatabase = null!;

    protected string Provider => provider;
    protected Database Database { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task Migrate()
    {
        testDatabase = await Databases.CreateAsync(provider);
        Database = new Database(SqlDialect.For(provider), testDatabase.ConnectionString);
        new Migrator(Database, NullLogger<Migrator>.Instance).Migrate();
    }

    [OneTimeTearDown]
    public async Task Drop() => await testDatabase.DisposeAsync();
}
