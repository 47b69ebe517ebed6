namespace Integrity.Tests;

/// <summary>The paths and bodies of the results framework's operations.</summary>
internal static class ResultsApi
{
    public static string Indicators(Guid programme) => $"/api/v1/programmes/{programme}/indicators";

    public static string Periods(Guid programme) => $"/api/v1/programmes/{programme}/periods";

    public static string Values(Guid programme, Guid indicator, Guid? period = null) =>
        $"{Indicators(programme)}/{indicator}/values{(period is null ? "" : $"/{period}")}";

    public static object Indicator(string code, string measure = "unit", string[]? disaggregations = null, string? computedBy = null, bool ascending = true) => new
    {
        code, titleEn = $"Indicator {code}", titleFr = $"Indicateur {code}", unit = "officials", measure, ascending, disaggregations, computedBy,
    };
}
