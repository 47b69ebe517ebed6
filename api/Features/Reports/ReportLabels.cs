using System.Globalization;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Results;
using Integrity.Api.Resources;

// A switch over an enum below names every member and has no discard, so that a member added without its label does not
// compile (CS8509); CS8524 only says that a number outside the enum's members would not match, which cannot happen here.
#pragma warning disable CS8524

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The words a reader sees for the codes of a report (figures, statuses, sexes, columns, units), in the request's language:
/// the catalogue (<see cref="Messages"/>) read in <see cref="CultureInfo.CurrentUICulture"/>, which the request sets from
/// <c>lang=</c> or Accept-Language. The codes stay what scripts read; the labels go beside them. A code the report writes
/// without a label here is a bug: ReportLabelsTests names every code the report can write.
/// </summary>
public static class ReportLabels
{
    /// <summary>Whether the request reads French; English otherwise.</summary>
    public static bool French => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr";

    /// <summary>Of a text kept in both languages (an indicator's title, a region's name), the one in the reader's language.</summary>
    public static string InLanguage(string english, string french) => French && !string.IsNullOrWhiteSpace(french) ? french : english;

    /// <summary>A computed rule's figure.</summary>
    public static string Figure(IndicatorRule rule) => rule switch
    {
        IndicatorRule.OfficialsTrained => Messages.LabelOfficialsTrained,
        IndicatorRule.WorkshopsHeld => Messages.LabelWorkshopsHeld,
        IndicatorRule.ParticipantHours => Messages.LabelParticipantHours,
        IndicatorRule.AccreditedNationalTrainers => Messages.LabelAccreditedNationalTrainers,
        IndicatorRule.CascadeSessions => Messages.LabelCascadeSessions,
        IndicatorRule.AdministrationsWithAdoptedPlan => Messages.LabelAdministrationsWithAdoptedPlan,
        IndicatorRule.ActionsDoneOnTimePercent => Messages.LabelActionsDoneOnTimePercent,
        IndicatorRule.PerceptionFavourablePercent => Messages.LabelPerceptionFavourablePercent,
        IndicatorRule.KeyFactorsImprovedPercent => Messages.LabelKeyFactorsImprovedPercent,
    };

    /// <summary>A figure of the report by its code: a computed rule's, or one the report adds (<see cref="ProgressFigures"/>).</summary>
    public static string Figure(string code) =>
        DbEnum.TryParse<IndicatorRule>(code, out var rule)
            ? Figure(rule)
            : code switch
            {
                ProgressFigures.ModulesDelivered => Messages.LabelModulesDelivered,
                ProgressFigures.ActionsDue => Messages.LabelActionsDue,
                ProgressFigures.ActionsDoneOnTime => Messages.LabelActionsDoneOnTime,
                ProgressFigures.IndicatorTarget => Messages.LabelIndicatorTarget,
                ProgressFigures.IndicatorActual => Messages.LabelIndicatorActual,
                ProgressReportFormats.MinimumCellSize => Messages.LabelMinimumCellSize,
                _ => throw new ArgumentOutOfRangeException(nameof(code), code, "A figure of the report has no label."),
            };

    /// <summary>An administration's report state.</summary>
    public static string Status(ReportState state) => state switch
    {
        ReportState.InProgress => Messages.LabelInProgress,
        ReportState.Submitted => Messages.LabelSubmitted,
        ReportState.Returned => Messages.LabelReturned,
        ReportState.Approved => Messages.LabelApproved,
    };

    /// <summary>
    /// A status of the report by its code: a report's state (or approved_not_frozen), a period's approval (approved,
    /// partly_approved, not_approved), a withheld value's (suppressed), the small-count rule's (applied, not_applied).
    /// </summary>
    public static string Status(string code) =>
        DbEnum.TryParse<ReportState>(code, out var state)
            ? Status(state)
            : code switch
            {
                FrozenFigures.NotFrozen => Messages.LabelApprovedNotFrozen,
                "partly_approved" => Messages.LabelPartlyApproved,
                "not_approved" => Messages.LabelNotApproved,
                ProgressReportFormats.Suppressed => Messages.LabelSuppressed,
                ProgressReportFormats.Applied => Messages.LabelApplied,
                ProgressReportFormats.NotApplied => Messages.LabelNotApplied,
                _ => throw new ArgumentOutOfRangeException(nameof(code), code, "A status of the report has no label."),
            };

    public static string Sex(Sex sex) => sex switch
    {
        Participants.Sex.Female => Messages.LabelFemale,
        Participants.Sex.Male => Messages.LabelMale,
        Participants.Sex.NotRecorded => Messages.LabelSexNotRecorded,
    };

    /// <summary>How the report's rows are grouped, as in "Figures grouped by administration".</summary>
    public static string Grouping(ProgressGrouping grouping) => grouping switch
    {
        ProgressGrouping.Period => Messages.LabelGroupingPeriod,
        ProgressGrouping.Administration => Messages.LabelGroupingAdministration,
        ProgressGrouping.Region => Messages.LabelGroupingRegion,
        ProgressGrouping.KeyFactor => Messages.LabelGroupingKeyFactor,
    };

    /// <summary>A column's header by its code: the CSV's code columns (<see cref="ProgressReportCsv.Columns"/>), the workbook's.</summary>
    public static string Column(string code) => code switch
    {
        "programme" => Messages.LabelColumnProgramme,
        "period" => Messages.LabelColumnPeriod,
        "starts_on" => Messages.LabelColumnStartsOn,
        "ends_on" => Messages.LabelColumnEndsOn,
        "administration" => Messages.LabelColumnAdministration,
        "region" => Messages.LabelColumnRegion,
        "key_factor" => Messages.LabelColumnKeyFactor,
        "sex" => Messages.LabelColumnSex,
        "figure" => Messages.LabelColumnFigure,
        "indicator" => Messages.LabelColumnIndicator,
        "value" => Messages.LabelColumnValue,
        "status" => Messages.LabelColumnStatus,
        "note" => Messages.LabelColumnNote,
        "unit" => Messages.LabelColumnUnit,
        "topic" => Messages.LabelColumnTopic,
        "detail" => Messages.LabelColumnDetail,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "A column of the report has no label."),
    };

    /// <summary>
    /// An indicator's unit in the reader's language when it is one of the usual ones (compared without case or surrounding
    /// spaces); otherwise as it was entered, since a unit is free text (participants, modules, actions read the same in both).
    /// </summary>
    public static string Unit(string unit) => unit.Trim().ToLowerInvariant() switch
    {
        "officials" => Messages.LabelUnitOfficials,
        "trainers" => Messages.LabelUnitTrainers,
        "participant-hours" => Messages.LabelUnitParticipantHours,
        "hours" => Messages.LabelUnitHours,
        "workshops" => Messages.LabelUnitWorkshops,
        "sessions" => Messages.LabelUnitSessions,
        "% of actions due" => Messages.LabelUnitPercentActionsDue,
        "% of officials surveyed" => Messages.LabelUnitPercentOfficialsSurveyed,
        "risk map" => Messages.LabelUnitRiskMap,
        "strategy" => Messages.LabelUnitStrategy,
        _ => unit,
    };

    /// <summary>An indicator's title in the reader's language.</summary>
    public static string Title(ReportedIndicator indicator) => InLanguage(indicator.TitleEn, indicator.TitleFr);

    /// <summary>An indicator as a reader names it: its code, title and unit, e.g. "1.1 Officials trained, by sex (officials)".</summary>
    public static string Indicator(ReportedIndicator indicator) => $"{indicator.Code} {Title(indicator)} ({Unit(indicator.Unit)})";
}
