using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Workshops;

public static class WorkshopsEndpoints
{
    public static RouteGroupBuilder MapWorkshops(this RouteGroupBuilder api)
    {
        return api;
    }
}
