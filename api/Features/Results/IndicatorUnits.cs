namespace Integrity.Api.Features.Results;

/// <summary>
/// An indicator's unit is written once, in English (<c>officials</c>, <c>hours</c>, <c>%</c>), as coordinators define it.
/// What reads it in French (the IATI file's French narratives, a French report) says it in French when it is one of the
/// units the programmes use; any other unit is shown as written, rather than guessed.
/// </summary>
public static class IndicatorUnits
{
    private static readonly Dictionary<string, string> InFrench = new(StringComparer.OrdinalIgnoreCase)
    {
        ["officials"] = "fonctionnaires",
        ["participants"] = "participants",
        ["people"] = "personnes",
        ["persons"] = "personnes",
        ["trainers"] = "formateurs",
        ["national trainers"] = "formateurs nationaux",
        ["workshops"] = "ateliers",
        ["missions"] = "missions",
        ["sessions"] = "séances",
        ["modules"] = "modules",
        ["hours"] = "heures",
        ["days"] = "jours",
        ["administrations"] = "administrations",
        ["action plans"] = "plans d'action",
        ["actions"] = "actions",
        ["complaints"] = "plaintes",
        ["cases"] = "affaires",
        ["count"] = "nombre",
        ["%"] = "%",
        ["percent"] = "pour cent",
        ["% of actions due"] = "% des actions dues",
        ["% of officials surveyed"] = "% des fonctionnaires interrogés",
        ["risk map"] = "cartographie des risques",
        ["strategy"] = "stratégie",
    };

    /// <summary>The unit in French when it is a known one; otherwise as written.</summary>
    public static string French(string unit) => InFrench.TryGetValue(unit.Trim(), out var french) ? french : unit;
}
