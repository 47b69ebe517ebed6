using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Reports;
using Integrity.Api.Features.Workshops;
using Integrity.Api.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Integrity.Api.Baselines;

/// <summary>
/// What the benchmarks compare the API with: the same SQL and the same JSON as a real endpoint, through plain ADO.NET
/// with no mediator, behaviors, validation or Dapper (for a round's scores, the plain aggregate over its answers). Behind the same authentication and roles (staff for the lists and
/// the workshop, coordinators for a round's scores, every reader for the progress report), so a ratio shows what the pipeline costs. Only with
/// <c>Benchmark:Baselines=true</c>, and never in the OpenAPI document.
/// </summary>
public static class BaselineEndpoints
{
    public static void MapBaselines(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Benchmark:Baselines", false)) return;
        var baseline = app.MapGroup("/bench/baseline").ExcludeFromDescription().RequireAuthorization(Policies.Staff);

        baseline.MapGet("/workshops", (Guid? programmeId, Guid? administrationId, DateOnly? from, DateOnly? to, string? status, string? kind,
                string? keyFactor, string? q, int? limit, string? cursor, Caller caller, Database database, HttpResponse response,
                IOptions<JsonOptions> json, CancellationToken ct) =>
            BaselineWorkshops.ListAsync(new ListWorkshops(programmeId, administrationId, from, to, status, kind, keyFactor, q, limit, cursor),
                caller, database, response, Writer(json), ct));

        baseline.MapGet("/workshops/{id:guid}", (Guid id, Caller caller, Database database, HttpResponse response, IOptions<JsonOptions> json,
                CancellationToken ct) =>
            BaselineWorkshop.GetAsync(id, caller, database, response, Writer(json), ct));

        baseline.MapGet("/participants", (string? q, Guid? administrationId, Guid? workshopId, string? sex, int? limit, string? cursor,
                Caller caller, Database database, HttpResponse response, IOptions<JsonOptions> json, CancellationToken ct) =>
            BaselineParticipants.ListAsync(new ListParticipants(q, administrationId, workshopId, sex, limit, cursor), caller, database, response,
                Writer(json), ct));

        var coordinators = app.MapGroup("/bench/baseline").ExcludeFromDescription().RequireAuthorization(Policies.Coordinators);
        coordinators.MapGet("/perception-surveys/{id:guid}/scores", (Guid id, string? by, Caller caller, Database database, IConfiguration configuration,
                HttpResponse response, IOptions<JsonOptions> json, CancellationToken ct) =>
            BaselinePerceptionScores.GetAsync(id, by, caller, database, SmallCounts.From(configuration), response, Writer(json), ct));

        // As the real report: every reader, donors included (for the programmes they fund); the handler's checks do the rest.
        var readers = app.MapGroup("/bench/baseline").ExcludeFromDescription().RequireAuthorization(Policies.Readers);
        readers.MapGet("/programmes/{id:guid}/reports/progress", (Guid id, DateOnly? from, DateOnly? to, string? groupBy, bool? includeUnapproved,
                Caller caller, Database database, IConfiguration configuration, HttpResponse response, IOptions<JsonOptions> json, CancellationToken ct) =>
            BaselineProgressReport.GetAsync(new GetProgressReport(id, from, to, groupBy, includeUnapproved ?? false), caller, database,
                SmallCounts.From(configuration), response, json.Value.SerializerOptions, ct));
    }

    /// <summary>The API's own escaping, so that both write the same bytes.</summary>
    private static JsonWriterOptions Writer(IOptions<JsonOptions> json) => new() { Encoder = json.Value.SerializerOptions.Encoder };
}
