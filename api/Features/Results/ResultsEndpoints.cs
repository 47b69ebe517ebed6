using Integrity.Api.Http;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Integrity.Api.Features.Results;

/// <summary>A programme's results framework: its indicators with their targets and actuals, and its reporting periods.</summary>
public static class ResultsEndpoints
{
    public static RouteGroupBuilder MapResults(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/programmes/{id:guid}/indicators").WithTags("Results");

        indicators.MapPost("/", async (Guid id, DefineIndicator command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, $"/api/v1/programmes/{id}/indicators", await sender.Send(command with { ProgrammeId = id }, ct)))
            .WithName(nameof(DefineIndicator))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Define an indicator")
            .WithDescription("Adds an indicator to the programme's results framework: code (unique in the programme), titles, unit, " +
                             "measure (unit, percentage, nominal, ordinal, qualitative: IATI codes 1 to 5), direction, disaggregations " +
                             "(sex, administration, key_factor) and, for an indicator computed from the records, the rule (`computedBy`), " +
                             "whose measure it takes and whose breakdowns it may use. Administrators, and coordinators of the programme.\n\n" +
                             ComputedRule.DefinitionList())
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotency();

        indicators.MapGet("/", (Guid id, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListIndicators(id, limit, cursor), ct))
            .WithName(nameof(ListIndicators))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List a programme's indicators")
            .WithDescription("The programme's indicators by code, a page at a time.")
            .ProducesListProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        indicators.MapGet("/{indicatorId:guid}", async (Guid id, Guid indicatorId, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Versioned(response, await sender.Send(new GetIndicator(id, indicatorId), ct), indicator => indicator.Version))
            .WithName(nameof(GetIndicator))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get an indicator")
            .WithDescription("One indicator of the programme. The ETag carries its version.")
            .ProducesGetProblems();

        indicators.MapPut("/{indicatorId:guid}", async (Guid id, Guid indicatorId, UpdateIndicator command, ISender sender, HttpContext context,
                    CancellationToken ct) =>
                Responses.Updated(context.Response, await sender.Send(
                    command with { ProgrammeId = id, Id = indicatorId, ExpectedVersion = Versions.FromIfMatch(context.Request) }, ct)))
            .WithName(nameof(UpdateIndicator))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Update an indicator")
            .WithDescription("Replaces every field of an indicator, its disaggregations included. Once values are recorded for it, its " +
                             "measure and rule stay, and so does a disaggregation they use (409). Needs If-Match.")
            .ProducesUpdateProblems();

        indicators.MapGet("/{indicatorId:guid}/values", (Guid id, Guid indicatorId, ISender sender, CancellationToken ct) =>
                sender.Send(new ListIndicatorValues(id, indicatorId), ct))
            .WithName(nameof(ListIndicatorValues))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List an indicator's targets and actuals")
            .WithDescription("For every reporting period of the programme, in date order: the target, the actual and their breakdowns, " +
                             "with `version` (null while nothing is entered). A computed indicator's actuals are read from the records " +
                             "now, never stored, with a row for every bucket of each of its disaggregations, zeros included; its " +
                             "buckets by sex or by administration add up to the total. nextCursor is always null.")
            .ProducesGetProblems();

        indicators.MapGet("/{indicatorId:guid}/values/{periodId:guid}", async (Guid id, Guid indicatorId, Guid periodId, ISender sender,
                    HttpResponse response, CancellationToken ct) =>
                {
                    var values = await sender.Send(new GetIndicatorValues(id, indicatorId, periodId), ct);
                    if (values.Version is { } version) Versions.SetETag(response, version);
                    return TypedResults.Ok(values);
                })
            .WithName(nameof(GetIndicatorValues))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get an indicator's target and actual for a period")
            .WithDescription("As in the list, for one period. The ETag, once values are entered, is for If-Match when changing them.")
            .ProducesGetProblems();

        indicators.MapPut("/{indicatorId:guid}/values/{periodId:guid}", RecordValuesAsync)
            .WithName(nameof(RecordIndicatorValues))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Record an indicator's target and actual for a period")
            .WithDescription("Replaces what is entered for the period: target, actual, comments and `disaggregations`, a list of buckets " +
                             "{ sex?, administrationId?, keyFactorCode?, target?, actual? } by the indicator's disaggregations, each bucket " +
                             "once. For an indicator measured in units, a total and a full split (every sex; every administration the " +
                             "programme covers; or every pair) must add up (400). A computed indicator takes targets only; a qualitative " +
                             "one, comments only; a percentage lies between 0 and 100. Without If-Match it records the period's first " +
                             "values (201); after that it needs If-Match (204). A bucket of an administration whose report for the period " +
                             "is submitted or approved cannot change, nor the programme-wide values once every report is (409). " +
                             "Administrators, and coordinators of the programme for the administrations in their scope.")
            .ProducesUpdateProblems();

        return api.MapReportingPeriods();
    }

    private static async Task<Results<Created<RecordCreated>, NoContent>> RecordValuesAsync(Guid id, Guid indicatorId, Guid periodId,
        RecordIndicatorValues command, ISender sender, HttpContext context, CancellationToken ct)
    {
        int? expectedVersion = context.Request.Headers.IfMatch.Count == 0 ? null : Versions.FromIfMatch(context.Request);
        var recorded = await sender.Send(command with { ProgrammeId = id, IndicatorId = indicatorId, PeriodId = periodId, ExpectedVersion = expectedVersion }, ct);
        // As for an enrolment, the answer names what the caller addresses (the period) with the values' version.
        if (recorded.IsNew)
            return Responses.Created(context.Response, $"/api/v1/programmes/{id}/indicators/{indicatorId}/values", new RecordCreated(periodId, recorded.Version));
        return Responses.Updated(context.Response, recorded.Version);
    }

    /// <summary>A programme's reporting periods and each administration's report for them.</summary>
    private static RouteGroupBuilder MapReportingPeriods(this RouteGroupBuilder api)
    {
        var periods = api.MapGroup("/programmes/{id:guid}/periods").WithTags("Results");

        periods.MapPost("/", async (Guid id, DefineReportingPeriod command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, $"/api/v1/programmes/{id}/periods", await sender.Send(command with { ProgrammeId = id }, ct)))
            .WithName(nameof(DefineReportingPeriod))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Define a reporting period")
            .WithDescription("Adds a period (a year, a half-year…) to the programme: a label unique in the programme, within the " +
                             "programme's dates (400), overlapping none of its other periods (409). Administrators, and coordinators of the programme.")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithIdempotency();

        periods.MapGet("/", (Guid id, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListReportingPeriods(id, limit, cursor), ct))
            .WithName(nameof(ListReportingPeriods))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("List a programme's reporting periods")
            .WithDescription("The programme's periods in date order, a page at a time, each with the report of every administration in " +
                             "your scope the programme covers: state (in_progress, submitted, returned, approved), whether it locks the " +
                             "period, and who submitted, returned (with the comment) and approved it, when.")
            .ProducesListProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        periods.MapGet("/{periodId:guid}", async (Guid id, Guid periodId, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Versioned(response, await sender.Send(new GetReportingPeriod(id, periodId), ct), period => period.Version))
            .WithName(nameof(GetReportingPeriod))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Get a reporting period")
            .WithDescription("One period of the programme with each administration's report, as in the list.")
            .ProducesGetProblems();

        var report = periods.MapGroup("/{periodId:guid}/administrations/{administrationId:guid}");

        report.MapPost("/submit", (Guid id, Guid periodId, Guid administrationId, ISender sender, CancellationToken ct) =>
                sender.Send(new SubmitPeriodReport { ProgrammeId = id, PeriodId = periodId, AdministrationId = administrationId }, ct))
            .WithName(nameof(SubmitPeriodReport))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Submit an administration's report for a period")
            .WithDescription("Moves the report from in_progress or returned to submitted, recording who and when; the period is then " +
                             "locked for the administration: its indicator values, and the records the period covers. Any other state: " +
                             "409. Administrators, and coordinators whose scope covers the programme and the administration.")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        report.MapPost("/return", (Guid id, Guid periodId, Guid administrationId, ReturnPeriodReport command, ISender sender, CancellationToken ct) =>
                sender.Send(command with { ProgrammeId = id, PeriodId = periodId, AdministrationId = administrationId }, ct))
            .WithName(nameof(ReturnPeriodReport))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Return an administration's report for a period")
            .WithDescription("Sends a submitted or approved report back with a comment saying what to correct, recording who and when; the " +
                             "period opens again for the administration until it is submitted again. Returning an approved report (to reopen a " +
                             "period whose live figures drifted, see …/drift) drops the figures its approval froze: donors receive none of them " +
                             "until it is approved again. Any other state: 409. Administrators.")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        report.MapPost("/approve", (Guid id, Guid periodId, Guid administrationId, ISender sender, CancellationToken ct) =>
                sender.Send(new ApprovePeriodReport { ProgrammeId = id, PeriodId = periodId, AdministrationId = administrationId }, ct))
            .WithName(nameof(ApprovePeriodReport))
            .RequireAuthorization(Policies.Administrators)
            .WithSummary("Approve an administration's report for a period")
            .WithDescription("Approves a submitted report, recording who and when; the period stays locked for the administration, and " +
                             "the figures the report covers (every computed cell and indicator value of the administration, each breakdown) " +
                             "are frozen as the approval's snapshot: donors' reports and the IATI export read these, never the live records. " +
                             "The approval's audit entry carries the snapshot's SHA-256 (`snapshotHash`). Any other state: 409. Administrators.")
            .ProducesCommandProblems()
            .ProducesProblem(StatusCodes.Status404NotFound);

        report.MapGet("/drift", (Guid id, Guid periodId, Guid administrationId, ISender sender, CancellationToken ct) =>
                sender.Send(new GetReportDrift(id, periodId, administrationId), ct))
            .WithName(nameof(GetReportDrift))
            .RequireAuthorization(Policies.Coordinators)
            .WithSummary("Compare an approved report's figures with the live ones")
            .WithDescription("For an approved report: the hash of the figures its approval froze and of the same figures read from the " +
                             "records now, and each figure that changed since (approved and live value), so that a coordinator knows when " +
                             "to have the period reopened (returned, then approved again). 404 for a report that is not approved. " +
                             "Administrators, and coordinators whose scope covers the programme and the administration.")
            .ProducesGetProblems();

        return api;
    }
}
