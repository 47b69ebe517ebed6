using Integrity.Api.Http;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Reports;

/// <summary>What donors pull: a programme's reports.</summary>
public static class ReportsEndpoints
{
    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        var programmes = api.MapGroup("/programmes").WithTags("Reports");

        programmes.MapGet("/{id:guid}/iati", async (Guid id, bool? includeUnapproved, HttpRequest request, HttpResponse response, ISender sender,
                    CancellationToken ct) =>
                {
                    // The file's narratives are in both languages whatever the reader's, and it is XML only.
                    var version = await ReportVersion.OfAsync(sender, includeUnapproved ?? false,
                        GetReportVersion.For(request, nameof(ExportIati), id, null, null, null, exact: false, byReader: null) with { Dated = true }, ct);
                    if (version?.NotModified(request, response) is { } notModified) return notModified;
                    var export = await sender.Send(new ExportIati(id, includeUnapproved ?? false), ct);
                    if (export.File is not null) version?.Tell(response);
                    return Iati(export, ct);
                })
            .WithName(nameof(ExportIati))
            .RequireAuthorization(Policies.Readers)
            .RequireRateLimiting(ReportQuota.PolicyName)
            .WithSummary("Export a programme as an IATI 2.03 activity file")
            .WithDescription(
                "The programme as an IATI 2.03 activity file (`application/xml`, UTF-8), valid against iati-activities-schema.xsd: one " +
                "`iati-activity` per country project (the programme with one administration), identified `{reportingOrgRef}-{programme " +
                "code}-{country code}`. Each has the reporting organisation; titles and descriptions with English and French " +
                "narratives side by side wherever the records hold both (administrations, indicators; an indicator's unit in French " +
                "when it is a known one, such as officials, fonctionnaires); participating organisations (the funding donors, with their IATI identifier where it is " +
                "recorded, the WCO and the administration implementing); activity status (1 before the programme starts, 2 during, 3 " +
                "once it has ended) and dates (planned start and end; actual ones once past); recipient country; sector 15113 (DAC " +
                "5-digit, vocabulary 1); and a result per indicator whose figures belong to one administration (computed indicators, " +
                "and entered ones broken down by administration; programme-wide values and qualitative indicators are not in it), " +
                "with a period for each reporting period approved for that administration: targets and actuals for its bucket as " +
                "the approval froze them (in a preview, as entered or computed from the records now), with a `dimension` for sex " +
                "(female, male, not_recorded, which add up to the total) or key factor. For donors, the actuals the progress report " +
                "by administration withholds as small counts (fewer people than `Reporting:MinimumCellSize`, default 5) are left " +
                "out, and so are every actual of an indicator computed from perception surveys (an administration's perceptions " +
                "reach donors only pooled across `Reporting:MinimumAdministrations`, default 3), as the indicator's description " +
                "states. No personal data. " +
                "The WCO's identifier, names and type come from configuration: `Iati:ReportingOrgRef` (default `XI-IATI-WCO`, a " +
                "placeholder to replace with the identifier registered with IATI: outside the Development environment a server still " +
                "set to it answers 422 saying what to set), `Iati:ReportingOrgName` (`World Customs " +
                "Organization`), `Iati:ReportingOrgNameFr` (`Organisation mondiale des douanes`), `Iati:ReportingOrgType` (`40`, " +
                "multilateral). " +
                "Donors (API token or account) for the programmes they fund, administrators, and coordinators for the administrations " +
                "in their scope; trainers 403; out of scope 404. `includeUnapproved=true` previews every period whatever its " +
                "report's state, for administrators and coordinators; a donor asking for it gets 403. Where the records lack what a " +
                "valid file needs (a programme covering no administration, a misconfigured reporting organisation), 422 with " +
                "`missing`: each record, what it lacks and what to do.\n\n" + ReportVersion.Described + ReportQuota.Described)
            .Produces<string>(StatusCodes.Status200OK, IatiActivitiesXml.MediaType)
            .ProducesValidationProblem()
            .ProducesGetProblems()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        programmes.MapProgressReport();

        return api;
    }

    /// <summary>The file, streamed; or 422 naming each record that lacks what the file needs, so that no invalid file is ever sent.</summary>
    private static IResult Iati(IatiExport export, CancellationToken ct) => export.File is { } file
        ? TypedResults.Stream(body => IatiActivitiesXml.WriteAsync(body, file, ct), $"{IatiActivitiesXml.MediaType}; charset=utf-8",
            $"{file.Programme.Code}-iati-activities.xml")
        : TypedResults.Problem(
            detail: Messages.IatiInvalid.With(string.Join(" ", export.Missing.Select(missing => Messages.IatiMissing.With(missing.Record, missing.Lacks, missing.Remedy)))),
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: Messages.TitleIatiDataMissing,
            extensions: new Dictionary<string, object?> { ["missing"] = export.Missing });
}
