namespace Integrity.Tests;

/// <summary>Says at the start and the end of the run which databases it covered.</summary>
[SetUpFixture]
public sealed class CoveredDatabases
{
    [OneTimeSetUp]
    [OneTimeTearDown]
    public void Report()
    {
        TestContext.Progress.WriteLine($"Databases covered by this run: {string.Join(", ", Databases.Names())}.");
        if (Databases.PostgresServer is null)
            TestContext.Progress.WriteLine(
                $"PostgreSQL NOT covered: set {Databases.PostgresVariable} to a connection string of a server where the user may create databases " +
                "(.ci/run starts one).");
    }
}
