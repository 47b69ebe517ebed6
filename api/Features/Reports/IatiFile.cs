using Integrity.Api.Features.Results;

namespace Integrity.Api.Features.Reports;

/// <summary>The export's answer: the file's content, or what the records lack to make a valid one.</summary>
public sealed record IatiExport(IatiFile? File, IReadOnlyList<MissingData> Missing);

/// <summary>
/// Everything one IATI activity file says about a programme, read with a fixed number of queries: rows per kind
/// (administrations, indicators, periods, values, computed cells), aggregated, never a person.
/// </summary>
public sealed record IatiFile
{
    public required IatiPublisher Publisher { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    /// <summary>The day activity status and actual dates are told for.</summary>
    public required DateOnly Today { get; init; }
    /// <summary>Whether periods not yet approved are in it (a coordinator's preview): not for donors, not for publication.</summary>
    public required bool Preview { get; init; }
    public required IatiProgramme Programme { get; init; }
    public required IReadOnlyList<FundingDonor> Donors { get; init; }
    /// <summary>One activity each, by country.</summary>
    public required IReadOnlyList<CountryProject> Projects { get; init; }
    /// <summary>The indicators whose figures belong to a single country project (see <see cref="ProgrammeFigures.ByCountryProject"/>), by code.</summary>
    public required IReadOnlyList<IndicatorDetails> Indicators { get; init; }
    /// <summary>The programme's reporting periods in date order.</summary>
    public required IReadOnlyList<Period> Periods { get; init; }
    /// <summary>The (period, administration) pairs whose figures the file reports: the approved ones, or all of them in a preview.</summary>
    public required IReadOnlySet<(Guid PeriodId, Guid AdministrationId)> Reported { get; init; }
    public required ProgrammeFigures Figures { get; init; }
    /// <summary>For donors, the small-count rule (<see cref="SmallCounts"/>) the figures follow, stated in each indicator's description.</summary>
    public SmallCounts? Suppression { get; init; }

    public bool Reports(CountryProject project, Period period) => Reported.Contains((period.Id, project.AdministrationId));
}

public sealed record IatiProgramme
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required DateOnly StartsOn { get; init; }
    public required DateOnly EndsOn { get; init; }
}

/// <summary>A donor as a funding organisation: its name, and its IATI identifier where it has one.</summary>
public sealed record FundingDonor
{
    public required string Name { get; init; }
    public string? IatiOrganisationId { get; init; }
}

/// <summary>A country project: the programme's work with one administration, an IATI activity of its own.</summary>
public sealed record CountryProject
{
    public required Guid AdministrationId { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
    /// <summary>ISO 3166-1 alpha-2, from IATI's Country codelist (the countries table is generated from it).</summary>
    public required string CountryCode { get; init; }
    public required string CountryNameEn { get; init; }
    public required string CountryNameFr { get; init; }
    /// <summary>The activity's iati-identifier, see <see cref="ExportIatiHandler"/>.</summary>
    public string Identifier { get; init; } = "";
}
