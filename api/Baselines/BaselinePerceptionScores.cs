using System.Data.Common;
using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Features.PerceptionSurveys;
using Integrity.Api.Features.Reports;
using Integrity.Api.Http;
using Integrity.Api.Identity;

namespace Integrity.Api.Baselines;

/// <summary>
/// GET /bench/baseline/perception-surveys/{id}/scores: the same figures as <see cref="GetPerceptionScoresHandler"/>, computed
/// the plain way, in one SQL aggregate over the stored answers joined to their questions (reversing) and respondents,
/// through plain ADO.NET, without the per-respondent sums the import keeps. Written as the API writes a
/// <see cref="PerceptionScores"/>; the two decimals come from the same <see cref="KeyFactorTally"/>.
/// </summary>
public static class BaselinePerceptionScores
{
    private const string Survey = "SELECT ps.id FROM perception_surveys ps WHERE ps.id = @id";

    private const string Breakdown = "CASE @by WHEN 'service' THEN r.service WHEN 'sex' THEN r.sex WHEN 'region' THEN r.region END";

    // A reversed answer counts as 6 - answer; favourable is 4 or 5 after that.
    private const string Scored = "CASE WHEN q.reversed = @reversed THEN 6 - a.answer ELSE a.answer END";

    private const string Scores = $"""
        SELECT q.key_factor_code, replace(r.respondent_group, '_', '') AS respondent_group, {Breakdown} AS breakdown,
               count(DISTINCT a.respondent_number) AS respondents, count(*) AS answers,
               sum(CASE WHEN {Scored} >= 4 THEN 1 ELSE 0 END) AS favourable, sum({Scored}) AS answer_total
        FROM survey_answers a
        JOIN perception_surveys ps ON ps.id = a.survey_id
        JOIN questionnaire_questions q ON q.questionnaire_id = ps.questionnaire_id AND q.position = a.question_position
        JOIN survey_respondents r ON r.survey_id = a.survey_id AND r.number = a.respondent_number
        WHERE a.survey_id = @id
        GROUP BY q.key_factor_code, r.respondent_group, {Breakdown}
        """;

    public static async Task GetAsync(Guid id, string? by, Caller caller, Database database, SmallCounts smallCounts, HttpResponse response,
        JsonWriterOptions json, CancellationToken cancellationToken)
    {
        ScoreBreakdown? breakdown = DbEnum.TryParse<ScoreBreakdown>(by, out var chosen) ? chosen : null;
        if (by is not null && breakdown is null)
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        var found = await RawSql.QueryAsync(connection, database.Dialect, $"{Survey}{Scope.And(PerceptionSurveyScope.Of(caller, "ps"))}",
            [("id", id), .. RawSql.Scope(caller)], row => row.Id("id"), cancellationToken);
        if (found.Count == 0)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var names = (await RawSql.QueryAsync(connection, database.Dialect, GetProgressReportHandler.KeyFactors, [],
                row => (Code: row.Text("code"), En: row.Text("name_en"), Fr: row.Text("name_fr")), cancellationToken))
            .ToDictionary(name => name.Code, StringComparer.Ordinal);
        var cells = await RawSql.QueryAsync(connection, database.Dialect, Scores,
            [("id", id), ("by", breakdown is { } b ? DbEnum.Name(b) : null), ("reversed", true)],
            row => new KeyFactorTally
            {
                SurveyId = id,
                KeyFactorCode = row.Text("key_factor_code"),
                Group = row.Enum<RespondentGroup>("respondent_group"),
                Breakdown = row.OptionalText("breakdown"),
                Respondents = row.Number("respondents"),
                Answers = row.Number("answers"),
                Favourable = row.Number("favourable"),
                AnswerTotal = row.Number("answer_total"),
            }, cancellationToken);

        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, json);
        writer.WriteStartObject();
        writer.WriteString("surveyId", id);
        if (breakdown is { } written) writer.WriteString("by", DbEnum.Name(written));
        else writer.WriteNull("by");
        writer.WriteNumber("minimumCellSize", smallCounts.MinimumCellSize);
        writer.WriteStartArray("items");
        var withheld = KeyFactorTallies.Withheld(cells, smallCounts.MinimumCellSize);
        foreach (var cell in cells.OrderBy(cell => cell.KeyFactorCode, StringComparer.Ordinal).ThenBy(cell => cell.Group)
                     .ThenBy(cell => cell.Breakdown, StringComparer.Ordinal))
        {
            var name = names[cell.KeyFactorCode];
            var suppressed = withheld.Contains(cell);
            writer.WriteStartObject();
            writer.WriteString("keyFactorCode", cell.KeyFactorCode);
            writer.WriteString("keyFactorNameEn", name.En);
            writer.WriteString("keyFactorNameFr", name.Fr);
            writer.WriteString("group", DbEnum.Name(cell.Group!.Value));
            if (cell.Breakdown is null) writer.WriteNull("breakdown");
            else writer.WriteString("breakdown", cell.Breakdown);
            writer.WriteBoolean("suppressed", suppressed);
            WriteFigures(writer, suppressed ? null : cell);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter writer, KeyFactorTally? cell)
    {
        if (cell is null)
        {
            foreach (var name in (string[])["respondents", "answers", "favourablePercent", "mean"]) writer.WriteNull(name);
            return;
        }
        writer.WriteNumber("respondents", cell.Respondents);
        writer.WriteNumber("answers", cell.Answers);
        writer.WriteNumber("favourablePercent", cell.FavourablePercent);
        writer.WriteNumber("mean", cell.Mean);
    }
}
