using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Results;

/// <summary>A transition of an administration's report for a reporting period of a programme, named by the route.</summary>
public abstract record PeriodReportChange : IProgrammeCommand
{
    [JsonIgnore] public Guid ProgrammeId { get; init; }
    [JsonIgnore] public Guid PeriodId { get; init; }
    [JsonIgnore] public Guid AdministrationId { get; init; }
}

/// <summary>The report after a transition: its id (the record audited), its state and its version.</summary>
public sealed record ReportMoved(Guid Id, ReportState State, int Version) : ICreatesRecord, IAuditNote
{
    /// <summary>An approval's: the hash of the figures it froze (<see cref="ApprovedFigures"/>), noted in its audit entry.</summary>
    [JsonIgnore] public string? SnapshotHash { get; init; }

    [JsonIgnore] public IReadOnlyDictionary<string, string>? AuditNote =>
        SnapshotHash is null ? null : new Dictionary<string, string> { ["snapshotHash"] = SnapshotHash };
}

/// <summary>What every transition of a report does: find the report as it stands, and move it on unless someone moved it meanwhile.</summary>
internal static class PeriodReports
{
    private static readonly string Current = $"""
        SELECT rp.id AS period_id, rp.label,
               (SELECT count(*) FROM programme_administrations pa
                WHERE pa.programme_id = rp.programme_id AND pa.administration_id = @administrationId) AS covered,
               r.id AS report_id, {DbEnum.Column("coalesce(r.state, 'in_progress')", "state")}, r.version
        FROM reporting_periods rp
        LEFT JOIN period_reports r ON r.period_id = rp.id AND r.administration_id = @administrationId
        WHERE rp.id = @periodId AND rp.programme_id = @programmeId
        """;

    /// <summary>The report as it stands (in progress when it has no row yet); 404 for a period or administration the programme lacks.</summary>
    public static async Task<CurrentReport> CurrentAsync(DbSession db, PeriodReportChange command, CancellationToken cancellationToken)
    {
        var current = await db.QuerySingleOrDefaultAsync<CurrentReport>(Current,
                          new { programmeId = command.ProgrammeId, periodId = command.PeriodId, administrationId = command.AdministrationId }, cancellationToken)
                      ?? throw new NotFoundException(Messages.RecordPeriodOfProgramme, command.PeriodId);
        return current.Covered == 0 ? throw new NotFoundException(Messages.RecordAdministrationCovered, command.AdministrationId) : current;
    }

    /// <summary>
    /// Runs <paramref name="update"/>, an <c>UPDATE period_reports … WHERE id = @id AND version = @version</c>; 409 when
    /// another transition came first.
    /// </summary>
    public static async Task<ReportMoved> MoveAsync(DbSession db, CurrentReport current, ReportState to, string update, object parameters,
        CancellationToken cancellationToken)
    {
        var row = new Dapper.DynamicParameters(parameters);
        row.Add("id", current.ReportId);
        row.Add("version", current.Version);
        if (await db.ExecuteAsync(update, row, cancellationToken) == 0) throw Meanwhile();
        return new ReportMoved(current.ReportId!.Value, to, current.Version!.Value + 1);
    }

    public static ConflictException Meanwhile() =>
        new(Messages.ReportRace);

    /// <summary>409 for a transition the report's state does not allow.</summary>
    /// <param name="change">What it would become, from the catalogue: <c>Messages.ReportToApprove</c>.</param>
    public static ConflictException Refuse(CurrentReport current, string change) =>
        new(Messages.ReportTransition.With(current.Label, DbEnum.Name(current.State), change));

    public sealed record CurrentReport
    {
        public required Guid PeriodId { get; init; }
        public required string Label { get; init; }
        public required long Covered { get; init; }
        public Guid? ReportId { get; init; }
        public required ReportState State { get; init; }
        public int? Version { get; init; }
    }
}
