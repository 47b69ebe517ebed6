using Dapper;
using Integrity.Api.Http;

namespace Integrity.Api.Identity;

/// <summary>
/// What each caller may see, as SQL conditions that queries add to their WHERE (never load-then-filter).
/// A null condition means no restriction (administrators). Coordinators and trainers see the
/// programmes they are assigned and those covering the administrations they are assigned, and the
/// administrations of both; a donor sees the programmes it funds and the administrations they cover.
/// Use with <see cref="Parameters"/>.
/// </summary>
public static class Scope
{
    private const string ProgrammesOfUser = """
        SELECT programme_id FROM user_programmes WHERE user_id = @scopeUserId
        UNION SELECT pa.programme_id FROM programme_administrations pa
              JOIN user_administrations ua ON ua.administration_id = pa.administration_id
              WHERE ua.user_id = @scopeUserId
        """;

    private const string AdministrationsOfUser = """
        SELECT administration_id FROM user_administrations WHERE user_id = @scopeUserId
        UNION SELECT pa.administration_id FROM programme_administrations pa
              JOIN user_programmes up ON up.programme_id = pa.programme_id
              WHERE up.user_id = @scopeUserId
        """;

    private const string ProgrammesOfDonor = "SELECT programme_id FROM programme_donors WHERE donor_id = @scopeDonorId";

    private const string AdministrationsOfDonor = """
        SELECT pa.administration_id FROM programme_administrations pa
        JOIN programme_donors pd ON pd.programme_id = pa.programme_id
        WHERE pd.donor_id = @scopeDonorId
        """;

    public static string? Programmes(Caller caller, string idColumn) => caller.Role switch
    {
        Role.Administrator => null,
        Role.Donor => $"{idColumn} IN ({ProgrammesOfDonor})",
        Role.Coordinator or Role.Trainer => $"{idColumn} IN ({ProgrammesOfUser})",
        _ => "1 = 0",
    };

    public static string? Administrations(Caller caller, string idColumn) => caller.Role switch
    {
        Role.Administrator => null,
        Role.Donor => $"{idColumn} IN ({AdministrationsOfDonor})",
        Role.Coordinator or Role.Trainer => $"{idColumn} IN ({AdministrationsOfUser})",
        _ => "1 = 0",
    };

    /// <summary>Donors are no one's personal data, but a donor's token sees only that donor.</summary>
    public static string? Donors(Caller caller, string idColumn) => caller.Role switch
    {
        Role.Donor => $"{idColumn} = @scopeDonorId",
        null => "1 = 0",
        _ => null,
    };

    /// <summary>The parameters the conditions use, added to a query's own.</summary>
    public static DynamicParameters Parameters(Caller caller, object? parameters = null)
    {
        var all = parameters as DynamicParameters ?? new DynamicParameters(parameters);
        all.Add("scopeUserId", caller.UserId);
        all.Add("scopeDonorId", caller.DonorId);
        return all;
    }

    /// <summary>" AND condition", or nothing when the caller is unrestricted.</summary>
    public static string And(string? condition) => condition is null ? "" : $" AND {condition}";
}
