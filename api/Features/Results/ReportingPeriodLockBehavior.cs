using Integrity.Api.Data;
using Integrity.Api.Features.ActionPlans;
using Integrity.Api.Features.Workshops;
using Mediator;

namespace Integrity.Api.Features.Results;

/// <summary>
/// Keeps a submitted or approved report true: a command that would change a workshop (its sessions,
/// enrolments, attendance and results included) or report progress on an action, inside a period whose
/// report an administration has submitted or had approved, is refused with 409, inside the command's
/// transaction. A workshop belongs to its host administration and the administrations taking part; a
/// progress update to the plan's administration, on its reported day.
/// </summary>
public sealed class ReportingPeriodLockBehavior<TMessage, TResponse>(DbSession db) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private const string WorkshopPlace = """
        SELECT w.programme_id, w.starts_on AS from_day, w.ends_on AS to_day, w.host_administration_id AS administration_id
        FROM workshops w WHERE w.id = @id
        UNION ALL
        SELECT w.programme_id, w.starts_on, w.ends_on, wa.administration_id
        FROM workshops w JOIN workshop_administrations wa ON wa.workshop_id = w.id WHERE w.id = @id
        """;

    private const string ActionPlace = """
        SELECT p.programme_id, p.administration_id FROM actions ac JOIN action_plans p ON p.id = ac.action_plan_id WHERE ac.id = @id
        """;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        foreach (var (place, what) in await PlacesAsync(message, cancellationToken))
        {
            var locks = await ReportingPeriodLocks.FindAsync(db, place.ProgrammeId, place.AdministrationIds.ToList(), place.FromDay, place.ToDay, cancellationToken);
            if (locks.Count > 0) throw new ReportingPeriodLockedException(locks[0], what);
        }
        return await next(message, cancellationToken);
    }

    /// <summary>Where the records a command touches sit in time and in the results framework, before and after it.</summary>
    private async Task<List<(Place Place, string What)>> PlacesAsync(TMessage message, CancellationToken cancellationToken)
    {
        var places = new List<(Place, string)>();
        if (message is IWorkshopFields { ProgrammeId: { } programme, HostAdministrationId: { } host, StartsOn: { } from, EndsOn: { } to } placed)
            places.Add((new Place(programme, from, to, [host, .. placed.AdministrationIds ?? []]), "a workshop"));
        if (message is IWorkshopCommand { WorkshopId: var workshopId } && workshopId != Guid.Empty)
        {
            var rows = await db.QueryAsync<PlaceRow>(WorkshopPlace, new { id = workshopId }, cancellationToken);
            if (rows.Count > 0)
                places.Add((new Place(rows[0].ProgrammeId, rows[0].FromDay, rows[0].ToDay, rows.Select(row => row.AdministrationId).ToList()), "this workshop"));
        }
        if (message is RecordProgressUpdate { ReportedOn: { } day } update)
        {
            var plan = await db.QuerySingleOrDefaultAsync<PlanRow>(ActionPlace, new { id = update.ActionId }, cancellationToken);
            if (plan is not null) places.Add((new Place(plan.ProgrammeId, day, day, [plan.AdministrationId]), "the action progress"));
        }
        return places;
    }

    private sealed record Place(Guid ProgrammeId, DateOnly FromDay, DateOnly ToDay, IReadOnlyList<Guid> AdministrationIds);

    private sealed record PlaceRow
    {
        public required Guid ProgrammeId { get; init; }
        public required DateOnly FromDay { get; init; }
        public required DateOnly ToDay { get; init; }
        public required Guid AdministrationId { get; init; }
    }

    private sealed record PlanRow
    {
        public required Guid ProgrammeId { get; init; }
        public required Guid AdministrationId { get; init; }
    }
}
