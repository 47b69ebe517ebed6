using Integrity.Api.Data;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Workshops;

/// <summary>
/// A command about one workshop touches it where it stands: its host administration and those taking part, over its
/// days. A workshop's sessions, enrolments, attendance and test scores count within the report of that period.
/// </summary>
public abstract class WorkshopPlaces<TCommand>(DbSession db) : IReportingPeriodPlaces<TCommand> where TCommand : IWorkshopCommand
{
    private const string Where = """
        SELECT w.programme_id, w.starts_on AS from_day, w.ends_on AS to_day, w.host_administration_id AS administration_id
        FROM workshops w WHERE w.id = @id
        UNION ALL
        SELECT w.programme_id, w.starts_on, w.ends_on, wa.administration_id
        FROM workshops w JOIN workshop_administrations wa ON wa.workshop_id = w.id WHERE w.id = @id
        """;

    public async Task<IReadOnlyList<ReportingPeriodPlace>> PlacesAsync(TCommand command, CancellationToken cancellationToken)
    {
        var rows = await db.QueryAsync<Row>(Where, new { id = command.WorkshopId }, cancellationToken);
        return rows.Count == 0
            ? []
            : [new ReportingPeriodPlace(rows[0].ProgrammeId, rows[0].FromDay, rows[0].ToDay, [.. rows.Select(row => row.AdministrationId)], Messages.LockedThisWorkshop)];
    }

    private sealed record Row
    {
        public required Guid ProgrammeId { get; init; }
        public required DateOnly FromDay { get; init; }
        public required DateOnly ToDay { get; init; }
        public required Guid AdministrationId { get; init; }
    }
}

/// <summary>Where a workshop is being put: its programme, host and the administrations taking part, over its new days.</summary>
public abstract class NewWorkshopPlace<TCommand> : IReportingPeriodPlaces<TCommand> where TCommand : IWorkshopFields
{
    public Task<IReadOnlyList<ReportingPeriodPlace>> PlacesAsync(TCommand command, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ReportingPeriodPlace>>(
            command is { ProgrammeId: { } programme, HostAdministrationId: { } host, StartsOn: { } from, EndsOn: { } to }
                ? [new ReportingPeriodPlace(programme, from, to, [host, .. command.AdministrationIds ?? []], Messages.LockedAWorkshop)]
                : []);
}
