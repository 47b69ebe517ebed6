using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Integrity.Tests;

/// <summary>
/// A made-up round of perception survey answers, the file a fieldworker would send for it, and the figures a test
/// expects, computed here from the answers themselves, never read back from the API.
/// </summary>
public sealed class SurveyResponses
{
    public sealed record Question(string Code, string KeyFactorCode, bool Reversed);

    /// <param name="Answers">By question code, 1 to 5; null is a blank (no answer).</param>
    public sealed record Respondent(string Code, string Group, string? Service, string? Sex, string? Region, IReadOnlyDictionary<string, int?> Answers);

    /// <summary>What scores say of one key factor and group (and breakdown value): computed from the answers, after reversing.</summary>
    public sealed record Tally(string KeyFactorCode, string Group, string? Breakdown, int Respondents, int Answers, int Favourable, int AnswerTotal)
    {
        public decimal FavourablePercent => Math.Round(100m * Favourable / Answers, 2, MidpointRounding.AwayFromZero);
        public decimal Mean => Math.Round((decimal)AnswerTotal / Answers, 2, MidpointRounding.AwayFromZero);
    }

    public static readonly string[] Groups = ["customs_official", "private_sector"];
    public static readonly string[] Services = ["border", "revenue", "enforcement"];
    public static readonly string[] Regions = ["Centre", "Hauts-Bassins", "Est"];

    public IReadOnlyList<Question> Questions { get; }
    public IReadOnlyList<Respondent> Respondents { get; }

    private SurveyResponses(IReadOnlyList<Question> questions, IReadOnlyList<Respondent> respondents)
    {
        Questions = questions;
        Respondents = respondents;
    }

    /// <summary>
    /// <paramref name="count"/> respondents with answers drawn from <paramref name="seed"/>; a higher <paramref name="lean"/>
    /// (0 to 1) makes answers more favourable, so two rounds can differ on purpose.
    /// </summary>
    public static SurveyResponses Generate(IReadOnlyList<Question> questions, int count, int seed, double lean = 0.5, double blankShare = 0.1,
        string codePrefix = "R")
    {
        var random = new Random(seed);
        var respondents = Enumerable.Range(1, count).Select(n => new Respondent(
            $"{codePrefix}{n:D5}",
            Groups[random.Next(Groups.Length)],
            random.NextDouble() < 0.9 ? Services[random.Next(Services.Length)] : null,
            random.NextDouble() < 0.9 ? (random.Next(2) == 0 ? "female" : "male") : null,
            random.NextDouble() < 0.9 ? Regions[random.Next(Regions.Length)] : null,
            questions.ToDictionary(q => q.Code, q => random.NextDouble() < blankShare ? (int?)null : Answer(random, lean, q.Reversed))))
            .ToList();
        return new SurveyResponses(questions, respondents);
    }

    /// <summary>A favourable lean pushes the scored answer up: a reversed question's given answer goes down.</summary>
    private static int Answer(Random random, double lean, bool reversed)
    {
        var scored = Math.Clamp((int)Math.Round(1 + 4 * (lean + (random.NextDouble() - 0.5) * 0.9)), 1, 5);
        return reversed ? 6 - scored : scored;
    }

    public SurveyResponses With(IEnumerable<Respondent> respondents) => new(Questions, respondents.ToList());

    /// <summary>The file: respondent, group, service, sex, region, then a column per question code; blanks left empty.</summary>
    public string ToCsv(char separator = ',')
    {
        var text = new StringBuilder();
        text.AppendJoin(separator, new[] { "respondent", "group", "service", "sex", "region" }.Concat(Questions.Select(q => q.Code))).Append("\r\n");
        foreach (var r in Respondents)
            text.AppendJoin(separator, new[] { r.Code, r.Group, r.Service ?? "", r.Sex ?? "", r.Region ?? "" }
                .Concat(Questions.Select(q => r.Answers[q.Code]?.ToString(CultureInfo.InvariantCulture) ?? ""))).Append("\r\n");
        return text.ToString();
    }

    /// <summary>The same file as an Excel workbook, answers as number cells.</summary>
    public byte[] ToXlsx()
    {
        var header = new object?[] { "respondent", "group", "service", "sex", "region" }.Concat(Questions.Select(q => q.Code)).ToList();
        var rows = Respondents.Select(r => new object?[] { r.Code, r.Group, r.Service, r.Sex, r.Region }
            .Concat(Questions.Select(q => (object?)r.Answers[q.Code])).ToList());
        using var workbook = new MemoryStream();
        workbook.SaveAs(new[] { header }.Concat(rows)
            .Select(row => row.Select((cell, i) => (Key: $"c{i}", Cell: cell)).ToDictionary(cell => cell.Key, cell => cell.Cell)).ToList(), printHeader: false);
        return workbook.ToArray();
    }

    /// <summary>What the import answers (contract item 1).</summary>
    public sealed record ImportAnswer(int Rows, int Added, int Unchanged, int Rejected, int AnswersAdded, List<string> UnknownColumns, List<RowAttention> Attention);

    public sealed record RowAttention(int Line, string? Respondent, List<string> Problems);

    /// <summary>Posts <see cref="ToCsv"/> to the round's import as <paramref name="client"/>, in <paramref name="language"/> when given.</summary>
    public Task<HttpResponseMessage> PostAsync(HttpClient client, Guid surveyId, string? language = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/perception-surveys/{surveyId}/responses") { Content = new StringContent(ToCsv(), Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv; charset=utf-8");
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return client.SendAsync(request);
    }

    /// <summary>Posts <see cref="ToCsv"/> to the round's import as <paramref name="client"/> and answers what it did; anything but 200 fails the test.</summary>
    public async Task<ImportAnswer> ImportAsync(HttpClient client, Guid surveyId)
    {
        var response = await PostAsync(client, surveyId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonSerializer.Deserialize<ImportAnswer>(body, JsonSerializerOptions.Web)!;
    }

    /// <summary>The expected tallies by key factor and group, and by <paramref name="by"/> (service, sex, region) when given.</summary>
    public IReadOnlyList<Tally> Expected(string? by = null) =>
        Respondents
            .SelectMany(r => Questions
                .Where(q => r.Answers[q.Code] is not null)
                .Select(q => (r, q, scored: q.Reversed ? 6 - r.Answers[q.Code]!.Value : r.Answers[q.Code]!.Value)))
            .GroupBy(a => (a.q.KeyFactorCode, a.r.Group, Breakdown: by switch
            {
                null => null,
                "service" => a.r.Service,
                "sex" => a.r.Sex,
                "region" => a.r.Region,
                _ => throw new ArgumentOutOfRangeException(nameof(by)),
            }))
            .Select(g => new Tally(g.Key.KeyFactorCode, g.Key.Group, g.Key.Breakdown,
                g.Select(a => a.r.Code).Distinct().Count(), g.Count(), g.Count(a => a.scored >= 4), g.Sum(a => a.scored)))
            .OrderBy(t => t.KeyFactorCode, StringComparer.Ordinal).ThenBy(t => t.Group, StringComparer.Ordinal)
            .ThenBy(t => t.Breakdown, StringComparer.Ordinal)
            .ToList();
}
