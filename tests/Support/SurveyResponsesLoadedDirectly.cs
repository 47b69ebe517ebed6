namespace Integrity.Tests;

/// <summary>
/// TEMPORARY, until POST /perception-surveys/{id}/responses lands: writes a round's answers straight into the tables
/// the import fills, so that scores, trends and indicators can be built beside it. Questions are numbered in the order
/// of <see cref="SurveyResponses.Questions"/>, which must be the questionnaire's order. Replaced by the import, then deleted.
/// </summary>
public static class SurveyResponsesLoadedDirectly
{
    public static async Task LoadDirectlyAsync(this SurveyResponses responses, TestDatabase database, Guid surveyId)
    {
        object survey = surveyId;
        var answers = 0;
        var number = (int)(long)(await TestSql.ScalarAsync(database, "SELECT count(*) FROM survey_respondents WHERE survey_id = @s", ("s", survey)) ?? 0L);
        foreach (var r in responses.Respondents)
        {
            number++;
            await TestSql.ExecuteAsync(database,
                "INSERT INTO survey_respondents (survey_id, number, code, respondent_group, service, sex, region) VALUES (@s, @n, @c, @g, @sv, @sx, @rg)",
                ("s", survey), ("n", number), ("c", r.Code), ("g", r.Group), ("sv", (object?)r.Service ?? DBNull.Value),
                ("sx", (object?)r.Sex ?? DBNull.Value), ("rg", (object?)r.Region ?? DBNull.Value));
            var given = responses.Questions.Select((q, position) => (q, position, answer: r.Answers[q.Code])).Where(a => a.answer is not null).ToList();
            foreach (var (_, position, answer) in given)
                await TestSql.ExecuteAsync(database, "INSERT INTO survey_answers (survey_id, respondent_number, question_position, answer) VALUES (@s, @n, @p, @a)",
                    ("s", survey), ("n", number), ("p", position), ("a", answer!.Value));
            foreach (var factor in given.GroupBy(a => a.q.KeyFactorCode))
            {
                var scored = factor.Select(a => a.q.Reversed ? 6 - a.answer!.Value : a.answer!.Value).ToList();
                await TestSql.ExecuteAsync(database,
                    "INSERT INTO survey_key_factor_answers (survey_id, respondent_number, key_factor_code, answers, favourable, answer_total) VALUES (@s, @n, @k, @a, @f, @t)",
                    ("s", survey), ("n", number), ("k", factor.Key), ("a", scored.Count), ("f", scored.Count(v => v >= 4)), ("t", scored.Sum()));
            }
            answers += given.Count;
        }
        await TestSql.ExecuteAsync(database,
            "UPDATE perception_surveys SET respondent_count = respondent_count + @r, answer_count = answer_count + @a WHERE id = @s",
            ("s", survey), ("r", responses.Respondents.Count), ("a", answers));
    }
}
