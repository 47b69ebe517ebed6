using System.ComponentModel.DataAnnotations;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Workshops;

/// <summary>A workshop or mission of a programme, as a coordinator plans or logs it.</summary>
/// <param name="ProgrammeId">The programme it belongs to.</param>
/// <param name="Kind">workshop, capacity_building_mission, diagnostic_mission, training_of_trainers or webinar.</param>
/// <param name="Title">E.g. <c>The Revised Arusha Declaration in practice</c>.</param>
/// <param name="StartsOn">First day.</param>
/// <param name="EndsOn">Last day; not before <c>startsOn</c>.</param>
/// <param name="HostAdministrationId">The administration that hosts it.</param>
/// <param name="City">Where it takes place, e.g. <c>Ouagadougou</c>; <c>online</c> for a webinar.</param>
/// <param name="Language">ISO 639-1 code of its working language, e.g. <c>fr</c>.</param>
/// <param name="Status">planned, held or cancelled; planned when left out.</param>
/// <param name="AdministrationIds">For a regional event, the other administrations taking part.</param>
/// <param name="KeyFactorCodes">Key factors of the Revised Arusha Declaration it addresses (RAD-01…RAD-10).</param>
/// <param name="Partners">Co-facilitating partners, by name.</param>
/// <param name="OutcomeNotes">What came out of it.</param>
public sealed record RecordWorkshop(
    [property: Required] Guid? ProgrammeId, [property: Required] WorkshopKind? Kind, string Title,
    [property: Required] DateOnly? StartsOn, [property: Required] DateOnly? EndsOn,
    [property: Required] Guid? HostAdministrationId, string City, string Language,
    WorkshopStatus? Status = null, IReadOnlyList<Guid>? AdministrationIds = null, IReadOnlyList<string>? KeyFactorCodes = null,
    IReadOnlyList<string>? Partners = null, string? OutcomeNotes = null)
    : ICommand<RecordCreated>, IWorkshopFields;

public sealed class RecordWorkshopValidator : WorkshopFieldsValidator<RecordWorkshop>;

/// <summary>
/// Administrators and coordinators; where a coordinator may place it (its programme, host and the administrations taking
/// part, each in her scope) is checked with the other fields, as a 400 naming the field (see <see cref="WorkshopWrites.CheckAsync"/>).
/// </summary>
public sealed class RecordWorkshopAccess : IAccessRule<RecordWorkshop>
{
    public ValueTask<Access> CheckAsync(RecordWorkshop command, Caller caller, CancellationToken cancellationToken) =>
        ScopedAccess.CheckAsync(caller, [Role.Coordinator], () => Task.FromResult(true));
}

public sealed class RecordWorkshopHandler(DbSession db, Caller caller) : ICommandHandler<RecordWorkshop, RecordCreated>
{
    private const string Insert = """
        INSERT INTO workshops (id, programme_id, kind, title, starts_on, ends_on, host_administration_id, city, language, status, outcome_notes, version)
        VALUES (@id, @programmeId, @kind, @title, @startsOn, @endsOn, @hostAdministrationId, @city, @language, @status, @outcomeNotes, 1)
        """;

    public async ValueTask<RecordCreated> Handle(RecordWorkshop command, CancellationToken cancellationToken)
    {
        await WorkshopWrites.CheckAsync(db, caller, command, cancellationToken);
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync(Insert, WorkshopWrites.Row(id, command), cancellationToken);
        await WorkshopWrites.LinkAsync(db, id, command, cancellationToken);
        return new RecordCreated(id, 1);
    }
}

public sealed class RecordWorkshopPlace : NewWorkshopPlace<RecordWorkshop>;
