using Microsoft.Extensions.Caching.Memory;

namespace Integrity.Api.Features.Results;

/// <summary>
/// The figures of approval snapshots this instance has read, kept in memory: a snapshot never changes once taken (an
/// approval takes a new one, a return drops it), so what a donor's report read once serves every later report until it
/// is dropped, and a report then reads only the snapshots it has not seen. Each is kept under its report, hash and
/// whether all of its figures or only its administration's were read (<see cref="ApprovedFigures.ToldAsync"/>); the
/// memory is bounded by <c>Reporting:KeptSnapshotFigures</c> figures (default 500,000, about 80 MB), the least used
/// forgotten first. Nothing is shared between instances: each reads what it has not seen.
/// </summary>
public sealed class SnapshotFigures(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache kept = new(new MemoryCacheOptions
    {
        SizeLimit = configuration.GetValue("Reporting:KeptSnapshotFigures", 500_000),
    });

    /// <summary>The figures kept for the snapshot read as <paramref name="all"/> tells, if this instance has read them.</summary>
    public bool TryGet(ApprovedFigures.Snapshot snapshot, bool all, out IReadOnlyList<ApprovedFigure> figures) =>
        kept.TryGetValue(Key(snapshot, all), out figures!);

    public void Keep(ApprovedFigures.Snapshot snapshot, bool all, IReadOnlyList<ApprovedFigure> figures) =>
        kept.Set(Key(snapshot, all), figures, new MemoryCacheEntryOptions { Size = Math.Max(1, figures.Count), SlidingExpiration = TimeSpan.FromHours(1) });

    private static string Key(ApprovedFigures.Snapshot snapshot, bool all) => $"{snapshot.ReportId:N} {snapshot.Hash} {(all ? "all" : "own")}";

    public void Dispose() => kept.Dispose();
}
