using System.Diagnostics;
using Dapper;
using Integrity.Api.Data;
using Mediator;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// Fills an empty database with a programme portfolio of a given size, reproducibly from a seed: the reference
/// records, the accounts benchmarks use, the registry of officials, the training records, action plans and results
/// frameworks. Records go in through the database's bulk path (the API's use cases would take hours for a million
/// attendance records), in the shapes the use cases write; the accounts and the approvals of reports (which freeze
/// the figures donors read) go through the use cases.
/// </summary>
public static class ScaleData
{
    public sealed record Loaded(ScaleSize Size, int Seed, IReadOnlyDictionary<string, long> Counts, TimeSpan Elapsed,
        Guid LargestProgramme, string LargestProgrammeCode, string DonorToken);

    public static async Task<Loaded> LoadAsync(IServiceProvider services, ScaleSize size, int seed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var database = services.GetRequiredService<Database>();
        Dictionary<string, (string NameEn, string NameFr)> countries;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM programmes") > 0)
                throw new InvalidOperationException("The database already holds programmes: load scale data into an empty database.");
            countries = (await connection.QueryAsync<(string Code, string NameEn, string NameFr)>("SELECT code, name_en, name_fr FROM countries"))
                .ToDictionary(country => country.Code, country => (country.NameEn, country.NameFr));
        }

        await using var writer = await BulkWriter.OpenAsync(database, cancellationToken);
        var load = new ScaleLoad(size, seed, writer, cancellationToken);
        var portfolio = await ScalePortfolio.LoadAsync(load, countries);

        await using var scope = services.CreateAsyncScope();
        var (administrator, token) = await ScaleAccounts.AddAsync(scope.ServiceProvider.GetRequiredService<ISender>(), portfolio.DonorsByCode["NORAD"], cancellationToken);

        var participants = await ScalePeople.LoadAsync(load, portfolio);
        await ScaleTraining.LoadAsync(load, portfolio, participants);
        await ScaleActionPlans.LoadAsync(load, portfolio);
        var approvals = await ScaleResults.LoadAsync(load, portfolio, administrator);
        await writer.FinishAsync(cancellationToken);
        await ScaleResults.ApproveAsync(load, scope.ServiceProvider.GetRequiredService<ISender>(), approvals, cancellationToken);

        var largest = portfolio.Programmes[0];
        return new Loaded(size, seed, load.Counts, clock.Elapsed, largest.Id, largest.Code, token);
    }

    /// <summary>
    /// Gathers the planner's statistics of every table after a load, as a database in service has them: the live preview's
    /// plans are chosen with them (and must stay fast with them, see ComputedRule), not on a bulk load's empty statistics.
    /// </summary>
    public static async Task GatherStatisticsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var database = services.GetRequiredService<Database>();
        await using var connection = await database.OpenAsync(cancellationToken);
        // Text said so: Dapper takes a command of one word (ANALYZE) for a stored procedure's name.
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.GatherStatistics, commandTimeout: 0, commandType: System.Data.CommandType.Text,
            cancellationToken: cancellationToken));
    }
}
