using System.Security.Claims;
using System.Text.Json.Serialization;

namespace Integrity.Api.Http;

/// <summary>What a caller is allowed to be, as stored in <c>users.role</c> and sent in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Role>))]
public enum Role
{
    [JsonStringEnumMemberName("administrator")] Administrator,
    [JsonStringEnumMemberName("coordinator")] Coordinator,
    [JsonStringEnumMemberName("trainer")] Trainer,
    [JsonStringEnumMemberName("donor")] Donor,
}

public static class Roles
{
    public static string Name(this Role role) => role.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out Role role)
    {
        role = default;
        var match = Enum.GetValues<Role>().Where(candidate => string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (match.Count == 0) return false;
        role = match[0];
        return true;
    }
}

/// <summary>
/// Who sends the current request or command: a signed-in account, a donor's API token, or the
/// system itself (start-up seeding, the command line). Handlers scope their SQL by it.
/// </summary>
public sealed record Caller(Guid? UserId, string Actor, Role? Role, Guid? DonorId)
{
    public const string UserIdClaim = "sub";
    public const string DonorClaim = "donor";

    /// <summary>Start-up and command-line work: may do everything, is audited as "system".</summary>
    public static readonly Caller System = new(null, "system", Http.Role.Administrator, null);

    public static readonly Caller Anonymous = new(null, "anonymous", null, null);

    public bool IsAdministrator => Role == Http.Role.Administrator;

    public static Caller From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        Roles.TryParse(user.FindFirstValue(ClaimTypes.Role), out var role);
        return new Caller(
            Guid.TryParse(user.FindFirstValue(UserIdClaim), out var userId) ? userId : null,
            user.Identity.Name ?? "unknown",
            user.FindFirstValue(ClaimTypes.Role) is null ? null : role,
            Guid.TryParse(user.FindFirstValue(DonorClaim), out var donorId) ? donorId : null);
    }
}
