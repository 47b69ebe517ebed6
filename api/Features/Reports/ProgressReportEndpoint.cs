using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Reports;

/// <summary>GET /api/v1/programmes/{id}/reports/progress, mapped by <see cref="ReportsEndpoints.MapReports"/>.</summary>
public static class ProgressReportEndpoint
{
    private const string Description =
        "A programme's progress for its reporting periods overlapping [from, to] (both optional, ISO dates), as JSON (default), " +
        "CSV (`Accept: text/csv` or `format=csv`) or an Excel workbook (the xlsx `Accept` type or `format=xlsx`). Every format " +
        "has the same rows, one per value, each dimension in its own column: programme, period (with its first and last day), " +
        "administration, region, key factor, sex, figure, indicator, value; an empty dimension means all of it. The CSV is " +
        "UTF-8 with a BOM; in the CSV and the workbook a text cell starting with = + - @, a tab or a carriage return gets a " +
        "leading apostrophe. Rows are written as they are produced.\n\n" +
        "Figures, a record counting in the period that contains its date, exactly as the programme's computed indicators " +
        "count them (GET …/indicators/{indicatorId}/values): `officials_trained`, distinct participants present or late at a " +
        "session held in the period of a held workshop of the programme (someone at two workshops once; absent, excused, " +
        "planned and cancelled not), by sex; `workshops_held`, held workshops and missions of every kind, by the day they end; " +
        "`participant_hours`, module hours of those sessions per participant present or late, by sex; `modules_delivered`, " +
        "those sessions (each delivers a module), and (unless grouped by period) once per key factor its module covers (key " +
        "factors overlap: they need not add up to the total); `accredited_national_trainers` at the period's end; " +
        "`cascade_sessions` delivered by national trainers the programme trained; `administrations_with_adopted_plan` (action " +
        "plans adopted); `actions_due`, `actions_done_on_time` and `actions_done_on_time_percent` (no percentage when none is " +
        "due); and each indicator's `indicator_target` and `indicator_actual` with their disaggregations, as entered or computed.\n\n" +
        "Sex: every figure by sex has three buckets, female, male and not_recorded (a participant whose sex is not recorded " +
        "counts there, never left out nor guessed), which add up to the figure's total; so do administrations and regions. " +
        "groupBy: `period` (default), one group per period; `administration`, each figure per period and administration (so " +
        "modules delivered by key factor and administration give each administration's key factor coverage); " +
        "`region`, administrations added up by their region code (indicators measured in units only); `keyFactor`, as period " +
        "with modules delivered by key factor.\n\n" +
        "Only periods approved for an administration are reported: figures of an administration whose report for the period " +
        "is not approved are left out, and `leftOut` (JSON) names each such report with its state; an indicator's " +
        "programme-wide values, and records of administrations the programme no longer covers, come only once the period is " +
        "approved for every administration (`fullyReported`). Administrators and coordinators may preview everything with " +
        "`includeUnapproved=true`; a donor sending it gets 403. Donors (API token or account) for the programmes they fund, " +
        "administrators, and coordinators whose scope covers the programme; trainers 403; out of scope 404. No personal data: " +
        "only counts and sums. `indicators` (JSON) gives the code, titles (EN/FR), unit and measure of each indicator the rows " +
        "name.";

    public static RouteGroupBuilder MapProgressReport(this RouteGroupBuilder programmes)
    {
        programmes.MapGet("/{id:guid}/reports/progress", async (Guid id, DateOnly? from, DateOnly? to, string? groupBy, bool? includeUnapproved,
                    string? format, HttpRequest request, ISender sender, CancellationToken ct) =>
                {
                    if (ProgressReportFormats.Negotiate(format, request) is not { } chosen)
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["Use one of json, csv, xlsx."] });
                    var report = await sender.Send(new GetProgressReport(id, from, to, groupBy, includeUnapproved ?? false), ct);
                    return ProgressReportFormats.Result(report, chosen, ct);
                })
            .WithName(nameof(GetProgressReport))
            .RequireAuthorization(Policies.Readers)
            .WithSummary("Get a programme's progress report")
            .WithDescription(Description)
            // One response type per status: the CSV and workbook bodies are files of ProgressReport's values (see the description).
            .Produces<ProgressReport>(StatusCodes.Status200OK, "application/json", ProgressReportFormats.Csv, ProgressReportFormats.Xlsx)
            .ProducesValidationProblem()
            .ProducesGetProblems();
        return programmes;
    }
}
