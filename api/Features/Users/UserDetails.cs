using Integrity.Api.Data;
using Integrity.Api.Http;

namespace Integrity.Api.Features.Users;

/// <summary>An account as administrators see it (never its password hash); <c>version</c> is also the ETag.</summary>
public sealed record UserDetails
{
    public required Guid Id { get; init; }
    public required string Email { get; init; }
    public required string DisplayName { get; init; }
    public required Role Role { get; init; }
    public Guid? DonorId { get; init; }
    /// <summary>Whether the account can sign in with a password (otherwise only through the identity provider).</summary>
    public required bool HasPassword { get; init; }
    /// <summary>Set while the account is locked after too many wrong passwords.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
    public required IReadOnlyList<Guid> ProgrammeIds { get; init; } = [];
    public required IReadOnlyList<Guid> AdministrationIds { get; init; } = [];
    public required int Version { get; init; }

    public const string Select = """
        SELECT id, email, display_name, role, donor_id,
               CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password, locked_until, version
        FROM users
        """;

    private const string ProgrammesOf = "SELECT user_id, programme_id AS id FROM user_programmes WHERE {0}";
    private const string AdministrationsOf = "SELECT user_id, administration_id AS id FROM user_administrations WHERE {0}";

    /// <summary>Adds their scope to accounts read with <see cref="Select"/>: two queries for a whole page.</summary>
    public static async Task<IReadOnlyList<UserDetails>> WithScopeAsync(DbSession db, IReadOnlyList<UserDetails> users, CancellationToken cancellationToken)
    {
        if (users.Count == 0) return users;
        var ofPage = db.Dialect.InIds("user_id", "ids");
        var ids = new { ids = db.Dialect.Ids(users.Select(user => user.Id)) };
        var programmes = (await db.QueryAsync<Assignment>(string.Format(ProgrammesOf, ofPage), ids, cancellationToken)).ToLookup(a => a.UserId, a => a.Id);
        var administrations = (await db.QueryAsync<Assignment>(string.Format(AdministrationsOf, ofPage), ids, cancellationToken)).ToLookup(a => a.UserId, a => a.Id);
        return users.Select(user => user with
        {
            ProgrammeIds = programmes[user.Id].ToList(),
            AdministrationIds = administrations[user.Id].ToList(),
        }).ToList();
    }

    private sealed record Assignment
    {
        public required Guid UserId { get; init; }
        public required Guid Id { get; init; }
    }
}
