using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Trainers;

public static class TrainersEndpoints
{
    public static RouteGroupBuilder MapTrainers(this RouteGroupBuilder api)
    {
        return api;
    }
}
