using System.Globalization;

namespace Integrity.Tests;

/// <summary>
/// A reports replica (<c>ConnectionStrings:IntegrityReports</c>) that cannot be a copy of the primary stops the start, saying
/// what to do, in the language of the person starting it. Refused before any database is reached, so no server is needed.
/// </summary>
public sealed class ReportsReplicaSettingsTests
{
    [Test]
    public async Task A_reports_replica_beside_a_SQLite_file_is_refused()
    {
        await using var database = TestDatabase.Sqlite();
        await using var app = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:IntegrityReports"] = "Host=127.0.0.1;Port=5433;Username=integrity;Database=integrity",
        });
        var refusal = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
        Assert.That(refusal!.Message, Does.Contain("ConnectionStrings:IntegrityReports").And.Contain("sqlite").And.Contain("Remove"));
    }

    [Test]
    public async Task A_reports_replica_written_for_another_provider_is_refused_in_the_starters_language()
    {
        // Never reached: the refusal comes first.
        await using var database = new TestDatabase("postgres", "Host=127.0.0.1;Port=9;Username=postgres;Database=integrity", () => Task.CompletedTask);
        await using var app = new ApiFactory(database, new Dictionary<string, string?>
        {
            ["ConnectionStrings:IntegrityReports"] = "Server=reports;Database=integrity;Trusted_Connection=True;TrustServerCertificate=True",
        });
        var language = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("fr");
        try
        {
            var refusal = Assert.Throws<InvalidOperationException>(() => app.CreateClient());
            Assert.That(refusal!.Message, Does.Contain("ConnectionStrings:IntegrityReports n'est pas une chaîne de connexion postgres")
                .And.Contain("trusted_connection").IgnoreCase.And.Contain("retirez le paramètre"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = language;
        }
    }
}
