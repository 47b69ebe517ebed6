using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Users;

public static class UsersEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Accounts").RequireAuthorization(Policies.Administrators);

        users.MapPost("/", async (AddUser command, ISender sender, HttpResponse response, CancellationToken ct) =>
                Responses.Created(response, "/api/v1/users", await sender.Send(command, ct)))
            .WithName(nameof(AddUser))
            .WithSummary("Add an account (administrators)")
            .WithDescription("Adds a person who signs in, with a role and, for coordinators and trainers, the programmes and " +
                             "administrations they work on. The e-mail must be unique.")
            .ProducesCommandProblems()
            .WithIdempotency();

        users.MapGet("/", (string? q, string? role, int? limit, string? cursor, ISender sender, CancellationToken ct) =>
                sender.Send(new ListUsers(q, role, limit, cursor), ct))
            .WithName(nameof(ListUsers))
            .WithSummary("List accounts (administrators)")
            .WithDescription("Accounts ordered by display name, a page at a time. `q` keeps those whose name or e-mail contains it, `role` those of one role.")
            .ProducesListProblems();

        users.MapGetRecord("/{id:guid}", nameof(GetUser), id => new GetUser(id), user => user.Version)
            .WithSummary("Get an account (administrators)")
            .WithDescription("One account with its scope. The ETag header carries its version, for If-Match when updating it.");

        users.MapUpdate<UpdateUser>("/{id:guid}", (command, id, version) => command with { Id = id, ExpectedVersion = version })
            .WithSummary("Update an account (administrators)")
            .WithDescription("Replaces an account's name, role, donor and scope; `newPassword` also resets and unlocks it. Needs If-Match.");

        return api;
    }
}
