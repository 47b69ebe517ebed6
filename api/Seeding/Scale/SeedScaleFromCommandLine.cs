using System.Globalization;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// <c>seed-scale --scale small|medium|large [--seed 42]</c>: loads scale data into the configured (empty) database,
/// gathers the planner's statistics, then prints what it wrote, the accounts, and <c>INTEGRITY_BENCH_…=</c> lines a script can evaluate.
/// </summary>
public static class SeedScaleFromCommandLine
{
    public static readonly string Usage = $"seed-scale --scale {ScaleSize.Names} [--seed 42]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var scale = ScaleSize.Named(Option(args, "--scale"));
        var seedText = Option(args, "--seed") ?? "42";
        if (scale is null || !int.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
        {
            Console.Error.WriteLine($"Usage: dotnet run --project api -- {Usage}");
            return 2;
        }
        try
        {
            var loaded = await ScaleData.LoadAsync(services, scale, seed, CancellationToken.None);
            await ScaleData.GatherStatisticsAsync(services, CancellationToken.None);
            Console.WriteLine($"Loaded scale {scale.Name} (seed {seed}) in {loaded.Elapsed.TotalSeconds:F1} s:");
            foreach (var (table, count) in loaded.Counts) Console.WriteLine($"  {table,-28} {count,10:N0}");
            Console.WriteLine($"Administrator: {ScaleAccounts.AdministratorEmail} / {ScaleAccounts.Password}");
            Console.WriteLine($"Donor (Norad): {ScaleAccounts.DonorEmail} / {ScaleAccounts.Password}, API token {loaded.DonorToken}");
            Console.WriteLine($"Largest programme: {loaded.LargestProgrammeCode} {loaded.LargestProgramme}");
            Console.WriteLine($"INTEGRITY_BENCH_PROGRAMME={loaded.LargestProgramme}");
            Console.WriteLine($"INTEGRITY_BENCH_TOKEN={loaded.DonorToken}");
            return 0;
        }
        catch (InvalidOperationException error)
        {
            Console.Error.WriteLine(error.Message);
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
