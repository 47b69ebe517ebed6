using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Participants;

public static class ParticipantsEndpoints
{
    public static RouteGroupBuilder MapParticipants(this RouteGroupBuilder api)
    {
        return api;
    }
}
