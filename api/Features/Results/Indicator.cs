namespace Integrity.Api.Features.Results;

/// <summary>How an indicator is measured; the values are IATI's IndicatorMeasure codes (1 to 5).</summary>
public enum IndicatorMeasure { Unit = 1, Percentage = 2, Nominal = 3, Ordinal = 4, Qualitative = 5 }

/// <summary>
/// What an indicator's values may be broken down by. Sex and administration split the total: each official,
/// hour or workshop falls in exactly one bucket. Key factors overlap (a workshop addresses several), so a
/// key-factor breakdown is not expected to add up to the total.
/// </summary>
public enum Disaggregation { Sex, Administration, KeyFactor }

/// <summary>The named rules that compute an indicator's actuals from the records (see <see cref="ComputedRule"/>).</summary>
public enum IndicatorRule
{
    OfficialsTrained,
    WorkshopsHeld,
    ParticipantHours,
    AccreditedNationalTrainers,
    CascadeSessions,
    AdministrationsWithAdoptedPlan,
    ActionsDoneOnTimePercent,
    PerceptionFavourablePercent,
    KeyFactorsImprovedPercent,
}

/// <summary>An administration's report for a reporting period: in_progress → submitted → returned → submitted → approved.</summary>
public enum ReportState { InProgress, Submitted, Returned, Approved }
