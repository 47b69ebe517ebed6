using Integrity.Api.Http;
using Microsoft.Extensions.Caching.Memory;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// Approved progress reports as made, kept in memory under their version (<see cref="ReportVersion"/>, which changes
/// with anything they are made of, the format and the language) and their caller: a donor's script asking daily for
/// the same report then costs the version's few small queries and the writing of the answer, not its making again. At
/// most <c>Reporting:KeptReports</c> (default 64), the least used forgotten first, each for 10 minutes unused. A
/// preview, made from the live records, has no version and is never kept.
/// </summary>
public sealed class KeptReports(IConfiguration configuration) : IDisposable
{
    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = configuration.GetValue("Reporting:KeptReports", 64) });

    public async Task<ProgressReport> MadeAsync(ReportVersion? version, Caller caller, Func<Task<ProgressReport>> make)
    {
        if (version is null) return await make();
        var key = (version.ETag, caller);
        if (kept.TryGetValue(key, out ProgressReport? known)) return known!;
        var made = await make();
        // Its rows once, rather than again for every answer that writes them.
        made = made with { Values = made.Values.ToList() };
        kept.Set(key, made, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return made;
    }

    public void Dispose() => kept.Dispose();
}
