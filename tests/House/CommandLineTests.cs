using System.Diagnostics;

namespace Integrity.Tests;

/// <summary>The api's command line: `migrate`, `users add`, `--help`.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int exitCode, string output)> RunApiAsync(string arguments, string? connectionString = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{typeof(Program).Assembly.Location}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (connectionString is not null) start.Environment["ConnectionStrings__Integrity"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Audit__KeyFile"] = TestAuditKey.Path;
        start.Environment["Audit__AnchorPath"] = Path.Combine(Path.GetTempPath(), $"integrity-test-anchor-{Guid.NewGuid():N}.log");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output + errors);
    }

    [Test]
    public async Task Migrate_applies_the_scripts_then_finds_nothing_to_do()
    {
        await using var database = TestDatabase.Sqlite();
        var first = await RunApiAsync("migrate", database.ConnectionString);
        var second = await RunApiAsync("migrate", database.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(first.exitCode, Is.Zero, first.output);
            Assert.That(first.output, Does.Contain("Applied 0001_reference_data.sql"));
            Assert.That(second.exitCode, Is.Zero, second.output);
            Assert.That(second.output, Does.Contain("The database is up to date."));
        });
    }

    [Test]
    public async Task Users_add_makes_an_account_that_can_sign_in_and_refuses_a_second_with_the_same_email()
    {
        await using var database = TestDatabase.Sqlite();
        var added = await RunApiAsync("users add --email first.admin@integrity.test --password first-admin-password --name \"First Admin\"", database.ConnectionString);
        var again = await RunApiAsync("users add --email FIRST.ADMIN@integrity.test --password first-admin-password", database.ConnectionString);
        var tooShort = await RunApiAsync("users add --email second@integrity.test --password short", database.ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(added.exitCode, Is.Zero, added.output);
            Assert.That(added.output, Does.Contain("Added administrator first.admin@integrity.test"));
            Assert.That(again.exitCode, Is.EqualTo(1), again.output);
            Assert.That(again.output, Does.Contain("exists already"));
            Assert.That(tooShort.exitCode, Is.EqualTo(1), tooShort.output);
            Assert.That(tooShort.output, Does.Contain("password"));
        });

        await using var app = new ApiFactory(database);
        using var client = await app.SignedInClientAsync("first.admin@integrity.test", "first-admin-password");
        Assert.That((await client.GetAsync("/api/v1/users")).IsSuccessStatusCode, Is.True, "an administrator");
    }

    [Test]
    public async Task Help_lists_the_commands_and_settings()
    {
        var (exitCode, output) = await RunApiAsync("--help");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(output, Does.Contain("migrate").And.Contain("users add").And.Contain("Database:Provider").And.Contain("Demo:Seed").And.Contain("Bootstrap:AdminEmail")
                .And.Contain("ConnectionStrings:IntegrityReports"));
        });
    }
}
