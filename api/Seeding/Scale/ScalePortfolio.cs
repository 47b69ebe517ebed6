using Integrity.Api.Data;
using Integrity.Api.Features.Trainers;

namespace Integrity.Api.Seeding.Scale;

/// <summary>
/// Who funds what, and where: donors, programmes, the administrations they cover, the module catalogue and the
/// trainers. The first programme is the big pan-regional one (an A-CIP): it covers its own administrations and
/// about a third of everyone else's, so it holds the most workshops, and Norad funds it.
/// </summary>
public static class ScalePortfolio
{
    /// <summary>Ten customs administrations per WCO region, with the city where workshops are held.</summary>
    private static readonly (string Region, string Country, string City)[][] Regions =
    [
        [("WCA", "BF", "Ouagadougou"), ("WCA", "ML", "Bamako"), ("WCA", "SN", "Dakar"), ("WCA", "CI", "Abidjan"), ("WCA", "NE", "Niamey"),
         ("WCA", "TG", "Lomé"), ("WCA", "BJ", "Cotonou"), ("WCA", "GH", "Accra"), ("WCA", "NG", "Abuja"), ("WCA", "CM", "Yaoundé")],
        [("ESA", "KE", "Nairobi"), ("ESA", "UG", "Kampala"), ("ESA", "TZ", "Dar es Salaam"), ("ESA", "RW", "Kigali"), ("ESA", "ET", "Addis Ababa"),
         ("ESA", "ZM", "Lusaka"), ("ESA", "MW", "Lilongwe"), ("ESA", "MZ", "Maputo"), ("ESA", "ZA", "Pretoria"), ("ESA", "MG", "Antananarivo")],
        [("MENA", "MA", "Rabat"), ("MENA", "TN", "Tunis"), ("MENA", "EG", "Cairo"), ("MENA", "JO", "Amman"), ("MENA", "LB", "Beirut"),
         ("MENA", "IQ", "Baghdad"), ("MENA", "OM", "Muscat"), ("MENA", "MR", "Nouakchott"), ("MENA", "DZ", "Algiers"), ("MENA", "SA", "Riyadh")],
        [("EUR", "AL", "Tirana"), ("EUR", "MK", "Skopje"), ("EUR", "MD", "Chișinău"), ("EUR", "UA", "Kyiv"), ("EUR", "GE", "Tbilisi"),
         ("EUR", "AM", "Yerevan"), ("EUR", "RS", "Belgrade"), ("EUR", "BA", "Sarajevo"), ("EUR", "ME", "Podgorica"), ("EUR", "TR", "Ankara")],
        [("AP", "KH", "Phnom Penh"), ("AP", "LA", "Vientiane"), ("AP", "MN", "Ulaanbaatar"), ("AP", "NP", "Kathmandu"), ("AP", "LK", "Colombo"),
         ("AP", "BD", "Dhaka"), ("AP", "PH", "Manila"), ("AP", "ID", "Jakarta"), ("AP", "PG", "Port Moresby"), ("AP", "FJ", "Suva")],
        [("AMC", "DO", "Santo Domingo"), ("AMC", "HT", "Port-au-Prince"), ("AMC", "GT", "Guatemala City"), ("AMC", "HN", "Tegucigalpa"),
         ("AMC", "SV", "San Salvador"), ("AMC", "PE", "Lima"), ("AMC", "BO", "La Paz"), ("AMC", "EC", "Quito"), ("AMC", "PY", "Asunción"),
         ("AMC", "JM", "Kingston")],
    ];

    private static readonly Dictionary<string, string> RegionLanguage = new()
    {
        ["WCA"] = "fr", ["ESA"] = "en", ["MENA"] = "ar", ["EUR"] = "en", ["AP"] = "en", ["AMC"] = "es",
    };

    private static readonly (string Code, string Name, string? IatiId)[] Donors =
    [
        ("NORAD", "Norwegian Agency for Development Cooperation (Norad)", "NO-BRC-971277882"),
        ("GAC", "Global Affairs Canada", "CA-3"),
        ("SIDA", "Swedish International Development Cooperation Agency (Sida)", "SE-6"),
        ("EU", "European Union", "XI-IATI-EC_INTPA"),
        ("JICA", "Japan International Cooperation Agency", "JP-8"),
        ("FCDO", "Foreign, Commonwealth & Development Office", "GB-GOV-1"),
        ("SECO", "State Secretariat for Economic Affairs (SECO)", "CH-4"),
        ("KOICA", "Korea International Cooperation Agency", null),
    ];

    private static readonly (string Code, string Name)[] Programmes =
    [
        ("A-CIP", "Anti-Corruption and Integrity Promotion Programme"),
        ("WACAM", "West Africa Customs Administration Modernization"),
        ("ESA-INT", "East and Southern Africa Customs Integrity Programme"),
        ("MENA-ETH", "Ethics in Customs, North of Africa, Near and Middle East"),
        ("EUR-HRM", "Human Resource Management Reform in Customs, Europe"),
        ("AP-TRANS", "Transparency and Automation in Customs, Asia/Pacific"),
        ("AMC-INT", "Integrity Development, Americas and Caribbean"),
        ("CODE-7", "Code of Conduct Roll-out"),
        ("AUDIT-6", "Internal Audit and Investigation Capacity Building"),
        ("PSR-10", "Customs and the Private Sector: Integrity Partnerships"),
    ];

    private static readonly string[] ModuleThemes =
    [
        "Leadership for integrity", "Regulatory framework review", "Transparency and accountability", "Automation against corruption",
        "Reform and modernization", "Audit and investigation", "The code of conduct in daily work", "Human resource management",
        "Morale and organizational culture", "Working with the private sector", "Risk mapping", "Integrity action planning",
    ];

    private static readonly string[] ExpertNames =
    [
        "Hélène Martin", "Daniel Okafor", "Sofia Lindqvist", "Marco Bianchi", "Yuki Tanaka", "Amina Diallo", "Carlos Mendoza",
        "Ingrid Johansen", "Peter Walsh", "Leïla Benali", "Olga Petrenko", "Rajesh Kumar",
    ];

    public static async Task<Portfolio> LoadAsync(ScaleLoad load, IReadOnlyDictionary<string, (string NameEn, string NameFr)> countries)
    {
        var donors = Donors.Select(donor => (Id: load.Ids.Next(), donor.Code, donor.Name, donor.IatiId)).ToList();
        await load.WriteAsync("donors", ["id", "code", "name", "iati_organisation_id", "version"],
            donors.Select(donor => new object?[] { donor.Id, donor.Code, donor.Name, donor.IatiId, 1 }));

        // Round robin over the regions, so that a small scale still spans every region.
        var administrations = Enumerable.Range(0, load.Size.Administrations)
            .Select(i => Regions[i % Regions.Length][i / Regions.Length % 10])
            .Select(place => new ScaleAdministration(load.Ids.Next(), place.Country, place.Region, place.City, RegionLanguage[place.Region],
                $"{countries[place.Country].NameEn} Customs", $"Douanes — {countries[place.Country].NameFr}"))
            .ToList();
        await load.WriteAsync("administrations", ["id", "country_code", "region_code", "name_en", "name_fr", "version"],
            administrations.Select(a => new object?[] { a.Id, a.CountryCode, a.RegionCode, a.NameEn, a.NameFr, 1 }));

        var programmes = new List<ScaleProgramme>();
        for (var p = 0; p < load.Size.Programmes; p++)
        {
            var startsOn = new DateOnly(2016 + (p == 0 ? 0 : load.Random.Next(4)), 1, 1);
            var covered = administrations.Where((_, a) => a % load.Size.Programmes == p || (p == 0 && load.Chance(0.35))).ToList();
            var funders = p == 0 ? donors.Take(2).ToList() : donors.Skip(1).OrderBy(_ => load.Random.Next()).Take(1 + load.Random.Next(2)).ToList();
            programmes.Add(new ScaleProgramme(load.Ids.Next(), Programmes[p].Code, Programmes[p].Name, startsOn, new DateOnly(2027, 12, 31),
                covered, funders.Select(donor => donor.Id).ToList()));
        }
        await load.WriteAsync("programmes", ["id", "code", "name", "starts_on", "ends_on", "version"],
            programmes.Select(p => new object?[] { p.Id, p.Code, p.Name, p.StartsOn, p.EndsOn, 1 }));
        await load.WriteAsync("programme_donors", ["programme_id", "donor_id"],
            programmes.SelectMany(p => p.DonorIds.Select(donor => new object?[] { p.Id, donor })));
        await load.WriteAsync("programme_administrations", ["programme_id", "administration_id"],
            programmes.SelectMany(p => p.Covered.Select(a => new object?[] { p.Id, a.Id })));

        var modules = Enumerable.Range(0, load.Size.Modules).Select(m => new ScaleModule(load.Ids.Next(), $"MOD-{m + 1:D2}",
                ModuleThemes[m % ModuleThemes.Length] + (m < ModuleThemes.Length ? "" : " (advanced)"),
                (2 + load.Random.Next(11)) / 2m, Portfolio.KeyFactorCodes.OrderBy(_ => load.Random.Next()).Take(1 + load.Random.Next(2)).Order().ToList()))
            .ToList();
        await load.WriteAsync("modules", ["id", "code", "title_en", "title_fr", "hours", "version"],
            modules.Select(m => new object?[] { m.Id, m.Code, m.Title, $"{m.Title} (FR)", m.Hours, 1 }));
        await load.WriteAsync("module_key_factors", ["module_id", "key_factor_code"],
            modules.SelectMany(m => m.KeyFactors.Select(factor => new object?[] { m.Id, factor })));

        var trainers = Enumerable.Range(0, load.Size.Trainers).Select(t => t < ExpertNames.Length
                ? new ScaleTrainer(load.Ids.Next(), ExpertNames[t], TrainerKind.WcoExpert, null)
                : new ScaleTrainer(load.Ids.Next(), ScalePeople.FullName(load), TrainerKind.NationalTrainer, load.Pick(administrations)))
            .ToList();
        await load.WriteAsync("trainers", ["id", "full_name", "kind", "administration_id", "email", "user_id", "version"],
            trainers.Select(t => new object?[] { t.Id, t.FullName, DbEnum.Name(t.Kind), t.Administration?.Id, null, null, 1 }));

        return new Portfolio(donors.Select(d => (d.Id, d.Code)).ToDictionary(d => d.Code, d => d.Id), administrations, programmes, modules, trainers);
    }
}

public sealed record ScaleAdministration(Guid Id, string CountryCode, string RegionCode, string City, string Language, string NameEn, string NameFr);

public sealed record ScaleProgramme(Guid Id, string Code, string Name, DateOnly StartsOn, DateOnly EndsOn,
    IReadOnlyList<ScaleAdministration> Covered, IReadOnlyList<Guid> DonorIds);

public sealed record ScaleModule(Guid Id, string Code, string Title, decimal Hours, IReadOnlyList<string> KeyFactors);

public sealed record ScaleTrainer(Guid Id, string FullName, TrainerKind Kind, ScaleAdministration? Administration);

/// <summary>The records later parts of the load build on.</summary>
public sealed record Portfolio(IReadOnlyDictionary<string, Guid> DonorsByCode, IReadOnlyList<ScaleAdministration> Administrations,
    IReadOnlyList<ScaleProgramme> Programmes, IReadOnlyList<ScaleModule> Modules, IReadOnlyList<ScaleTrainer> Trainers)
{
    public static readonly string[] KeyFactorCodes = ["RAD-01", "RAD-02", "RAD-03", "RAD-04", "RAD-05", "RAD-06", "RAD-07", "RAD-08", "RAD-09", "RAD-10"];
}
