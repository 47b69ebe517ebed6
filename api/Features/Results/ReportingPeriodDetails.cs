using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Http;
using Integrity.Api.Identity;

namespace Integrity.Api.Features.Results;

/// <summary>A reporting period of a programme with the report of each administration it covers.</summary>
public sealed record ReportingPeriodDetails
{
    public required Guid Id { get; init; }
    public required Guid ProgrammeId { get; init; }
    /// <summary>E.g. <c>2024</c> or <c>2024-H1</c>.</summary>
    public required string Label { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
    /// <summary>The reports of the administrations in your scope that the programme covers, by name.</summary>
    public required IReadOnlyList<AdministrationReport> Administrations { get; init; } = [];
    public required int Version { get; init; }

    public const string Select = "SELECT rp.id, rp.programme_id, rp.label, rp.starts_on, rp.ends_on, rp.version FROM reporting_periods rp";

    // Every administration the programme covers, in progress until its first transition, and any with a report
    // although the programme no longer covers it.
    private static readonly string ReportsOf = $"""
        SELECT rp.id AS period_id, a.id AS administration_id, a.name_en, a.name_fr, {DbEnum.Column("coalesce(r.state, 'in_progress')", "state")},
               r.submitted_at, r.submitted_by AS submitted_by_id, su.display_name AS submitted_by_name,
               r.returned_at, r.returned_by AS returned_by_id, tu.display_name AS returned_by_name, r.return_comment,
               r.approved_at, r.approved_by AS approved_by_id, au.display_name AS approved_by_name
        FROM reporting_periods rp
        JOIN administrations a ON a.id IN (SELECT pa.administration_id FROM programme_administrations pa WHERE pa.programme_id = rp.programme_id)
                               OR a.id IN (SELECT pr.administration_id FROM period_reports pr WHERE pr.period_id = rp.id)
        LEFT JOIN period_reports r ON r.period_id = rp.id AND r.administration_id = a.id
        LEFT JOIN users su ON su.id = r.submitted_by
        LEFT JOIN users tu ON tu.id = r.returned_by
        LEFT JOIN users au ON au.id = r.approved_by
        """;

    /// <summary>Adds the reports to periods read with <see cref="Select"/>: one query for a whole page.</summary>
    public static async Task<IReadOnlyList<ReportingPeriodDetails>> WithReportsAsync(
        DbSession db, Caller caller, IReadOnlyList<ReportingPeriodDetails> periods, CancellationToken cancellationToken)
    {
        if (periods.Count == 0) return periods;
        var sql = $"{ReportsOf}\nWHERE {db.Dialect.InIds("rp.id", "ids")}{Scope.And(Scope.Administrations(caller, "a.id"))}\nORDER BY a.name_en, a.id";
        var reports = (await db.QueryAsync<AdministrationReport>(sql,
                Scope.Parameters(caller, new { ids = db.Dialect.Ids(periods.Select(period => period.Id)) }), cancellationToken))
            .ToLookup(report => report.PeriodId);
        return periods.Select(period => period with { Administrations = reports[period.Id].ToList() }).ToList();
    }
}

/// <summary>
/// An administration's report for a reporting period: in_progress → submitted → approved, or submitted →
/// returned (with a comment) → submitted again. Submitted and approved reports lock the period for the administration.
/// </summary>
public sealed record AdministrationReport
{
    [JsonIgnore] public Guid PeriodId { get; init; }
    public required Guid AdministrationId { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
    public required ReportState State { get; init; }
    /// <summary>Whether what the period covers is locked for this administration (submitted or approved).</summary>
    public bool Locked => State is ReportState.Submitted or ReportState.Approved;
    /// <summary>When it was last submitted, and by whom.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
    public Guid? SubmittedById { get; init; }
    public string? SubmittedByName { get; init; }
    /// <summary>When it was last returned, by whom and why.</summary>
    public DateTimeOffset? ReturnedAt { get; init; }
    public Guid? ReturnedById { get; init; }
    public string? ReturnedByName { get; init; }
    public string? ReturnComment { get; init; }
    /// <summary>When it was approved, and by whom.</summary>
    public DateTimeOffset? ApprovedAt { get; init; }
    public Guid? ApprovedById { get; init; }
    public string? ApprovedByName { get; init; }
}
