using Integrity.Api.Features.Results;
using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Reports;

/// <summary>GET /api/v1/programmes/{id}/reports/progress, mapped by <see cref="ReportsEndpoints.MapReports"/>.</summary>
public static class ProgressReportEndpoint
{
    private const string Description =
        "A programme's progress for its reporting periods overlapping [from, to] (both optional, ISO dates), as JSON (default), " +
        "CSV for scripts (`Accept: text/csv` or `format=csv`), an Excel workbook for readers (the xlsx `Accept` type or " +
        "`format=xlsx`) or a PDF to forward (`Accept: application/pdf` or `format=pdf`; see PDF below). Labels, names and the rule's text follow `Accept-Language` or `lang=en|fr` (which wins; any other " +
        "value is a 400); codes never change with the language.\n\n" +
        "JSON: one row per value in `values`, each dimension in its own field as a code (period, administrationId and " +
        "administration, its English name; region, a code; keyFactor, a code; sex; figure; indicator, a code; value; " +
        "suppressed); an empty dimension means all of it. `administrations`, `regions`, `keyFactors` and `indicators` name " +
        "the codes in English and French; `approvals` gives the state of every administration's report for every period.\n\n" +
        "CSV (UTF-8 with a BOM; stable columns, in this order, for scripts): `programme`, `period`, `starts_on`, `ends_on`, " +
        "`administration`, `region`, `key_factor`, `sex`, `figure`, `indicator`, `value`, `status`, `note` (the codes, as " +
        "in the JSON), then `administration_label`, `region_label`, `key_factor_label`, `sex_label`, `figure_label`, " +
        "`indicator_label` (code, title and unit) and `status_label`, the same in the reader's language (in a view that " +
        "splits a dimension, an empty one reads \"All …\"). The first row states the small-count rule (figure " +
        "`minimum_cell_size`, its value the threshold, status applied or not_applied, the rule as note), then a row per report " +
        "left out (its state as status), then the values (a withheld one empty, status suppressed).\n\n" +
        "Workbook: a read-me sheet (the programme, the first and last day covered, each period's approval and each " +
        "administration's report state, the small-count rule, what each sheet holds), then one sheet per view: the figures " +
        "grouped by `groupBy`, by administration, and key factor coverage (modules delivered per period and administration " +
        "covering each key factor). Headers, figures, indicators with their units, sexes and statuses are labels; values " +
        "are numbers and days dates; headers are bold and frozen, with filters. In the CSV and the workbook a text cell " +
        "starting with = + - @, a tab or a carriage return gets a leading apostrophe. Rows are written as they are produced.\n\n" +
        "Figures (read from the records in a preview; otherwise as each report's approval froze them, see below): those " +
        "of the computed rules listed below, exactly as the programme's computed indicators count them (GET " +
        "…/indicators/{indicatorId}/values), by sex where the rule answers by sex, and (unless grouped by period) by key " +
        "factor where it answers by key factor (`perception_favourable_percent`); `modules_delivered`, the sessions held in " +
        "the period of held workshops of the programme (each delivers a module), and (unless grouped by period) once per key " +
        "factor its module covers (key factors overlap: they need not add up to the total); `actions_due` and " +
        "`actions_done_on_time`, what `actions_done_on_time_percent` divides; and each indicator's `indicator_target` and " +
        "`indicator_actual` with their disaggregations, as entered or computed.\n\n" +
        "Sex: every figure by sex has three buckets, female, male and not_recorded (a participant whose sex is not recorded " +
        "counts there, never left out nor guessed), which add up to the figure's total; so do administrations and regions. " +
        "groupBy: `period` (default), one group per period; `administration`, each figure per period and administration (so " +
        "modules delivered by key factor and administration give each administration's key factor coverage); " +
        "`region`, administrations added up by their region code (indicators measured in units only); `keyFactor`, as period " +
        "with modules delivered by key factor. Every grouping also carries the programme's own indicator values (the total " +
        "and buckets of no administration, where targets are usually set) with the grouped dimension empty; no two rows " +
        "share every dimension.\n\n" +
        "Only periods approved for an administration are reported: figures of an administration whose report for the period " +
        "is not approved are left out, and `leftOut` (JSON) names each such report with its state; an indicator's " +
        "programme-wide values, and records of administrations the programme no longer covers, come only once the period is " +
        "approved for every administration (`fullyReported`); each period's `status` is approved, partly_approved or " +
        "not_approved (no figure of it is reported: none, rather than zeros). The figures of an approved report are those its " +
        "approval froze (its snapshot), never the live records: a correction made afterwards reaches the report only once the " +
        "report is returned and approved again (staff compare at …/drift); a report approved before approvals were frozen is " +
        "left out with the state approved_not_frozen until it is approved again. For donors, small counts are withheld " +
        "(`suppression`: the threshold `Reporting:MinimumCellSize`, default 5, and the rule): a figure counting, or summing over, " +
        "fewer people is null with `suppressed` true, and so is the next smallest bucket of the same total where it would " +
        "reveal it. Perception figures (perception_favourable_percent, key_factors_improved_percent and the actuals of " +
        "indicators they compute) reach donors only across at least `Reporting:MinimumAdministrations` administrations " +
        "(default 3): an administration's own is always null with `suppressed` true, and so is a region's, a key factor's or " +
        "a period's that fewer administrations contribute to (the rule says so); staff see every figure. Administrators and coordinators may preview everything, from the live records, with " +
        "`includeUnapproved=true`; a donor sending it gets 403. Donors (API token or account) for the programmes they fund, " +
        "administrators, and coordinators whose scope covers the programme; trainers 403; out of scope 404. No personal data: " +
        "only counts and sums. `indicators` (JSON) gives the code, titles (EN/FR), unit and measure of each indicator the rows " +
        "name.\n\n" +
        "PDF: a document in the reader's language (Accept-Language), its fonts embedded: a cover with the programme, its " +
        "donors, the periods covered and their status, who approved each administration's report and when (with the " +
        "SHA-256 of the figures the approval froze), and what is not approved yet; the headline figures by period with their " +
        "sex buckets; each indicator's target against its actual as bars; the key factor coverage grid (modules delivered " +
        "by key factor and host administration, the groupBy=administration rows added up over the periods); and the " +
        "small-count rule. A withheld figure reads \"suppressed\" and a period not reported a dash, never a zero. It holds " +
        "both views, so groupBy does not apply to it; from, to and includeUnapproved do (a preview says so on its cover).\n\n";

    /// <summary>The languages <c>lang</c> chooses from, as the request localisation reads it (Program.cs).</summary>
    private static readonly string[] Languages = ["en", "fr"];

    public static RouteGroupBuilder MapProgressReport(this RouteGroupBuilder programmes)
    {
        programmes.MapGet("/{id:guid}/reports/progress", async (Guid id, DateOnly? from, DateOnly? to, string? groupBy, bool? includeUnapproved,
                    string? format, string? lang, HttpRequest request, HttpResponse response, ISender sender, KeptReports kept, Caller caller,
                    CancellationToken ct) =>
                {
                    if (ProgressReportFormats.Negotiate(format, request) is not { } chosen)
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [Messages.ChooseOneOf.With("json, csv, xlsx, pdf")] });
                    if (lang is not null && !Languages.Contains(lang, StringComparer.OrdinalIgnoreCase))
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["lang"] = [Messages.ChooseOneOf.With(string.Join(", ", Languages))] });
                    var version = await ReportVersion.OfAsync(sender, includeUnapproved ?? false, GetReportVersion.For(request, nameof(GetProgressReport), id,
                        from, to, groupBy, exact: chosen is ProgressReportFormat.Json or ProgressReportFormat.Csv, byReader: chosen.ToString()), ct);
                    if (version?.NotModified(request, response) is { } notModified) return notModified;
                    if (chosen == ProgressReportFormat.Pdf)
                    {
                        var document = await sender.Send(new GetProgressReportDocument(id, from, to, includeUnapproved ?? false), ct);
                        version?.Tell(response);
                        return ProgressReportFormats.Result(document, ct);
                    }
                    var report = await kept.MadeAsync(version, caller,
                        async () => await sender.Send(new GetProgressReport(id, from, to, groupBy, includeUnapproved ?? false), ct));
                    version?.Tell(response);
                    return ProgressReportFormats.Result(report, chosen, ct);
                })
            .WithName(nameof(GetProgressReport))
            .RequireAuthorization(Policies.Readers)
            .WithSummary("Get a programme's progress report")
            .RequireRateLimiting(ReportQuota.PolicyName)
            .WithDescription(Description + ReportVersion.Described + ReportQuota.Described + ComputedRule.DefinitionList())
            // One response type per status: the CSV and workbook bodies are files of ProgressReport's values, the PDF a document of them (see the description).
            .Produces<ProgressReport>(StatusCodes.Status200OK, "application/json", ProgressReportFormats.Csv, ProgressReportFormats.Xlsx, ProgressReportFormats.Pdf)
            .ProducesValidationProblem()
            .ProducesGetProblems()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return programmes;
    }
}
