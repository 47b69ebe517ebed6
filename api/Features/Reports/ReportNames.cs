using Integrity.Api.Resources;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// What a report's row names (its administration, region, key factor, indicator, sex, figure, status), as a reader reads
/// it: in the request's language (<see cref="ReportLabels"/>), from the names the report carries. In a view that splits a
/// dimension, a row that leaves it empty is the whole of it and says so ("All key factors"); elsewhere it stays empty.
/// </summary>
public sealed class ReportNames(ProgressReport report, ProgressGrouping grouping)
{
    private readonly Dictionary<Guid, ReportedAdministrationName> administrations = report.Administrations.ToDictionary(administration => administration.Id);
    private readonly Dictionary<string, ReportedRegion> regions = report.Regions.ToDictionary(region => region.Code);
    private readonly Dictionary<string, ReportedKeyFactor> keyFactors = report.KeyFactors.ToDictionary(keyFactor => keyFactor.Code);
    private readonly Dictionary<string, ReportedIndicator> indicators = report.Indicators.ToDictionary(indicator => indicator.Code);

    public string? Administration(ProgressValue value) =>
        value.AdministrationId is { } id && administrations.TryGetValue(id, out var named) ? ReportLabels.InLanguage(named.NameEn, named.NameFr)
        : value.Administration ?? (grouping == ProgressGrouping.Administration ? Messages.LabelAllAdministrations : null);

    public string? Region(ProgressValue value) =>
        value.Region is { } code ? Region(code)
        : grouping == ProgressGrouping.Region ? Messages.LabelAllRegions : null;

    public string Region(string code) => regions.TryGetValue(code, out var region) ? ReportLabels.InLanguage(region.NameEn, region.NameFr) : code;

    /// <summary>A key factor by its code and name, "RAD-07 Code of conduct"; all of them where the view splits key factors.</summary>
    public string? KeyFactor(ProgressValue value) =>
        value.KeyFactor is { } code ? KeyFactor(code)
        : grouping == ProgressGrouping.Period ? null : Messages.LabelAllKeyFactors;

    public string KeyFactor(string code) => keyFactors.TryGetValue(code, out var factor) ? $"{code} {ReportLabels.InLanguage(factor.NameEn, factor.NameFr)}" : code;

    public string? Indicator(ProgressValue value) =>
        value.Indicator is { } code ? indicators.TryGetValue(code, out var indicator) ? ReportLabels.Indicator(indicator) : code : null;

    public static string? Sex(ProgressValue value) => value.Sex is { } sex ? ReportLabels.Sex(sex) : null;

    public static string Figure(ProgressValue value) => ReportLabels.Figure(value.Figure);

    public static string? Status(ProgressValue value) => value.Suppressed ? ReportLabels.Status(ProgressReportFormats.Suppressed) : null;
}
