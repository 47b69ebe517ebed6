using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using FluentValidation.Results;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Workshops;

/// <summary>
/// New values for every field of a workshop; its lists are replaced. A held workshop stays held or
/// becomes nothing else; its days must still hold every session planned for it.
/// </summary>
public sealed record UpdateWorkshop(
    [property: Required] Guid? ProgrammeId, [property: Required] WorkshopKind? Kind, string Title,
    [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn,
    [property: Required] Guid? HostAdministrationId, string City, string Language,
    [property: Required] WorkshopStatus? Status = null, IReadOnlyList<Guid>? AdministrationIds = null, IReadOnlyList<string>? KeyFactorCodes = null,
    IReadOnlyList<string>? Partners = null, string? OutcomeNotes = null)
    : ICommand<int>, IWorkshopFields, IWorkshopCommand, IChangesRecord
{
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
    Guid IWorkshopCommand.WorkshopId => Id;
}

public sealed class UpdateWorkshopValidator : WorkshopFieldsValidator<UpdateWorkshop>
{
    public UpdateWorkshopValidator() => RuleFor(x => x.Status).NotNull();
}

/// <summary>
/// Coordinators who keep the workshop where it is now: its programme, host and the administrations taking part all in
/// their scope (seeing it through one of them is not enough). Where it moves to is checked like a new workshop's placement.
/// </summary>
public sealed class UpdateWorkshopAccess(DbSession db) : IAccessRule<UpdateWorkshop>
{
    public async ValueTask<Access> CheckAsync(UpdateWorkshop command, Caller caller, CancellationToken cancellationToken)
    {
        var current = await WorkshopScope.CheckAsync(db, caller, command.Id, [Role.Coordinator], cancellationToken);
        if (current != Access.Allowed || caller.IsAdministrator) return current;
        return await WorkshopScope.KeepsPlacementAsync(db, caller, command.Id, cancellationToken) ? Access.Allowed : Access.Forbidden;
    }
}

public sealed class UpdateWorkshopHandler(DbSession db, Caller caller) : ICommandHandler<UpdateWorkshop, int>
{
    private const string CurrentStatus = "SELECT status FROM workshops WHERE id = @id";
    private const string SessionsOutside = "SELECT count(*) FROM sessions WHERE workshop_id = @id AND (held_on < @startsOn OR held_on > @endsOn)";
    private const string Update = """
        UPDATE workshops SET programme_id = @programmeId, kind = @kind, title = @title, starts_on = @startsOn, ends_on = @endsOn,
               host_administration_id = @hostAdministrationId, city = @city, language = @language, status = @status,
               outcome_notes = @outcomeNotes, version = version + 1
        WHERE id = @id AND version = @expectedVersion
        """;

    public async ValueTask<int> Handle(UpdateWorkshop command, CancellationToken cancellationToken)
    {
        await WorkshopWrites.CheckAsync(db, caller, command, cancellationToken);
        var current = await db.QuerySingleOrDefaultAsync<string>(CurrentStatus, new { id = command.Id }, cancellationToken)
                      ?? throw new NotFoundException(Messages.RecordWorkshop, command.Id);
        if (current == DbEnum.Name(WorkshopStatus.Held) && command.Status != WorkshopStatus.Held)
            throw new ValidationException([new ValidationFailure(nameof(UpdateWorkshop.Status),
                Messages.WorkshopHeld)]);
        if (await db.QuerySingleOrDefaultAsync<long>(SessionsOutside, new { id = command.Id, startsOn = command.StartsOn, endsOn = command.EndsOn }, cancellationToken) > 0)
            throw new ConflictException(Messages.SessionsOutsideDates);

        var row = new DynamicParameters(WorkshopWrites.Row(command.Id, command));
        row.Add("expectedVersion", command.ExpectedVersion);
        var changed = await db.ExecuteAsync(Update, row, cancellationToken);
        var version = await db.NextVersionAsync(changed, "workshops", Messages.RecordWorkshop, command.Id, command.ExpectedVersion, cancellationToken);
        await WorkshopWrites.UnlinkAsync(db, command.Id, cancellationToken);
        await WorkshopWrites.LinkAsync(db, command.Id, command, cancellationToken);
        return version;
    }
}

/// <summary>A workshop moved is checked where it stood and where it goes.</summary>
public sealed class UpdateWorkshopPlaces(DbSession db) : WorkshopPlaces<UpdateWorkshop>(db);

public sealed class UpdateWorkshopNewPlace : NewWorkshopPlace<UpdateWorkshop>;
