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
    public static async Task<bool> CoversAsync(DbSession db, Caller caller, Guid workshopId, CancellationToken cancellationToken)
    {
        var found = await db.QueryAsync<Guid>($"SELECT w.id FROM workshops w WHERE w.id = @workshopId{Scope.And(Scope.Workshops(caller, "w"))}",
            Scope.Parameters(caller, new { workshopId }), cancellationToken);
        return found.Count == 1;
    }

    /// <summary>Allowed for the given roles when the workshop is in scope; 404 when it is not; 403 for other roles.</summary>
    public static async ValueTask<Access> CheckAsync(DbSession db, Caller caller, Guid workshopId, Role[] roles, CancellationToken cancellationToken)
    {
        if (caller.IsAdministrator) return Access.Allowed;
        if (caller.Role is not { } role || !roles.Contains(role)) return Access.Forbidden;
        return await CoversAsync(db, caller, workshopId, cancellationToken) ? Access.Allowed : Access.OutOfScope;
    }
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
