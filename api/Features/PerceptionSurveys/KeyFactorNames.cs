using Integrity.Api.Data;
using Integrity.Api.Features.Reports;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>The key factors' English and French names that label scores, by code (a reference table of ten rows, read whole).</summary>
internal static class KeyFactorNames
{
    public static async Task<IReadOnlyDictionary<string, ReportedKeyFactor>> ReadAsync(DbSession db, CancellationToken cancellationToken) =>
        (await db.QueryAsync<ReportedKeyFactor>(GetProgressReportHandler.KeyFactors, null, cancellationToken))
        .ToDictionary(keyFactor => keyFactor.Code, StringComparer.Ordinal);
}
