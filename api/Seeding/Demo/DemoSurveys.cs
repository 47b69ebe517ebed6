using System.Globalization;
using System.Text;
using Integrity.Api.Features.PerceptionSurveys;
using Integrity.Api.Http;
using Mediator;

namespace Integrity.Api.Seeding.Demo;

/// <summary>
/// Two rounds of the Customs Integrity Perception Survey in Burkina Faso Customs under A-CIP, CIPS 2021 and CIPS 2023,
/// answering one questionnaire of three questions per key factor, some reversed. About 300 made-up respondents each,
/// officials and private-sector operators, drawn from a fixed seed; 2023 leans more favourable on most key factors,
/// not all, so that the trend shows both. Imported through the same command as a fieldworker's file, from a CSV built here.
/// </summary>
internal static class DemoSurveys
{
    private sealed record Asked(string Code, string KeyFactorCode, string TextEn, string TextFr, bool Reversed = false);

    private static readonly Asked[] Questions =
    [
        new("LC-1", "RAD-01", "Senior managers set an example of integrity.", "Les responsables donnent l'exemple en matière d'intégrité."),
        new("LC-2", "RAD-01", "Management acts when corruption is reported.", "La direction agit lorsque la corruption est signalée."),
        new("LC-3", "RAD-01", "Integrity is rarely discussed by management.", "L'intégrité est rarement abordée par la direction.", Reversed: true),
        new("RF-1", "RAD-02", "Customs procedures are clear and simple.", "Les procédures douanières sont claires et simples."),
        new("RF-2", "RAD-02", "Officers have too much discretion in applying the rules.", "Les agents ont trop de latitude pour appliquer les règles.", Reversed: true),
        new("RF-3", "RAD-02", "Duties and penalties are applied consistently.", "Les droits et les pénalités sont appliqués de façon cohérente."),
        new("TR-1", "RAD-03", "Tariffs and procedures are published and easy to find.", "Les tarifs et les procédures sont publiés et faciles à trouver."),
        new("TR-2", "RAD-03", "Decisions can be appealed through a clear process.", "Les décisions peuvent être contestées selon une procédure claire."),
        new("TR-3", "RAD-03", "Fees are sometimes asked for without a receipt.", "Des frais sont parfois demandés sans reçu.", Reversed: true),
        new("AU-1", "RAD-04", "Declarations are lodged and processed electronically.", "Les déclarations sont déposées et traitées par voie électronique."),
        new("AU-2", "RAD-04", "Automation has reduced face-to-face contact with officers.", "L'automatisation a réduit les contacts directs avec les agents."),
        new("AU-3", "RAD-04", "The IT system is often bypassed.", "Le système informatique est souvent contourné.", Reversed: true),
        new("RM-1", "RAD-05", "Recent reforms have made clearance faster.", "Les réformes récentes ont accéléré le dédouanement."),
        new("RM-2", "RAD-05", "Risk management targets controls well.", "La gestion des risques cible bien les contrôles."),
        new("RM-3", "RAD-05", "Reforms have changed little in practice.", "Les réformes ont peu changé dans la pratique.", Reversed: true),
        new("AI-1", "RAD-06", "Misconduct is investigated and sanctioned.", "Les manquements font l'objet d'enquêtes et de sanctions."),
        new("AI-2", "RAD-06", "Internal audit covers the offices that matter.", "L'audit interne couvre les bureaux importants."),
        new("AI-3", "RAD-06", "Reporting corruption is risky for the person who reports it.", "Signaler la corruption expose la personne qui le fait.", Reversed: true),
        new("CC-1", "RAD-07", "Officers know the code of conduct.", "Les agents connaissent le code de conduite."),
        new("CC-2", "RAD-07", "The code of conduct is applied in practice.", "Le code de conduite est appliqué dans la pratique."),
        new("CC-3", "RAD-07", "Accepting gifts from traders is common.", "Accepter des cadeaux des opérateurs est courant.", Reversed: true),
        new("HR-1", "RAD-08", "Recruitment is based on merit.", "Le recrutement est fondé sur le mérite."),
        new("HR-2", "RAD-08", "Postings and promotions are fair.", "Les affectations et les promotions sont équitables."),
        new("HR-3", "RAD-08", "Some posts are sought for the income they bring on the side.", "Certains postes sont recherchés pour les revenus parallèles qu'ils procurent.", Reversed: true),
        new("MO-1", "RAD-09", "Officers are proud to work for customs.", "Les agents sont fiers de travailler pour la douane."),
        new("MO-2", "RAD-09", "Pay is enough to live on decently.", "La rémunération permet de vivre décemment."),
        new("MO-3", "RAD-09", "Honest officers are seen as naive by colleagues.", "Les agents honnêtes passent pour naïfs auprès de leurs collègues.", Reversed: true),
        new("PS-1", "RAD-10", "Customs consults the private sector before changing procedures.", "La douane consulte le secteur privé avant de modifier les procédures."),
        new("PS-2", "RAD-10", "Traders can report misconduct without fear.", "Les opérateurs peuvent signaler un manquement sans crainte."),
        new("PS-3", "RAD-10", "Brokers act as go-betweens for informal payments.", "Les commissionnaires servent d'intermédiaires pour des paiements informels.", Reversed: true),
    ];

    /// <summary>How favourable answers lean, by key factor (RAD-01 first), in 2021 and 2023: better in 2023 except automation and HR.</summary>
    private static readonly double[] Lean2021 = [0.50, 0.45, 0.42, 0.55, 0.48, 0.40, 0.52, 0.44, 0.47, 0.43];
    private static readonly double[] Lean2023 = [0.60, 0.52, 0.55, 0.51, 0.57, 0.48, 0.63, 0.41, 0.53, 0.54];

    private static readonly string[] Services = ["Bureau frontière", "Direction générale", "Brigade mobile"];
    private static readonly string[] Regions = ["Centre", "Hauts-Bassins", "Est", "Sahel"];

    public static async Task SeedAsync(ISender sender, DemoWorld world)
    {
        var questionnaire = await sender.Send(new RegisterQuestionnaire("CIPS-BF", "Customs Integrity Perception Survey",
            "Enquête sur la perception de l'intégrité douanière",
            [.. Questions.Select(question => new QuestionnaireQuestion(question.Code, question.KeyFactorCode, question.TextEn, question.TextFr, question.Reversed))]));
        await RoundAsync(sender, world, questionnaire.Id, "CIPS 2021", 2021, Lean2021, respondents: 296, seed: 2021);
        await RoundAsync(sender, world, questionnaire.Id, "CIPS 2023", 2023, Lean2023, respondents: 312, seed: 2023);
    }

    private static async Task RoundAsync(ISender sender, DemoWorld world, Guid questionnaire, string label, int year, double[] lean, int respondents, int seed)
    {
        var round = await sender.Send(new RegisterPerceptionSurvey(world.Burkina, world.Acip, questionnaire, label,
            new DateOnly(year, 3, 1), new DateOnly(year, 4, 30)));
        var sheet = await UploadedSheet.ReadAsync(Encoding.UTF8.GetBytes(File(year, lean, respondents, seed)), xlsx: false, CancellationToken.None);
        await ImportSurveyResponses.RunAsync(sender, round.Id, sheet, preview: false, CancellationToken.None);
    }

    /// <summary>The round's file as fieldworkers would send it: French labels, semicolons, a few blanks.</summary>
    private static string File(int year, double[] lean, int respondents, int seed)
    {
        var random = new Random(seed);
        var file = new StringBuilder("répondant;groupe;service;sexe;région;").AppendJoin(';', Questions.Select(question => question.Code)).Append('\n');
        for (var n = 1; n <= respondents; n++)
        {
            var official = random.NextDouble() < 0.6;
            file.Append(CultureInfo.InvariantCulture, $"BF{year}-{n:D4};")
                .Append(official ? "agent des douanes;" : "secteur privé;")
                .Append(official ? Services[random.Next(Services.Length)] : "").Append(';')
                .Append(random.Next(3) == 0 ? "F" : "M").Append(';')
                .Append(Regions[random.Next(Regions.Length)]);
            foreach (var question in Questions)
            {
                file.Append(';');
                if (random.NextDouble() < 0.05) continue;
                // The private sector sees customs a little less favourably than officials see themselves.
                var leaning = lean[int.Parse(question.KeyFactorCode[4..], CultureInfo.InvariantCulture) - 1] - (official ? 0 : 0.05);
                var scored = Math.Clamp((int)Math.Round(1 + 4 * (leaning + (random.NextDouble() - 0.5) * 0.9)), 1, 5);
                file.Append(question.Reversed ? 6 - scored : scored);
            }
            file.Append('\n');
        }
        return file.ToString();
    }
}
