using System.Text.RegularExpressions;
using Integrity.Api.Resources;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// The organisation that publishes the IATI file and implements every country project: the WCO. It is no record of
/// the database (a deployment publishes as one organisation), so it comes from configuration, section <c>Iati</c>.
/// </summary>
/// <remarks>
/// The default identifier <see cref="Placeholder"/> only has the shape of an IATI organisation identifier: before publishing
/// to the IATI Registry, set <c>Iati:ReportingOrgRef</c> to the identifier the WCO registers (see org-id.guide). Outside
/// Development the export refuses to carry the placeholder, so that no file is published under an identifier no one owns.
/// </remarks>
public sealed partial record IatiPublisher
{
    public const string Section = "Iati";

    /// <summary>The default <see cref="ReportingOrgRef"/>: good for trying the export out, never for publishing.</summary>
    public const string Placeholder = "XI-IATI-WCO";

    /// <summary>The codes of IATI's OrganisationType codelist (2.03).</summary>
    private static readonly string[] OrganisationTypes = ["10", "11", "15", "21", "22", "23", "24", "30", "40", "60", "70", "71", "72", "73", "80", "90"];

    /// <summary><c>Iati:ReportingOrgRef</c>: its IATI organisation identifier, the prefix of every activity's identifier.</summary>
    public string ReportingOrgRef { get; init; } = Placeholder;

    /// <summary><c>Iati:ReportingOrgName</c>: its name in English.</summary>
    public string ReportingOrgName { get; init; } = "World Customs Organization";

    /// <summary><c>Iati:ReportingOrgNameFr</c>: its name in French.</summary>
    public string ReportingOrgNameFr { get; init; } = "Organisation mondiale des douanes";

    /// <summary><c>Iati:ReportingOrgType</c>: its IATI OrganisationType code; 40 is multilateral, as an intergovernmental organisation.</summary>
    public string ReportingOrgType { get; init; } = "40";

    public static IatiPublisher From(IConfiguration configuration) => configuration.GetSection(Section).Get<IatiPublisher>() ?? new IatiPublisher();

    /// <summary>
    /// What in the configuration would make the file invalid, or its identifiers unusable: outside Development
    /// (<paramref name="trying"/> false), the placeholder identifier too.
    /// </summary>
    public IEnumerable<MissingData> Missing(bool trying)
    {
        if (!OrganisationIdentifier().IsMatch(ReportingOrgRef ?? ""))
            yield return Misconfigured(nameof(ReportingOrgRef),
                Messages.IatiNotAnIdentifier.With(ReportingOrgRef));
        else if (ReportingOrgRef == Placeholder && !trying)
            yield return new(Messages.IatiConfiguration.With(Key(nameof(ReportingOrgRef))), Messages.IatiPlaceholderIdentifier.With(Placeholder),
                Messages.IatiSetIdentifier.With(Key(nameof(ReportingOrgRef)), Variable(nameof(ReportingOrgRef))));
        if (string.IsNullOrWhiteSpace(ReportingOrgName))
            yield return Misconfigured(nameof(ReportingOrgName), Messages.IatiNameInEnglish);
        if (string.IsNullOrWhiteSpace(ReportingOrgNameFr))
            yield return Misconfigured(nameof(ReportingOrgNameFr), Messages.IatiNameInFrench);
        if (!OrganisationTypes.Contains(ReportingOrgType))
            yield return Misconfigured(nameof(ReportingOrgType),
                Messages.IatiNotAType.With(ReportingOrgType, string.Join(", ", OrganisationTypes)));
    }

    private static MissingData Misconfigured(string key, string lacks) =>
        new(Messages.IatiConfiguration.With(Key(key)), lacks, Messages.IatiAskAdministrator.With(Key(key), Variable(key)));

    private static string Key(string property) => $"{Section}:{property}";

    private static string Variable(string property) => $"{Section}__{property}";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex OrganisationIdentifier();
}

/// <summary>A record that lacks what the IATI file needs, and what to do about it.</summary>
/// <param name="Record">Which record, e.g. <c>programme A-CIP</c>.</param>
/// <param name="Lacks">What it lacks.</param>
/// <param name="Remedy">What to do next.</param>
public sealed record MissingData(string Record, string Lacks, string Remedy);
