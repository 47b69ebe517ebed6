using System.Net;
using System.Net.Http.Json;

namespace Integrity.Tests;

/// <summary>The paths and bodies of the results framework's operations.</summary>
internal static class ResultsApi
{
    public static string Indicators(Guid programme) => $"/api/v1/programmes/{programme}/indicators";

    public static string Periods(Guid programme) => $"/api/v1/programmes/{programme}/periods";

    /// <summary>
    /// Moves an administration's report for a period (submit, approve, or return with a comment) as <paramref name="client"/>;
    /// anything but 200 fails the test.
    /// </summary>
    public static async Task MoveReportAsync(HttpClient client, Guid programme, Guid period, Guid administration, string transition, string? comment = null)
    {
        var response = await client.PostAsync($"{Periods(programme)}/{period}/administrations/{administration}/{transition}",
            comment is null ? null : JsonContent.Create(new { comment }));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{transition}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The administration's report for the period submitted, then approved.</summary>
    public static async Task ApproveReportAsync(HttpClient client, Guid programme, Guid period, Guid administration)
    {
        await MoveReportAsync(client, programme, period, administration, "submit");
        await MoveReportAsync(client, programme, period, administration, "approve");
    }

    public static string Values(Guid programme, Guid indicator, Guid? period = null) =>
        $"{Indicators(programme)}/{indicator}/values{(period is null ? "" : $"/{period}")}";

    public static object Indicator(string code, string measure = "unit", string[]? disaggregations = null, string? computedBy = null, bool ascending = true) => new
    {
        code, titleEn = $"Indicator {code}", titleFr = $"Indicateur {code}", unit = "officials", measure, ascending, disaggregations, computedBy,
    };
}
