using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Results;

/// <summary>A command about one programme's results framework: the programme's scope decides who may send it.</summary>
public interface IProgrammeCommand
{
    Guid ProgrammeId { get; }
}

/// <summary>
/// A programme in the caller's scope (see <see cref="Scope.Programmes"/>), or 404. The results framework is
/// read by staff in scope (administrators, coordinators, trainers) and kept by administrators and the
/// programme's coordinators; donors will get its figures in reports, not through these operations.
/// </summary>
public static class ProgrammeScope
{
    /// <summary>404 unless the programme exists and the caller may see it.</summary>
    public static async Task RequireAsync(DbSession db, Caller caller, Guid programmeId, CancellationToken cancellationToken)
    {
        if (!await Scope.CoversProgrammeAsync(db, caller, programmeId, cancellationToken)) throw new NotFoundException(Messages.RecordProgramme, programmeId);
    }
}

/// <summary>Keeping a programme's results framework: administrators, and coordinators whose scope covers the programme.</summary>
public abstract class ProgrammeCoordinators<TCommand>(DbSession db) : IAccessRule<TCommand> where TCommand : IProgrammeCommand
{
    public ValueTask<Access> CheckAsync(TCommand command, Caller caller, CancellationToken cancellationToken) =>
        ScopedAccess.CheckAsync(caller, [Role.Coordinator], () => Scope.CoversProgrammeAsync(db, caller, command.ProgrammeId, cancellationToken));
}
