using Integrity.Api.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Integrity.Tests;

public sealed class MigrationsTests
{
    private static readonly string[] Providers = ["sqlite", "postgres", "sqlserver"];

    private static string MigrationsFolder(string provider) =>
        Path.Combine(RepositoryRoot.Path, "db-migrations", provider);

    [Test]
    public async Task A_migrated_SQLite_file_logs_ahead_so_readers_do_not_wait_for_writers()
    {
        await using var database = TestDatabase.Sqlite();
        new Migrator(new Database(new SqliteDialect(), database.ConnectionString), NullLogger<Migrator>.Instance).Migrate();
        Assert.That(await TestSql.ScalarAsync(database, "PRAGMA journal_mode"), Is.EqualTo("wal"));
    }

    [Test]
    public void Every_database_has_the_same_scripts()
    {
        var names = Providers.ToDictionary(provider => provider,
            provider => Directory.GetFiles(MigrationsFolder(provider), "*.sql").Select(Path.GetFileName).Order().ToList());
        Assert.That(names["sqlite"], Is.Not.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(names["postgres"], Is.EqualTo(names["sqlite"]));
            Assert.That(names["sqlserver"], Is.EqualTo(names["sqlite"]));
        });
    }

    [Test]
    public void The_api_embeds_every_script_of_every_database()
    {
        foreach (var provider in Providers)
        {
            var embedded = Migrator.Scripts(provider).Select(script => script.Name).ToList();
            var files = Directory.GetFiles(MigrationsFolder(provider), "*.sql").Select(Path.GetFileName).Order().ToList();
            Assert.That(embedded, Is.EqualTo(files), provider);
        }
    }

    [TestCaseSource(nameof(SqlServerScripts))]
    public void Every_SQL_Server_script_parses(string script)
    {
        var errors = SqlServerSyntax.Errors(File.ReadAllText(Path.Combine(MigrationsFolder("sqlserver"), script)));
        Assert.That(errors, Is.Empty);
    }

    private static IEnumerable<string> SqlServerScripts() =>
        Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "db-migrations", "sqlserver"), "*.sql").Select(Path.GetFileName).Order()!;

    [TestCaseSource(typeof(Databases), nameof(Databases.Names))]
    public async Task Migrating_twice_applies_every_script_once(string provider)
    {
        await using var database = await Databases.CreateAsync(provider);
        var migrator = new Migrator(new Database(SqlDialect.For(provider), database.ConnectionString), NullLogger<Migrator>.Instance);

        var first = migrator.Migrate();
        var second = migrator.Migrate();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(Migrator.Scripts(provider).Select(script => script.Name).ToList()));
            Assert.That(second, Is.Empty);
        });
    }
}
