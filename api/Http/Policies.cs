using Microsoft.AspNetCore.Authorization;

namespace Integrity.Api.Http;

/// <summary>
/// Who may call an endpoint, by role. Every endpoint names one of these or is explicitly public;
/// scope (which programmes, which administrations) is then enforced in the pipeline and in SQL.
/// </summary>
public static class Policies
{
    /// <summary>Administrators only: accounts, tokens, reference records.</summary>
    public const string Administrators = nameof(Administrators);

    /// <summary>Administrators and coordinators.</summary>
    public const string Coordinators = nameof(Coordinators);

    /// <summary>People who run programmes: administrators, coordinators and trainers. Never donors.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Anyone signed in or holding a valid token, donors included; what they see is scoped.</summary>
    public const string Readers = nameof(Readers);

    public static AuthorizationBuilder AddIntegrityPolicies(this AuthorizationBuilder authorization) => authorization
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Administrators, policy => policy.RequireRole(Role.Administrator.Name()))
        .AddPolicy(Coordinators, policy => policy.RequireRole(Role.Administrator.Name(), Role.Coordinator.Name()))
        .AddPolicy(Staff, policy => policy.RequireRole(Role.Administrator.Name(), Role.Coordinator.Name(), Role.Trainer.Name()))
        .AddPolicy(Readers, policy => policy.RequireRole(Enum.GetValues<Role>().Select(Roles.Name).ToArray()));
}
