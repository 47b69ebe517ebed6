using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Integrity.Tests;

/// <summary>
/// The records perception survey tests share, registered through the API by an administrator: a questionnaire whose
/// questions cover three key factors, two of them with a reversed question, and administrations, programmes and rounds.
/// </summary>
public sealed class PerceptionRounds(HttpClient administrator)
{
    public static readonly SurveyResponses.Question[] Questions =
    [
        new("LEAD-01", "RAD-01", false),
        new("LEAD-02", "RAD-01", true),
        new("GIFT-01", "RAD-07", false),
        new("GIFT-02", "RAD-07", true),
        new("HR-01", "RAD-03", false),
        new("AUDIT-01", "RAD-10", false),
    ];

    public async Task<Guid> QuestionnaireAsync() => await CreateAsync("/api/v1/questionnaires", new
    {
        code = Unique("CIPS"), titleEn = "Customs Integrity Perception Survey", titleFr = "Enquête sur la perception de l'intégrité douanière",
        questions = Questions.Select(q => new { code = q.Code, keyFactorCode = q.KeyFactorCode, textEn = $"Question {q.Code}", textFr = $"Question {q.Code}", reversed = q.Reversed }),
    });

    public async Task<Guid> AdministrationAsync(string name) => await CreateAsync("/api/v1/administrations", new
    {
        countryCode = "BF", regionCode = "WCA", nameEn = $"{name} {Guid.NewGuid():N}", nameFr = name,
    });

    public async Task<Guid> DonorAsync() => await CreateAsync("/api/v1/donors", new { code = Unique("PD"), name = "Perception donor" });

    public async Task<Guid> ProgrammeAsync(Guid donorId, params Guid[] administrationIds) => await CreateAsync("/api/v1/programmes", new
    {
        code = Unique("PP"), name = "Perception programme", startsOn = "2020-01-01", endsOn = "2027-12-31", donorIds = new[] { donorId }, administrationIds,
    });

    public async Task<Guid> RoundAsync(Guid programmeId, Guid administrationId, Guid questionnaireId, string label, string startsOn, string endsOn) =>
        await CreateAsync("/api/v1/perception-surveys", new
        {
            administrationId, programmeId, questionnaireId, label, fieldworkStartsOn = startsOn, fieldworkEndsOn = endsOn,
        });

    public async Task<Guid> PeriodAsync(Guid programmeId, string label, string startsOn, string endsOn) =>
        await CreateAsync(ResultsApi.Periods(programmeId), new { label, startsOn, endsOn });

    public static SurveyResponses Generate(int count, int seed, double lean, double blankShare = 0.1) =>
        SurveyResponses.Generate(Questions, count, seed, lean, blankShare);

    /// <summary>The same answers, the first <paramref name="officials"/> respondents customs officials and the others from the private sector.</summary>
    public static SurveyResponses Split(SurveyResponses responses, int officials) =>
        responses.With(responses.Respondents.Select((r, i) => r with { Group = SurveyResponses.Groups[i < officials ? 0 : 1] }));

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}".ToUpperInvariant();

    private async Task<Guid> CreateAsync(string path, object body)
    {
        var response = await administrator.PostAsJsonAsync(path, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"POST {path}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
