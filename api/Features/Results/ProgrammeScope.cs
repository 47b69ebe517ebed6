using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;

namespace Integrity.Api.Features.Results;

/// <summary>A command about one programme's results framework: the programme's scope decides who may send it.</summary>
public interface IProgrammeCommand
{
    Guid ProgrammeId { get; }
}

/// <summary>
/// Whether a programme lies in the caller's scope (see <see cref="Scope.Programmes"/>). The results framework is
/// read by staff in scope (administrators, coordinators, trainers) and kept by administrators and the
/// programme's coordinators; donors will get its figures in reports, not through these operations.
/// </summary>
public static class ProgrammeScope
{
    private const string InScope = "SELECT id FROM programmes WHERE id = @programmeId";

    public static async Task<bool> CoversAsync(DbSession db, Caller caller, Guid programmeId, CancellationToken cancellationToken)
    {
        var found = await db.QueryAsync<Guid>($"{InScope}{Scope.And(Scope.Programmes(caller, "id"))}",
            Scope.Parameters(caller, new { programmeId }), cancellationToken);
        return found.Count == 1;
    }

    /// <summary>404 unless the programme exists and the caller may see it.</summary>
    public static async Task RequireAsync(DbSession db, Caller caller, Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await CoversAsync(db, caller, programmeId, cancellationToken)) throw new NotFoundException("programme", programmeId);
    }
}

/// <summary>Keeping a programme's results framework: administrators, and coordinators whose scope covers the programme.</summary>
public abstract class ProgrammeCoordinators<TCommand>(DbSession db) : IAccessRule<TCommand> where TCommand : IProgrammeCommand
{
    public async ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken)
    {
        if (caller.IsAdministrator) return Access.Allowed;
        if (caller.Role != Role.Coordinator) return Access.Forbidden;
        return await ProgrammeScope.CoversAsync(db, caller, command.ProgrammeId, cancellationToken) ? Access.Allowed : Access.OutOfScope;
    }
}
