using Integrity.Api.Data;
using Integrity.Api.Http;

namespace Integrity.Api.Features.Results;

/// <summary>What defining and updating an indicator both do: check its programme and code, and record its disaggregations.</summary>
internal static class IndicatorWrites
{
    private const string Programme = "SELECT id FROM programmes WHERE id = @programmeId";
    private const string HolderOfCode = "SELECT id FROM indicators WHERE programme_id = @programmeId AND code = @code";
    private const string Disaggregate = "INSERT INTO indicator_disaggregations (indicator_id, dimension) VALUES (@indicatorId, @dimension)";
    private const string Undisaggregate = "DELETE FROM indicator_disaggregations WHERE indicator_id = @indicatorId";

    public static async Task CheckAsync(DbSession db, Guid programmeId, IIndicatorFields indicator, Guid? except, CancellationToken cancellationToken)
    {
        if (await db.QuerySingleOrDefaultAsync<Guid?>(Programme, new { programmeId }, cancellationToken) is null)
            throw new NotFoundException("programme", programmeId);
        await db.RefuseDuplicateAsync(HolderOfCode, new { programmeId, code = indicator.Code }, except,
            $"Another indicator of this programme already has the code '{indicator.Code}'. Choose another code.", cancellationToken);
    }

    /// <summary>The parameters of the indicators row, and the version an update expects.</summary>
    public static object Row(Guid id, Guid programmeId, IIndicatorFields indicator, int? expectedVersion = null) => new
    {
        id,
        programmeId,
        code = indicator.Code,
        titleEn = indicator.TitleEn.Trim(),
        titleFr = indicator.TitleFr.Trim(),
        unit = indicator.Unit.Trim(),
        measure = DbEnum.Name(indicator.Measure!.Value),
        ascending = indicator.Ascending!.Value,
        computedBy = indicator.ComputedBy is { } rule ? DbEnum.Name(rule) : null,
        expectedVersion,
    };

    /// <summary>Replaces the indicator's disaggregations with those given.</summary>
    public static async Task DisaggregateAsync(DbSession db, Guid indicatorId, IIndicatorFields indicator, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(Undisaggregate, new { indicatorId }, cancellationToken);
        await db.ExecuteAsync(Disaggregate, (indicator.Disaggregations ?? [])
            .Select(dimension => new { indicatorId, dimension = DbEnum.Name(dimension) }).ToList(), cancellationToken);
    }
}
