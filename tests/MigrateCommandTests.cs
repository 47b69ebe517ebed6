using System.Diagnostics;

namespace Integrity.Tests;

/// <summary>The api's command line: `migrate` applies the scripts and exits; `--help` says how to use it.</summary>
public sealed class MigrateCommandTests
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
    public async Task Help_lists_the_commands_and_settings()
    {
        var (exitCode, output) = await RunApiAsync("--help");
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero);
            Assert.That(output, Does.Contain("migrate").And.Contain("Database:Provider").And.Contain("Demo:Seed"));
        });
    }
}
