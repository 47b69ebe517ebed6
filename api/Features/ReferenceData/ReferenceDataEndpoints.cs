using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.ReferenceData;

/// <summary>
/// Fixed reference lists, seeded by migrations. Each is small and answered whole: nextCursor is
/// always null, so clients can treat them like any other list.
/// </summary>
public static class ReferenceDataEndpoints
{
    public static RouteGroupBuilder MapReferenceData(this RouteGroupBuilder api)
    {
        api.MapGet("/key-factors", (ISender sender, CancellationToken ct) => sender.Send(new ListKeyFactors(), ct))
            .WithTags("Reference data")
            .WithName(nameof(ListKeyFactors))
            .WithSummary("List the key factors of the Revised Arusha Declaration")
            .WithDescription("The ten key factors RAD-01…RAD-10 in the Declaration's order, with English and French names.")
            .RequireAuthorization(Policies.Readers)
            .ProducesAccessProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        api.MapGet("/regions", (ISender sender, CancellationToken ct) => sender.Send(new ListRegions(), ct))
            .WithTags("Reference data")
            .WithName(nameof(ListRegions))
            .WithSummary("List the WCO regions")
            .WithDescription("The six WCO regions in the WCO's order, with English and French names.")
            .RequireAuthorization(Policies.Readers)
            .ProducesAccessProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        api.MapGet("/countries", (ISender sender, CancellationToken ct) => sender.Send(new ListCountries(), ct))
            .WithTags("Reference data")
            .WithName(nameof(ListCountries))
            .WithSummary("List countries")
            .WithDescription("Countries by ISO 3166-1 alpha-2 code, as in the IATI 2.03 Country codelist, with English and French names.")
            .RequireAuthorization(Policies.Readers)
            .ProducesAccessProblems()
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        return api;
    }
}
