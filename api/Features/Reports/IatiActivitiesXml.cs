using System.Globalization;
using System.Text;
using System.Xml;
using Integrity.Api.Data;
using Integrity.Api.Features.Results;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// Writes an <see cref="IatiFile"/> as an IATI 2.03 activity file, element by element straight to the response body
/// (no document is built in memory), flushed after each activity. Every code written comes from IATI's codelists:
/// the elements' order and content are those of iati-activities-schema.xsd, which the tests validate against.
/// </summary>
public static class IatiActivitiesXml
{
    public const string MediaType = "application/xml";

    /// <summary>DAC 5-digit sector (vocabulary 1) 15113: anti-corruption organisations and institutions, named as in Sector.xml.</summary>
    private static readonly Bilingual AntiCorruption = new("Anti-corruption organisations and institutions",
        "Organisations et institutions pour la lutte contre la corruption");

    private static readonly XmlWriterSettings Settings = new() { Async = true, Encoding = new UTF8Encoding(false), Indent = true };

    public static async Task WriteAsync(Stream body, IatiFile file, CancellationToken cancellationToken)
    {
        await using var xml = XmlWriter.Create(body, Settings);
        var iati = new IatiXmlWriter(xml);
        await xml.WriteStartDocumentAsync();
        if (file.Preview)
            await xml.WriteCommentAsync(" Preview: includes reporting periods not yet approved. Not for donors, not for publication. ");
        await iati.StartAsync("iati-activities", ("version", "2.03"),
            ("generated-datetime", file.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        foreach (var project in file.Projects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await ActivityAsync(iati, file, project);
            await xml.FlushAsync();
        }
        await iati.EndAsync();
        await xml.WriteEndDocumentAsync();
    }

    private static async Task ActivityAsync(IatiXmlWriter iati, IatiFile file, CountryProject project)
    {
        var programme = file.Programme;
        var publisher = file.Publisher;
        var wco = new Bilingual(publisher.ReportingOrgName, publisher.ReportingOrgNameFr);
        var donors = string.Join(", ", file.Donors.Select(donor => donor.Name));
        var days = (From: Day(programme.StartsOn), To: Day(programme.EndsOn));

        await iati.StartAsync("iati-activity", ("xml:lang", "en"));
        await iati.ContentAsync("iati-identifier", project.Identifier);
        await iati.TextAsync("reporting-org", wco, ("ref", publisher.ReportingOrgRef), ("type", publisher.ReportingOrgType));
        await iati.TextAsync("title", new Bilingual($"{programme.Name} ({programme.Code}): {project.NameEn}", $"{programme.Name} ({programme.Code}) : {project.NameFr}"));
        await iati.TextAsync("description", new Bilingual(
            $"Country project of the programme {programme.Name} ({programme.Code}) with {project.NameEn}, {project.CountryNameEn}, from {days.From} " +
            $"to {days.To}: integrity promotion and the fight against corruption in customs, under the Revised Arusha Declaration. " +
            $"Implemented by: {wco.En}. Funded by: {donors}.",
            $"Projet pays du programme {programme.Name} ({programme.Code}) avec {project.NameFr}, {project.CountryNameFr}, du {days.From} " +
            $"au {days.To} : promotion de l'éthique et lutte contre la corruption dans les douanes, selon la Déclaration d'Arusha révisée. " +
            $"Mise en œuvre : {wco.Fr}. Financement : {donors}."), ("type", "1"));

        // OrganisationRole: 1 funding, 4 implementing. OrganisationType 10: government, as a customs administration is.
        foreach (var donor in file.Donors)
            await iati.NarrativeAsync("participating-org", donor.Name, ("ref", donor.IatiOrganisationId), ("role", "1"));
        await iati.TextAsync("participating-org", wco, ("ref", publisher.ReportingOrgRef), ("type", publisher.ReportingOrgType), ("role", "4"));
        await iati.TextAsync("participating-org", new Bilingual(project.NameEn, project.NameFr), ("type", "10"), ("role", "4"));

        await iati.EmptyAsync("activity-status", ("code", Status(programme, file.Today)));
        foreach (var (type, day) in Dates(programme, file.Today))
            await iati.EmptyAsync("activity-date", ("type", type), ("iso-date", Day(day)));
        await iati.EmptyAsync("activity-scope", ("code", "4"));
        await iati.TextAsync("recipient-country", new Bilingual(project.CountryNameEn, project.CountryNameFr), ("code", project.CountryCode), ("percentage", "100"));
        await iati.TextAsync("sector", AntiCorruption, ("vocabulary", "1"), ("code", "15113"), ("percentage", "100"));
        foreach (var indicator in file.Indicators)
            await ResultAsync(iati, file, project, indicator);
        await iati.EndAsync();
    }

    /// <summary>ActivityStatus from the programme's dates: 1 pipeline before it starts, 2 implementation, 3 finalisation once it has ended.</summary>
    private static string Status(IatiProgramme programme, DateOnly today) =>
        today < programme.StartsOn ? "1" : today <= programme.EndsOn ? "2" : "3";

    /// <summary>ActivityDateType: 1 planned start and 3 planned end always; 2 actual start and 4 actual end once they are past (IATI refuses future actual dates).</summary>
    private static IEnumerable<(string Type, DateOnly Day)> Dates(IatiProgramme programme, DateOnly today)
    {
        yield return ("1", programme.StartsOn);
        if (today >= programme.StartsOn) yield return ("2", programme.StartsOn);
        yield return ("3", programme.EndsOn);
        if (today > programme.EndsOn) yield return ("4", programme.EndsOn);
    }

    /// <summary>
    /// One result per indicator. ResultType: what the training and trainer rules count is an output (1); plans adopted,
    /// actions done on time and perceptions, an outcome (2); an entered indicator says not which it is: other (9).
    /// </summary>
    private static async Task ResultAsync(IatiXmlWriter iati, IatiFile file, CountryProject project, IndicatorDetails indicator)
    {
        var type = indicator.ComputedBy switch
        {
            null => "9",
            IndicatorRule.AdministrationsWithAdoptedPlan or IndicatorRule.ActionsDoneOnTimePercent or IndicatorRule.PerceptionFavourablePercent
                or IndicatorRule.KeyFactorsImprovedPercent => "2",
            _ => "1",
        };
        var title = new Bilingual(indicator.TitleEn, indicator.TitleFr);
        await iati.StartAsync("result", ("type", type));
        await iati.TextAsync("title", title);
        await iati.StartAsync("indicator", ("measure", indicator.IatiMeasureCode.ToString(CultureInfo.InvariantCulture)), ("ascending", indicator.Ascending ? "1" : "0"));
        await iati.TextAsync("title", title);
        await iati.TextAsync("description", Explained(indicator, file.Suppression));
        foreach (var period in file.Periods.Where(period => file.Reports(project, period)))
        {
            var targets = file.Figures.Targets(indicator, period.Id, project.AdministrationId);
            var actuals = file.Figures.Actuals(indicator, period.Id, project.AdministrationId);
            if (targets.Count == 0 && actuals.Count == 0) continue;
            await iati.StartAsync("period");
            await iati.EmptyAsync("period-start", ("iso-date", Day(period.StartsOn)));
            await iati.EmptyAsync("period-end", ("iso-date", Day(period.EndsOn)));
            foreach (var target in targets) await FigureAsync(iati, "target", target);
            foreach (var actual in actuals) await FigureAsync(iati, "actual", actual);
            await iati.EndAsync();
        }
        await iati.EndAsync();
        await iati.EndAsync();
    }

    /// <summary>What the indicator counts and where its figures come from; a computed one's sex buckets add up to its total.</summary>
    private static Bilingual Explained(IndicatorDetails indicator, SmallCounts? suppression)
    {
        var explained = Described(indicator);
        if (suppression is null) return explained;
        // Every activity is one administration's, so an indicator read from perception surveys has no actual a donor may see.
        if (SmallCounts.ReadsPerception(indicator.ComputedBy) && suppression.MinimumAdministrations > 1)
        {
            var across = suppression.MinimumAdministrations;
            return new Bilingual(
                $"{explained.En} Perception figures are given to donors only across at least {across} administrations, never for one " +
                "administration: this activity's actuals are left out.",
                $"{explained.Fr} Les chiffres de perception ne sont communiqués aux bailleurs que sur au moins {across} administrations, " +
                "jamais pour une seule : les valeurs réelles de cette activité sont omises.");
        }
        if (!SmallCounts.CountsPeople(indicator, out _)) return explained;
        var threshold = suppression.MinimumCellSize;
        return new Bilingual(
            $"{explained.En} Figures are those approved for each period. Small counts are suppressed: an actual counting, or summing " +
            $"over, fewer than {threshold} people is left out, and so is the next smallest of the same total where it would reveal it.",
            $"{explained.Fr} Les valeurs sont celles approuvées pour chaque période. Les petits effectifs sont masqués : une valeur réelle " +
            $"qui compte moins de {threshold} personnes, ou qui porte sur moins de {threshold} personnes, est omise, ainsi que la plus " +
            "petite suivante du même total lorsqu'elle permettrait de la retrouver.");
    }

    private static Bilingual Described(IndicatorDetails indicator)
    {
        var unit = new Bilingual($"Unit: {indicator.Unit}.", $"Unité : {IndicatorUnits.French(indicator.Unit)}.");
        if (indicator.ComputedBy is not { } rule)
            return new Bilingual($"{unit.En} Entered by the programme's coordinators for this administration.",
                $"{unit.Fr} Saisi par les coordonnateurs du programme pour cette administration.");
        var bySex = indicator.Disaggregations.Contains(Disaggregation.Sex);
        return new Bilingual(
            $"{unit.En} Computed from the programme's records by the rule {DbEnum.Name(rule)}: a period's actual is what the records held " +
            "when this file was generated." + (bySex ? " By sex: female, male and not_recorded (sex not recorded) add up to the total." : ""),
            $"{unit.Fr} Calculé à partir des registres du programme selon la règle {DbEnum.Name(rule)} : la valeur réelle d'une période est " +
            "celle des registres à la date de ce fichier." + (bySex ? " Par sexe : female (femmes), male (hommes) et not_recorded (sexe non enregistré) font le total." : ""));
    }

    /// <summary>A target or actual; its breakdown as IATI dimensions (sex: female, male, not_recorded; key_factor: RAD-01…RAD-10).</summary>
    private static async Task FigureAsync(IatiXmlWriter iati, string element, Figure figure)
    {
        await iati.StartAsync(element, ("value", figure.Value.ToString("0.############", CultureInfo.InvariantCulture)));
        if (figure.Sex is { } sex) await iati.EmptyAsync("dimension", ("name", "sex"), ("value", DbEnum.Name(sex)));
        if (figure.KeyFactorCode is { } keyFactor) await iati.EmptyAsync("dimension", ("name", "key_factor"), ("value", keyFactor));
        await iati.EndAsync();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A text in English and French, written as two narratives side by side.</summary>
    private readonly record struct Bilingual(string En, string Fr);

    /// <summary>
    /// Text as XML 1.0 can carry it: a control character typed into a name somewhere becomes U+FFFD, rather than stopping
    /// the writer halfway through a response whose status is already sent.
    /// </summary>
    private static string Writable(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var writable = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) writable.Append(text, i++, 2);
            else writable.Append(XmlConvert.IsXmlChar(text[i]) ? text[i] : '\uFFFD');
        }
        return writable.ToString();
    }

    /// <summary>The few shapes of IATI elements, over an asynchronous XmlWriter (the response body allows no synchronous writes).</summary>
    private sealed class IatiXmlWriter(XmlWriter xml)
    {
        /// <summary>Opens an element with its attributes; an attribute without a value is left out.</summary>
        public async Task StartAsync(string element, params (string Name, string? Value)[] attributes)
        {
            await xml.WriteStartElementAsync(null, element, null);
            foreach (var (name, value) in attributes.Where(attribute => attribute.Value is not null))
                if (name.StartsWith("xml:", StringComparison.Ordinal)) await xml.WriteAttributeStringAsync("xml", name[4..], null, value);
                else await xml.WriteAttributeStringAsync(null, name, null, Writable(value!));
        }

        public Task EndAsync() => xml.WriteEndElementAsync();

        public async Task EmptyAsync(string element, params (string Name, string? Value)[] attributes)
        {
            await StartAsync(element, attributes);
            await EndAsync();
        }

        /// <summary>An element whose content is plain text.</summary>
        public async Task ContentAsync(string element, string text, params (string Name, string? Value)[] attributes)
        {
            await StartAsync(element, attributes);
            await xml.WriteStringAsync(Writable(text));
            await EndAsync();
        }

        /// <summary>An element with one narrative in the activity's language, such as a donor's name.</summary>
        public async Task NarrativeAsync(string element, string narrative, params (string Name, string? Value)[] attributes)
        {
            await StartAsync(element, attributes);
            await ContentAsync("narrative", narrative);
            await EndAsync();
        }

        /// <summary>An element with its English and French narratives.</summary>
        public async Task TextAsync(string element, Bilingual text, params (string Name, string? Value)[] attributes)
        {
            await StartAsync(element, attributes);
            await ContentAsync("narrative", text.En, ("xml:lang", "en"));
            await ContentAsync("narrative", text.Fr, ("xml:lang", "fr"));
            await EndAsync();
        }
    }
}
