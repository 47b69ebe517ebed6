using Dapper;
using Integrity.Api.Data;
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

    private const string WorkshopsOfTrainer = """
        SELECT s.workshop_id FROM sessions s
        JOIN session_trainers st ON st.session_id = s.id
        JOIN trainers t ON t.id = st.trainer_id
        WHERE t.user_id = @scopeUserId
        """;

    /// <summary>
    /// Workshops, for the alias of a <c>workshops</c> row: a coordinator's are those of its programmes or
    /// hosted by (or, for a regional event, including) its administrations; a trainer's are those where it
    /// delivers a session. Donors see workshops only as report figures.
    /// </summary>
    public static string? Workshops(Caller caller, string alias) => caller.Role switch
    {
        Role.Administrator => null,
        Role.Coordinator => $"""
            ({alias}.programme_id IN ({ProgrammesOfUser})
             OR {alias}.host_administration_id IN ({AdministrationsOfUser})
             OR {alias}.id IN (SELECT workshop_id FROM workshop_administrations WHERE administration_id IN ({AdministrationsOfUser})))
            """,
        Role.Trainer => $"{alias}.id IN ({WorkshopsOfTrainer})",
        _ => "1 = 0",
    };

    /// <summary>
    /// Participants (personal data), for the alias of a <c>participants</c> row: a coordinator sees those of
    /// its administrations and those enrolled in its workshops; a trainer those enrolled in its workshops.
    /// </summary>
    public static string? Participants(Caller caller, string alias) => caller.Role switch
    {
        Role.Administrator => null,
        Role.Coordinator => $"""
            ({alias}.administration_id IN ({AdministrationsOfUser})
             OR {alias}.id IN (SELECT e.participant_id FROM enrolments e JOIN workshops sw ON sw.id = e.workshop_id WHERE {Workshops(caller, "sw")}))
            """,
        Role.Trainer => $"{alias}.id IN (SELECT e.participant_id FROM enrolments e WHERE e.workshop_id IN ({WorkshopsOfTrainer}))",
        _ => "1 = 0",
    };

    /// <summary>
    /// Trainers (personal data), for the alias of a <c>trainers</c> row: coordinators see the WCO experts,
    /// the national trainers of their administrations and whoever delivers sessions in their workshops;
    /// a trainer sees itself and those it delivers workshops with.
    /// </summary>
    public static string? Trainers(Caller caller, string alias) => caller.Role switch
    {
        Role.Administrator => null,
        Role.Coordinator => $"""
            ({alias}.kind = 'wco_expert'
             OR {alias}.administration_id IN ({AdministrationsOfUser})
             OR {alias}.id IN (SELECT st.trainer_id FROM session_trainers st JOIN sessions ts ON ts.id = st.session_id
                               JOIN workshops tw ON tw.id = ts.workshop_id WHERE {Workshops(caller, "tw")}))
            """,
        Role.Trainer => $"""
            ({alias}.user_id = @scopeUserId
             OR {alias}.id IN (SELECT st.trainer_id FROM session_trainers st JOIN sessions ts ON ts.id = st.session_id
                               WHERE ts.workshop_id IN ({WorkshopsOfTrainer})))
            """,
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

    /// <summary>
    /// Whether the row of <paramref name="table"/> with this id exists and <paramref name="condition"/> (a scope
    /// condition on the alias <c>t</c>, such as <c>Scope.Programmes(caller, "t.id")</c>) lets the caller see it.
    /// </summary>
    public static async Task<bool> CoversAsync(DbSession db, Caller caller, string table, string? condition, Guid id, CancellationToken cancellationToken) =>
        (await db.QueryAsync<Guid>($"SELECT t.id FROM {table} t WHERE t.id = @id{And(condition)}", Parameters(caller, new { id }), cancellationToken)).Count == 1;

    /// <summary>Whether the programme exists and lies in the caller's scope.</summary>
    public static Task<bool> CoversProgrammeAsync(DbSession db, Caller caller, Guid id, CancellationToken cancellationToken) =>
        CoversAsync(db, caller, "programmes", Programmes(caller, "t.id"), id, cancellationToken);

    /// <summary>Whether the administration exists and lies in the caller's scope.</summary>
    public static Task<bool> CoversAdministrationAsync(DbSession db, Caller caller, Guid id, CancellationToken cancellationToken) =>
        CoversAsync(db, caller, "administrations", Administrations(caller, "t.id"), id, cancellationToken);

    /// <summary>" AND condition", or nothing when the caller is unrestricted.</summary>
    public static string And(string? condition) => condition is null ? "" : $" AND {condition}";
}
