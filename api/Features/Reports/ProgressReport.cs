using System.Text.Json.Serialization;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Results;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// A programme's progress report: which periods it covers, which administrations' reports it leaves out, and its
/// values, one per figure and bucket, in period order.
/// </summary>
public sealed record ProgressReport
{
    public required Guid ProgrammeId { get; init; }
    public required string ProgrammeCode { get; init; }
    public required string ProgrammeName { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>period, administration, region or keyFactor.</summary>
    public required string GroupBy { get; init; }
    /// <summary>true in a preview that includes the periods not yet approved (administrators and coordinators only).</summary>
    public required bool IncludesUnapproved { get; init; }
    /// <summary>The programme's reporting periods overlapping [from, to], in date order.</summary>
    public required IReadOnlyList<ReportedPeriod> Periods { get; init; }
    /// <summary>The administrations' reports whose figures are not in the report, because their period is not approved for them.</summary>
    public required IReadOnlyList<LeftOutReport> LeftOut { get; init; }
    /// <summary>The small-count rule: donors never receive a figure counting fewer people than its minimum cell size.</summary>
    public required ReportedSuppression Suppression { get; init; }
    /// <summary>What each indicator named in <see cref="Values"/> is, so a reader (a donor cannot list indicators) can label it.</summary>
    public required IReadOnlyList<ReportedIndicator> Indicators { get; init; }
    /// <summary>The administrations the rows name (those the programme covers, then any other its records name), in both languages.</summary>
    public required IReadOnlyList<ReportedAdministrationName> Administrations { get; init; }
    /// <summary>The regions of <see cref="Administrations"/>, in both languages, so that a reader can name a row's region code.</summary>
    public required IReadOnlyList<ReportedRegion> Regions { get; init; }
    /// <summary>The key factors of the Revised Arusha Declaration in their order, in both languages.</summary>
    public required IReadOnlyList<ReportedKeyFactor> KeyFactors { get; init; }
    /// <summary>The state of each covered administration's report for each period (approved, in_progress, submitted, returned, approved_not_frozen).</summary>
    public required IReadOnlyList<ReportedApproval> Approvals { get; init; }
    /// <summary>One value per figure and bucket; the same rows as the CSV and the workbook. Produced as they are written.</summary>
    public required IEnumerable<ProgressValue> Values { get; init; }
    /// <summary>
    /// The same figures in another grouping (the workbook's other views), from what this report read. Not part of the JSON,
    /// so not required (the serializer refuses a required member it cannot read back); the handler always sets it.
    /// </summary>
    [JsonIgnore]
    public Func<ProgressGrouping, IEnumerable<ProgressValue>> ValuesBy { get; init; } = _ => [];
}

/// <summary>An administration named by the report's rows (<c>administration</c> is its English name), with its region code.</summary>
public sealed record ReportedAdministrationName(Guid Id, string NameEn, string NameFr, string RegionCode);

/// <summary>A WCO region named by the report's rows (<c>region</c> is its code), e.g. WCA West and Central Africa.</summary>
public sealed record ReportedRegion(string Code, string NameEn, string NameFr);

/// <summary>A key factor of the Revised Arusha Declaration (<c>keyFactor</c> in the rows is its code).</summary>
public sealed record ReportedKeyFactor
{
    public required string Code { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
}

/// <summary>An administration's report for a period, and its state.</summary>
public sealed record ReportedApproval(Guid PeriodId, Guid AdministrationId, string State);

/// <summary>An indicator of the report: its code (as in the rows), titles, unit and measure.</summary>
public sealed record ReportedIndicator(string Code, string TitleEn, string TitleFr, string Unit, IndicatorMeasure Measure);

/// <summary>
/// A reporting period of the report; <c>fullyReported</c> when every administration's report for it is in (approved, or a
/// preview); <c>status</c>: approved (every administration's report), partly_approved, or not_approved (no figure of
/// it reaches donors: none, rather than zeros).
/// </summary>
public sealed record ReportedPeriod(Guid PeriodId, string Label, DateOnly StartsOn, DateOnly EndsOn, bool FullyReported, string Status);

/// <summary>
/// The small-count rule of the report: its threshold, whether it was applied (donors) and what it says, the rule on
/// perception figures (shown to donors only across at least <c>Reporting:MinimumAdministrations</c> administrations) included.
/// </summary>
public sealed record ReportedSuppression(int MinimumCellSize, bool Applied, string Rule)
{
    /// <summary>The administrations a perception figure pools before donors see it, for the formats that state the rule in their own words (the PDF).</summary>
    [JsonIgnore]
    public int MinimumAdministrations { get; init; } = SmallCounts.DefaultMinimumAdministrations;
}

/// <summary>An administration's report for a period that the report leaves out, with its state (in_progress, submitted or returned).</summary>
public sealed record LeftOutReport(Guid PeriodId, string PeriodLabel, Guid AdministrationId, string Administration, string State);

/// <summary>
/// One value of the report, with every dimension in a field of its own: the period, the administration or region
/// (by the grouping), the key factor, the sex, the figure and, for an indicator, its code. A dimension left empty
/// means "all": a row with no sex is the total of the rows that have one.
/// </summary>
public sealed record ProgressValue
{
    public required Guid PeriodId { get; init; }
    public required string Period { get; init; }
    public Guid? AdministrationId { get; init; }
    public string? Administration { get; init; }
    /// <summary>The administration's region code (groupBy administration or region).</summary>
    public string? Region { get; init; }
    public string? KeyFactor { get; init; }
    public Sex? Sex { get; init; }
    /// <summary>
    /// officials_trained, workshops_held, participant_hours, modules_delivered, accredited_national_trainers,
    /// cascade_sessions, administrations_with_adopted_plan, actions_due, actions_done_on_time,
    /// actions_done_on_time_percent, perception_favourable_percent (also by key factor unless grouped by period alone),
    /// key_factors_improved_percent, indicator_target or indicator_actual.
    /// </summary>
    public required string Figure { get; init; }
    /// <summary>The indicator's code, for indicator_target and indicator_actual.</summary>
    public string? Indicator { get; init; }
    /// <summary>The figure; null when it is withheld from donors as a small count (<see cref="Suppressed"/>).</summary>
    public required decimal? Value { get; init; }
    /// <summary>true when <see cref="Value"/> is withheld because it counts, or could reveal a count of, fewer people than the report's minimum cell size.</summary>
    public bool Suppressed { get; init; }
}
