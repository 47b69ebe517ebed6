using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Features.Auth;

public sealed record GetMe : IQuery<Me>;

/// <summary>Who the caller is and what their scope is, for the client to fit its screens to the role.</summary>
public sealed record Me
{
    /// <summary>The account's id; none for a donor's API token or an identity-provider user without an account here.</summary>
    public Guid? UserId { get; init; }
    /// <summary>The account's e-mail, or the API token's name.</summary>
    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    public required Role Role { get; init; }
    /// <summary>For donors: the donor they speak for.</summary>
    public Guid? DonorId { get; init; }
    /// <summary>Programmes the account is assigned to (coordinators and trainers).</summary>
    public required IReadOnlyList<Guid> ProgrammeIds { get; init; } = [];
    /// <summary>Administrations the account is assigned to (coordinators and trainers).</summary>
    public required IReadOnlyList<Guid> AdministrationIds { get; init; } = [];
}

public sealed class GetMeHandler(DbSession db, Caller caller) : IQueryHandler<GetMe, Me>
{
    private const string DisplayName = "SELECT display_name FROM users WHERE id = @id";
    private const string Programmes = "SELECT programme_id FROM user_programmes WHERE user_id = @id";
    private const string Administrations = "SELECT administration_id FROM user_administrations WHERE user_id = @id";

    public async ValueTask<Me> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var me = new Me
        {
            Name = caller.Actor,
            Role = caller.Role ?? throw new InvalidOperationException("GetMe needs a caller with a role; its endpoint requires one."),
            DonorId = caller.DonorId,
            ProgrammeIds = [],
            AdministrationIds = [],
        };
        if (caller.UserId is not { } id) return me;
        return me with
        {
            UserId = id,
            DisplayName = await db.QuerySingleOrDefaultAsync<string>(DisplayName, new { id }, cancellationToken),
            ProgrammeIds = await db.QueryAsync<Guid>(Programmes, new { id }, cancellationToken),
            AdministrationIds = await db.QueryAsync<Guid>(Administrations, new { id }, cancellationToken),
        };
    }
}
