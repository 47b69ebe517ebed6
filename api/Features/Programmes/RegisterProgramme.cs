using System.ComponentModel.DataAnnotations;
using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Programmes;

/// <summary>A programme, such as A-CIP or WACAM, funded by one or more donors over a period.</summary>
/// <param name="Code">Short unique code, e.g. <c>A-CIP</c>.</param>
/// <param name="Name">Full name, e.g. <c>Anti-Corruption and Integrity Promotion Programme</c>.</param>
/// <param name="StartsOn">First day of the programme (ISO 8601 date).</param>
/// <param name="EndsOn">Last day of the programme; not before <c>startsOn</c>.</param>
/// <param name="DonorIds">The donors that fund it: at least one.</param>
/// <param name="AdministrationIds">The customs administrations it works with (its country projects); may be empty.</param>
public sealed record RegisterProgramme(string Code, string Name, [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn,
    IReadOnlyList<Guid> DonorIds, IReadOnlyList<Guid>? AdministrationIds = null)
    : ICommand<RecordCreated>, IProgrammeFields;

public sealed class RegisterProgrammeValidator : ProgrammeFieldsValidator<RegisterProgramme>;

public sealed class RegisterProgrammeAccess : AdministratorsOnly<RegisterProgramme>;

public sealed class RegisterProgrammeHandler(DbSession db) : ICommandHandler<RegisterProgramme, RecordCreated>
{
    private const string Insert = """
        INSERT INTO programmes (id, code, name, starts_on, ends_on, version)
        VALUES (@id, @code, @name, @startsOn, @endsOn, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RegisterProgramme command, CancellationToken cancellationToken)
    {
        await ProgrammeWrites.CheckAsync(db, command, except: null, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, code = command.Code, name = command.Name, startsOn = command.StartsOn, endsOn = command.EndsOn }, cancellationToken);
        await ProgrammeWrites.LinkAsync(db, id, command, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
