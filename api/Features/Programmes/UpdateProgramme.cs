using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;

namespace Integrity.Api.Features.Programmes;

/// <summary>New values for every field of a programme; <c>donorIds</c> and <c>administrationIds</c> replace its lists.</summary>
public sealed record UpdateProgramme(string Code, string Name, [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn,
    IReadOnlyList<Guid> DonorIds, IReadOnlyList<Guid>? AdministrationIds = null)
    : ICommand<int>, IProgrammeFields, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateProgrammeValidator : ProgrammeFieldsValidator<UpdateProgramme>;

/// <summary>
/// Administrators, and coordinators of this programme. A coordinator changes its own fields but not its
/// donors or administrations: those decide who sees the programme and which administrations its
/// coordinators see, so changing them would let a coordinator widen its own scope (or a donor's).
/// </summary>
public sealed class UpdateProgrammeAccess(DbSession db) : IAccessRule<UpdateProgramme>
{
    private const string DonorsOf = "SELECT donor_id FROM programme_donors WHERE programme_id = @id";
    private const string AdministrationsOf = "SELECT administration_id FROM programme_administrations WHERE programme_id = @id";

    public async ValueTask<Access> CheckAsync(UpdateProgramme command, Caller caller, CancellationToken cancellationToken)
    {
        var access = await ScopedAccess.CheckAsync(caller, [Role.Coordinator],
            () => Scope.CoversProgrammeAsync(db, caller, command.Id, cancellationToken));
        if (access != Access.Allowed || caller.IsAdministrator) return access;
        var donors = await db.QueryAsync<Guid>(DonorsOf, new { id = command.Id }, cancellationToken);
        var administrations = await db.QueryAsync<Guid>(AdministrationsOf, new { id = command.Id }, cancellationToken);
        // A missing donorIds is left to the validator (400); a missing administrationIds means none, so it is a change.
        if ((command.DonorIds is not null && !donors.ToHashSet().SetEquals(command.DonorIds))
            || !administrations.ToHashSet().SetEquals(command.AdministrationIds ?? []))
            throw new ProgrammeLinksForbiddenException();
        return Access.Allowed;
    }
}

public sealed class ProgrammeLinksForbiddenException() : ProblemException(StatusCodes.Status403Forbidden, Messages.TitleForbidden, Messages.ProgrammeLinksForbidden);

public sealed class UpdateProgrammeHandler(DbSession db) : ICommandHandler<UpdateProgramme, int>
{
    private const string Update = """
        UPDATE programmes SET code = @code, name = @name, starts_on = @startsOn, ends_on = @endsOn, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateProgramme command, CancellationToken cancellationToken)
    {
        await ProgrammeWrites.CheckAsync(db, command, except: command.Id, cancellationToken);
        var changed = await db.ExecuteAsync(Update, new
        {
            id = command.Id,
            expectedVersion = command.ExpectedVersion,
            code = command.Code,
            name = command.Name,
            startsOn = command.StartsOn,
            endsOn = command.EndsOn,
        }, cancellationToken);
        var version = await db.NextVersionAsync(changed, "programmes", Messages.RecordProgramme, command.Id, command.ExpectedVersion, cancellationToken);
        await ProgrammeWrites.UnlinkAsync(db, command.Id, cancellationToken);
        await ProgrammeWrites.LinkAsync(db, command.Id, command, cancellationToken);
        return version;
    }
}
