namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// What every part of a load shares: the seeded draws, the ids, the writer, and the count of rows per table.
/// Parts draw in a fixed order, so one seed always gives the same data.
/// </summary>
public sealed class ScaleLoad(ScaleSize size, int seed, BulkWriter writer, CancellationToken cancellationToken)
{
    /// <summary>The day the data is as of: workshops before it are held, reports of earlier years approved.</summary>
    public static readonly DateOnly AsOf = new(2025, 12, 31);

    public ScaleSize Size { get; } = size;
    public Random Random { get; } = new(seed);
    public ScaleIds Ids { get; } = new(seed);
    public SortedDictionary<string, long> Counts { get; } = new(StringComparer.Ordinal);

    public async Task WriteAsync(string table, string[] columns, IEnumerable<object?[]> rows)
    {
        var written = await writer.WriteAsync(table, columns, rows, cancellationToken);
        Counts[table] = Counts.GetValueOrDefault(table) + written;
    }

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>true with the given probability.</summary>
    public bool Chance(double probability) => Random.NextDouble() < probability;

    /// <summary>A day from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public DateOnly Day(DateOnly first, DateOnly last) => first.AddDays(Random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>A score out of 100 with two decimals.</summary>
    public decimal Score(int from, int to) => Random.Next(from * 100, to * 100 + 1) / 100m;
}
