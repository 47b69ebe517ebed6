using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;

namespace Integrity.Api.Features.Workshops;

/// <summary>A command about one workshop: its scope decides who may send it.</summary>
public interface IWorkshopCommand
{
    Guid WorkshopId { get; }
}

/// <summary>Whether a workshop lies in the caller's scope (see <see cref="Scope.Workshops"/>).</summary>
public static class WorkshopScope
{
    public static Task<bool> CoversAsync(DbSession db, Caller caller, Guid workshopId, CancellationToken cancellationToken) =>
        Scope.CoversAsync(db, caller, "workshops", Scope.Workshops(caller, "t"), workshopId, cancellationToken);

    /// <summary>Whether the workshop's programme, host and every administration taking part are all in the caller's scope.</summary>
    public static async Task<bool> KeepsPlacementAsync(DbSession db, Caller caller, Guid workshopId, CancellationToken cancellationToken) =>
        (await db.QueryAsync<Guid>($"""
            SELECT w.id FROM workshops w
            WHERE w.id = @id{Scope.And(Scope.Programmes(caller, "w.programme_id"))}{Scope.And(Scope.Administrations(caller, "w.host_administration_id"))}
              AND NOT EXISTS (SELECT 1 FROM workshop_administrations wa WHERE wa.workshop_id = w.id{Scope.And(Negate(Scope.Administrations(caller, "wa.administration_id")))})
            """, Scope.Parameters(caller, new { id = workshopId }), cancellationToken)).Count == 1;

    private static string? Negate(string? condition) => condition is null ? "1 = 0" : $"NOT ({condition})";

    /// <summary>Allowed for the given roles when the workshop is in scope; 404 when it is not; 403 for other roles.</summary>
    public static ValueTask<Access> CheckAsync(DbSession db, Caller caller, Guid workshopId, Role[] roles, CancellationToken cancellationToken) =>
        ScopedAccess.CheckAsync(caller, roles, () => CoversAsync(db, caller, workshopId, cancellationToken));
}

/// <summary>Planning a workshop: administrators, and coordinators whose scope covers it.</summary>
public abstract class WorkshopCoordinators<TCommand>(DbSession db) : IAccessRule<TCommand> where TCommand : IWorkshopCommand
{
    public ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken) =>
        WorkshopScope.CheckAsync(db, caller, command.WorkshopId, [Role.Coordinator], cancellationToken);
}

/// <summary>Running a workshop (participants, attendance, scores): also the trainers who deliver it.</summary>
public abstract class WorkshopStaff<TCommand>(DbSession db) : IAccessRule<TCommand> where TCommand : IWorkshopCommand
{
    public ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken) =>
        WorkshopScope.CheckAsync(db, caller, command.WorkshopId, [Role.Coordinator, Role.Trainer], cancellationToken);
}
