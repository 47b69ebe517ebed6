using Integrity.Api.Data;

namespace Integrity.Api.Features.Modules;

/// <summary>A training module of the catalogue with the key factors it covers; <c>version</c> is also sent as the ETag.</summary>
public sealed record ModuleDetails
{
    public required Guid Id { get; init; }
    /// <summary>Short unique code, e.g. <c>RAD-PRACTICE</c>.</summary>
    public required string Code { get; init; }
    public required string TitleEn { get; init; }
    public required string TitleFr { get; init; }
    /// <summary>How long it takes to deliver, in hours (e.g. <c>7.5</c>).</summary>
    public required decimal Hours { get; init; }
    /// <summary>The key factors of the Revised Arusha Declaration it covers, in code order (RAD-01…RAD-10).</summary>
    public required IReadOnlyList<string> KeyFactorCodes { get; init; } = [];
    /// <summary>Counts the changes to this module; send it back in If-Match to update it.</summary>
    public required int Version { get; init; }

    public const string Select = "SELECT id, code, title_en, title_fr, hours, version FROM modules";

    private const string KeyFactorsOf = """
        SELECT module_id, key_factor_code FROM module_key_factors
        WHERE {0}
        ORDER BY key_factor_code
        """;

    /// <summary>Adds their key factors to modules read with <see cref="Select"/>: one query for a whole page.</summary>
    public static async Task<IReadOnlyList<ModuleDetails>> WithKeyFactorsAsync(
        DbSession db, IReadOnlyList<ModuleDetails> modules, CancellationToken cancellationToken)
    {
        if (modules.Count == 0) return modules;
        var covered = (await db.QueryAsync<CoveredKeyFactor>(string.Format(KeyFactorsOf, db.Dialect.InIds("module_id", "ids")),
                new { ids = db.Dialect.Ids(modules.Select(module => module.Id)) }, cancellationToken))
            .ToLookup(link => link.ModuleId, link => link.KeyFactorCode);
        return modules.Select(module => module with { KeyFactorCodes = covered[module.Id].ToList() }).ToList();
    }

    private sealed record CoveredKeyFactor
    {
        public required Guid ModuleId { get; init; }
        public required string KeyFactorCode { get; init; }
    }
}
