namespace Integrity.Tests;

/// <summary>
/// The databases the suite runs against: SQLite always, PostgreSQL when INTEGRITY_TEST_POSTGRES holds
/// a connection string to a server where the user may create databases. Each fixture gets a new,
/// empty database of its own, dropped afterwards.
/// </summary>
public static class Databases
{
    public const string PostgresVariable = "INTEGRITY_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The providers to run every database fixture with (NUnit's TestFixtureSource).</summary>
    public static IEnumerable<string> Names()
    {
        yield return "sqlite";
        if (PostgresServer is not null) yield return "postgres";
    }

    public static async Task<TestDatabase> CreateAsync(string provider) => provider switch
    {
        "sqlite" => TestDatabase.Sqlite(),
        "postgres" => await TestDatabase.PostgresAsync(PostgresServer!),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown test database."),
    };
}
