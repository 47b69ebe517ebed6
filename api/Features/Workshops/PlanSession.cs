using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Mediator;
using Required = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace Integrity.Api.Features.Workshops;

/// <summary>A session of a workshop: a module delivered on one of its days by one or more trainers.</summary>
/// <param name="ModuleId">The module delivered (GET /api/v1/modules).</param>
/// <param name="HeldOn">The day, within the workshop's dates.</param>
/// <param name="TrainerIds">Who delivers it (GET /api/v1/trainers); at least one.</param>
public sealed record PlanSession([property: Required] Guid? ModuleId, [property: Required] DateOnly? HeldOn, IReadOnlyList<Guid> TrainerIds)
    : ICommand<RecordCreated>, ISessionFields, IWorkshopCommand
{
    [JsonIgnore] public Guid WorkshopId { get; init; }
}

public sealed class PlanSessionValidator : SessionFieldsValidator<PlanSession>;

public sealed class PlanSessionAccess(DbSession db) : WorkshopCoordinators<PlanSession>(db);

public sealed class PlanSessionPlaces(DbSession db) : WorkshopPlaces<PlanSession>(db);

public sealed class PlanSessionHandler(DbSession db, Caller caller) : ICommandHandler<PlanSession, RecordCreated>
{
    private const string Insert = "INSERT INTO sessions (id, workshop_id, module_id, held_on, version) VALUES (@id, @workshopId, @moduleId, @heldOn, 1)";

    public async ValueTask<RecordCreated> Handle(PlanSession command, CancellationToken cancellationToken)
    {
        await SessionWrites.CheckAsync(db, caller, command, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, new { id, workshopId = command.WorkshopId, moduleId = command.ModuleId, heldOn = command.HeldOn }, cancellationToken);
        await SessionWrites.AssignAsync(db, id, command.TrainerIds, cancellationToken);
        return new RecordCreated(id, 1);
    }
}
