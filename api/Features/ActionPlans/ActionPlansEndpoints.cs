namespace Integrity.Api.Features.ActionPlans;

public static class ActionPlansEndpoints
{
    public static RouteGroupBuilder MapActionPlans(this RouteGroupBuilder api)
    {
        return api;
    }
}
