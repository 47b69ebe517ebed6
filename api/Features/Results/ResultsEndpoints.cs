namespace Integrity.Api.Features.Results;

public static class ResultsEndpoints
{
    public static RouteGroupBuilder MapResults(this RouteGroupBuilder api)
    {
        return api;
    }
}
