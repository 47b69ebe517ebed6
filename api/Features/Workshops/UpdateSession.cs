using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Workshops;

/// <summary>Moves a session to another day, module or set of trainers. Its attendance stays.</summary>
public sealed record UpdateSession([property: Required] Guid? ModuleId, [property: Required] DateOnly? HeldOn, IReadOnlyList<Guid> TrainerIds)
    : ICommand<int>, ISessionFields, IWorkshopCommand, IChangesRecord
{
    [JsonIgnore] public Guid WorkshopId { get; init; }
    [JsonIgnore] public Guid Id { get; init; }
    [JsonIgnore] public int ExpectedVersion { get; init; }
}

public sealed class UpdateSessionValidator : SessionFieldsValidator<UpdateSession>;

public sealed class UpdateSessionAccess(DbSession db) : WorkshopCoordinators<UpdateSession>(db);

public sealed class UpdateSessionPlaces(DbSession db) : WorkshopPlaces<UpdateSession>(db);

public sealed class UpdateSessionHandler(DbSession db, Caller caller) : ICommandHandler<UpdateSession, int>
{
    private const string Update = """
        UPDATE sessions SET module_id = @moduleId, held_on = @heldOn, version = version + 1
        WHERE id = @id AND workshop_id = @workshopId AND version = @expectedVersion
        """;

    private const string OfWorkshop = "SELECT id FROM sessions WHERE id = @id AND workshop_id = @workshopId";

    public async ValueTask<int> Handle(UpdateSession command, CancellationToken cancellationToken)
    {
        if (await db.QuerySingleOrDefaultAsync<Guid?>(OfWorkshop, new { id = command.Id, workshopId = command.WorkshopId }, cancellationToken) is null)
            throw new NotFoundException(Messages.RecordSessionOfWorkshop, command.Id);
        await SessionWrites.CheckAsync(db, caller, command, cancellationToken);
        var changed = await db.ExecuteAsync(Update, new
        {
            id = command.Id,
            workshopId = command.WorkshopId,
            expectedVersion = command.ExpectedVersion,
            moduleId = command.ModuleId,
            heldOn = command.HeldOn,
        }, cancellationToken);
        var version = await db.NextVersionAsync(changed, "sessions", Messages.RecordSession, command.Id, command.ExpectedVersion, cancellationToken);
        await SessionWrites.UnassignAsync(db, command.Id, cancellationToken);
        await SessionWrites.AssignAsync(db, command.Id, command.TrainerIds, cancellationToken);
        return version;
    }
}
