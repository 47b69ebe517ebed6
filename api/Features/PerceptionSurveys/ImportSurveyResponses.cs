using System.Globalization;
using System.Text.Json.Serialization;
using Integrity.Api.Data;
using Integrity.Api.Features.Enrolments;
using Integrity.Api.Features.Participants;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Pipeline;
using Integrity.Api.Resources;
using Mediator;
using Column = Integrity.Api.Features.PerceptionSurveys.ResponsesFile.Column;

namespace Integrity.Api.Features.PerceptionSurveys;

/// <summary>
/// Adds a file of responses (see <see cref="ResponsesFile"/>) to a survey round: each new respondent with their
/// answers, and their per-key-factor sums after reversing, which every score reads. A bad row is rejected with every
/// problem it has and does not stop the others. Importing the same file again adds nobody: a respondent already in the
/// round with the same answers is unchanged, one with other answers is rejected (nothing is overwritten). The whole
/// file is one transaction: 3,000 respondents take the write turn for well under a second.
/// </summary>
/// <param name="Sheet">The file as read.</param>
/// <param name="FileSha256">What the audit trail keeps of the file: its fingerprint; the answers stay out of it.</param>
/// <param name="Preview">Answers what the import would do, then rolls everything back.</param>
public sealed record ImportSurveyResponses([property: JsonIgnore] UploadedSheet Sheet, string FileSha256, bool Preview)
    : ICommand<SurveyResponsesImport>, IChangesRecord
{
    [JsonIgnore] public Guid SurveyId { get; init; }
    Guid IChangesRecord.Id => SurveyId;

    /// <summary>Sends the import, or its preview, and answers what it did (or would do).</summary>
    public static async Task<SurveyResponsesImport> RunAsync(ISender sender, Guid surveyId, UploadedSheet sheet, bool preview, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.Send(new ImportSurveyResponses(sheet, sheet.Sha256, preview) { SurveyId = surveyId }, cancellationToken);
        }
        catch (PreviewRolledBackException rolledBack)
        {
            return (SurveyResponsesImport)rolledBack.Answer!;
        }
    }
}

/// <summary>What an import did: every row is added, unchanged or rejected; rejected rows are listed with their problems.</summary>
/// <param name="Rows">The rows under the header, blank rows not counted.</param>
/// <param name="Added">Respondents added to the round.</param>
/// <param name="Unchanged">Respondents already in the round with the same answers (the file was imported before).</param>
/// <param name="Rejected">Rows not imported; each is in <c>attention</c>.</param>
/// <param name="AnswersAdded">Answers added (a blank is no answer).</param>
/// <param name="UnknownColumns">Headers the questionnaire does not know, as written: not read.</param>
/// <param name="Attention">The rejected rows by line, each with every problem it has.</param>
public sealed record SurveyResponsesImport(int Rows, int Added, int Unchanged, int Rejected, int AnswersAdded,
    IReadOnlyList<string> UnknownColumns, IReadOnlyList<RowNeedingAttention> Attention) : IAuditNote
{
    [JsonIgnore]
    public IReadOnlyDictionary<string, string>? AuditNote => new Dictionary<string, string>
    {
        ["rows"] = Rows.ToString(CultureInfo.InvariantCulture),
        ["added"] = Added.ToString(CultureInfo.InvariantCulture),
        ["unchanged"] = Unchanged.ToString(CultureInfo.InvariantCulture),
        ["rejected"] = Rejected.ToString(CultureInfo.InvariantCulture),
        ["answersAdded"] = AnswersAdded.ToString(CultureInfo.InvariantCulture),
    };
}

/// <param name="Line">The row's line number in the file.</param>
/// <param name="Respondent">Its respondent code, when it has one.</param>
/// <param name="Problems">Every reason it was not imported.</param>
public sealed record RowNeedingAttention(int Line, string? Respondent, IReadOnlyList<string> Problems);

/// <summary>Administrators, and coordinators whose scope covers the round's administration (404 outside it).</summary>
public sealed class ImportSurveyResponsesAccess(DbSession db) : IAccessRule<ImportSurveyResponses>
{
    public ValueTask<Access> CheckAsync(ImportSurveyResponses command, Caller caller, CancellationToken cancellationToken) =>
        PerceptionSurveyScope.CheckAsync(db, caller, command.SurveyId, cancellationToken);
}

/// <summary>
/// A round's answers count in the perception figures of every period of its programme that ends on or after its
/// fieldwork (each period compares the latest rounds as of its end), so a submitted or approved report of such a period
/// for the round's administration refuses new answers: the approved figures, and the donors' summary read from the same
/// rounds, stay as they were approved.
/// </summary>
public sealed class ImportSurveyResponsesPlace(DbSession db) : IReportingPeriodPlaces<ImportSurveyResponses>
{
    private const string Round = "SELECT programme_id, administration_id, fieldwork_ends_on FROM perception_surveys WHERE id = @id";

    public async Task<IReadOnlyList<ReportingPeriodPlace>> PlacesAsync(ImportSurveyResponses command, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<RoundRow>(Round, new { id = command.SurveyId }, cancellationToken) is { } round
            ? [new ReportingPeriodPlace(round.ProgrammeId, round.FieldworkEndsOn, DateOnly.MaxValue, [round.AdministrationId], Messages.LockedSurveyAnswers)]
            : [];

    private sealed record RoundRow
    {
        public required Guid ProgrammeId { get; init; }
        public required Guid AdministrationId { get; init; }
        public required DateOnly FieldworkEndsOn { get; init; }
    }
}

/// <summary>
/// A few reads (the questions, the round's respondents, and their answers when the file repeats some), the rows checked
/// in memory, then the new rows written in bulk (<see cref="ManyRows.CopyAsync"/>) and the round's counts.
/// </summary>
public sealed class ImportSurveyResponsesHandler(DbSession db, IConfiguration configuration) : ICommandHandler<ImportSurveyResponses, SurveyResponsesImport>
{
    private const string Questions = """
        SELECT qq.position, qq.code, qq.key_factor_code, qq.reversed
        FROM perception_surveys ps JOIN questionnaire_questions qq ON qq.questionnaire_id = ps.questionnaire_id
        WHERE ps.id = @id
        ORDER BY qq.position
        """;
    private const string Respondents = "SELECT number, code, respondent_group, service, sex, region FROM survey_respondents WHERE survey_id = @id";
    private const string Answers = "SELECT respondent_number, question_position, answer FROM survey_answers WHERE survey_id = @id";
    private const string Counts = """
        UPDATE perception_surveys SET respondent_count = respondent_count + @respondents, answer_count = answer_count + @answers, version = version + 1
        WHERE id = @id
        """;

    private static readonly string[] RespondentColumns = ["survey_id", "number", "code", "respondent_group", "service", "sex", "region"];
    private static readonly string[] AnswerColumns = ["survey_id", "respondent_number", "question_position", "answer"];
    private static readonly string[] KeyFactorColumns = ["survey_id", "respondent_number", "key_factor_code", "answers", "favourable", "answer_total"];

    private const int MaxCodeLength = 40;
    private const int MaxBreakdownLength = 100;

    private static readonly Dictionary<string, RespondentGroup> GroupWords = new(StringComparer.Ordinal)
    {
        ["customs_official"] = RespondentGroup.CustomsOfficial, ["customs_officials"] = RespondentGroup.CustomsOfficial,
        ["customs"] = RespondentGroup.CustomsOfficial, ["official"] = RespondentGroup.CustomsOfficial,
        ["agent_des_douanes"] = RespondentGroup.CustomsOfficial, ["agent_de_douane"] = RespondentGroup.CustomsOfficial,
        ["agent_des_douane"] = RespondentGroup.CustomsOfficial, ["agent_de_douanes"] = RespondentGroup.CustomsOfficial,
        ["douanier"] = RespondentGroup.CustomsOfficial, ["douaniere"] = RespondentGroup.CustomsOfficial,
        ["fonctionnaire_des_douanes"] = RespondentGroup.CustomsOfficial, ["fonctionnaire_de_douane"] = RespondentGroup.CustomsOfficial,
        ["douane"] = RespondentGroup.CustomsOfficial, ["douanes"] = RespondentGroup.CustomsOfficial,
        ["private_sector"] = RespondentGroup.PrivateSector, ["private"] = RespondentGroup.PrivateSector,
        ["secteur_prive"] = RespondentGroup.PrivateSector, ["prive"] = RespondentGroup.PrivateSector,
        ["operateur_prive"] = RespondentGroup.PrivateSector, ["operateur_economique"] = RespondentGroup.PrivateSector,
        ["usager"] = RespondentGroup.PrivateSector, ["entreprise"] = RespondentGroup.PrivateSector,
    };

    public async ValueTask<SurveyResponsesImport> Handle(ImportSurveyResponses command, CancellationToken cancellationToken)
    {
        var questions = await db.QueryAsync<Question>(Questions, new { id = command.SurveyId }, cancellationToken);
        // A questionnaire has at least one question: none means no such round (administrators pass the access rule for any id).
        if (questions.Count == 0) throw new NotFoundException(Messages.RecordPerceptionSurvey, command.SurveyId);
        var file = ResponsesFile.Read(command.Sheet, [.. questions.Select(question => question.Code)],
            SheetLimits.From(configuration, ResponsesFile.BytesPerRow));
        // Two imports into a round at once would number their respondents alike: the second waits for the first.
        await db.TakeTurnsWritingAsync("survey_respondents", cancellationToken);
        var known = (await db.QueryAsync<StoredRespondent>(Respondents, new { id = command.SurveyId }, cancellationToken))
            .ToDictionary(respondent => respondent.Code, StringComparer.Ordinal);

        var import = new Import(command.SurveyId, questions, known.Count == 0 ? 0 : known.Values.Max(respondent => respondent.Number));
        var lines = file.Rows.Where(row => row[Column.Respondent] is not null).ToLookup(row => row[Column.Respondent]!, row => row.Line, StringComparer.Ordinal);
        var read = file.Rows.Select(row => (row, respondent: Read(row, questions, lines, out var problems), problems)).ToList();
        var storedAnswers = read.Any(row => row.respondent is not null && known.ContainsKey(row.respondent.Code))
            ? (await db.QueryAsync<StoredAnswer>(Answers, new { id = command.SurveyId }, cancellationToken)).ToLookup(answer => answer.RespondentNumber)
            : null;
        foreach (var (row, respondent, problems) in read)
        {
            if (respondent is null) import.Reject(row, problems);
            else if (!known.TryGetValue(respondent.Code, out var stored)) import.Add(respondent);
            else if (stored.Matches(respondent, storedAnswers![stored.Number])) import.Unchanged++;
            else import.Reject(row, [Messages.RespondentImportedDifferently.With(respondent.Code)]);
        }

        await ManyRows.CopyAsync(db, "survey_respondents", RespondentColumns, import.NewRespondents, cancellationToken);
        await ManyRows.CopyAsync(db, "survey_answers", AnswerColumns, import.NewAnswers, cancellationToken);
        await ManyRows.CopyAsync(db, "survey_key_factor_answers", KeyFactorColumns, import.NewKeyFactorSums, cancellationToken);
        if (import.NewRespondents.Count > 0)
            await db.ExecuteAsync(Counts, new { id = command.SurveyId, respondents = import.NewRespondents.Count, answers = import.NewAnswers.Count }, cancellationToken);

        var report = new SurveyResponsesImport(file.Rows.Count, import.NewRespondents.Count, import.Unchanged, import.Attention.Count, import.NewAnswers.Count,
            file.UnknownColumns, import.Attention);
        if (command.Preview) throw new PreviewRolledBackException(report);
        return report;
    }

    /// <summary>A row as a respondent with their answers, or null with every problem that stops reading it.</summary>
    private static Respondent? Read(ResponsesFile.Row row, IReadOnlyList<Question> questions, ILookup<string, int> lines, out List<string> problems)
    {
        problems = [];
        if (row.Malformed) problems.Add(Messages.RowQuotes);
        var code = row[Column.Respondent];
        if (code is null) problems.Add(Messages.RespondentCodeMissing);
        else if (code.Length > MaxCodeLength) problems.Add(Messages.RespondentCodeTooLong.With(code, MaxCodeLength));
        else if (lines[code].Count() > 1) problems.Add(Messages.RespondentCodeTwice.With(code, string.Join(", ", lines[code])));
        if (!GroupWords.TryGetValue(UploadedSheet.Key(row[Column.Group] ?? ""), out var group)) problems.Add(Messages.RespondentGroupUnknown.With(row[Column.Group] ?? ""));
        if (!AttendanceSheet.TryReadSex(row[Column.Sex], out var sex)) problems.Add(Messages.RowSex.With(row[Column.Sex]!));
        foreach (var (column, name) in new[] { (Column.Service, "service"), (Column.Region, "region") })
            if (row[column] is { Length: > MaxBreakdownLength } text) problems.Add(Messages.BreakdownTooLong.With(name, text, MaxBreakdownLength));
        var answers = new int?[row.Answers.Count];
        for (var position = 0; position < answers.Length; position++)
        {
            var cell = row.Answers[position];
            if (cell.Length == 0) continue;
            if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var answer) && answer is >= 1 and <= 5) answers[position] = answer;
            else problems.Add(Messages.AnswerOffScale.With(cell, questions[position].Code));
        }
        if (problems.Count == 0 && answers.All(answer => answer is null)) problems.Add(Messages.RespondentNoAnswer);
        return problems.Count > 0 ? null
            : new Respondent(code!, DbEnum.Name(group), row[Column.Service], sex == Sex.NotRecorded ? null : DbEnum.Name(sex), row[Column.Region], answers);
    }

    /// <summary>The rows to write and the rows to report, gathered one respondent at a time in memory.</summary>
    private sealed class Import(Guid surveyId, IReadOnlyList<Question> questions, int lastNumber)
    {
        public List<object?[]> NewRespondents { get; } = [];
        public List<object?[]> NewAnswers { get; } = [];
        public List<object?[]> NewKeyFactorSums { get; } = [];
        public List<RowNeedingAttention> Attention { get; } = [];
        public int Unchanged { get; set; }

        public void Reject(ResponsesFile.Row row, IReadOnlyList<string> problems) => Attention.Add(new RowNeedingAttention(row.Line, row[Column.Respondent], problems));

        public void Add(Respondent respondent)
        {
            var number = ++lastNumber;
            NewRespondents.Add([surveyId, number, respondent.Code, respondent.Group, respondent.Service, respondent.Sex, respondent.Region]);
            var sums = new SortedDictionary<string, (int Answers, int Favourable, int Total)>(StringComparer.Ordinal);
            for (var position = 0; position < respondent.Answers.Count; position++)
            {
                if (respondent.Answers[position] is not { } answer) continue;
                NewAnswers.Add([surveyId, number, position, answer]);
                var question = questions[position];
                var scored = question.Reversed ? 6 - answer : answer;
                var sum = sums.GetValueOrDefault(question.KeyFactorCode);
                sums[question.KeyFactorCode] = (sum.Answers + 1, sum.Favourable + (scored >= 4 ? 1 : 0), sum.Total + scored);
            }
            foreach (var (keyFactor, sum) in sums) NewKeyFactorSums.Add([surveyId, number, keyFactor, sum.Answers, sum.Favourable, sum.Total]);
        }
    }

    /// <param name="Answers">By question position; null is a blank.</param>
    private sealed record Respondent(string Code, string Group, string? Service, string? Sex, string? Region, IReadOnlyList<int?> Answers);

    private sealed record Question
    {
        public required int Position { get; init; }
        public required string Code { get; init; }
        public required string KeyFactorCode { get; init; }
        public required bool Reversed { get; init; }
    }

    private sealed record StoredRespondent
    {
        public required int Number { get; init; }
        public required string Code { get; init; }
        public required string RespondentGroup { get; init; }
        public string? Service { get; init; }
        public string? Sex { get; init; }
        public string? Region { get; init; }

        /// <summary>The same respondent as the row: same group, breakdowns and answers.</summary>
        public bool Matches(Respondent row, IEnumerable<StoredAnswer> answers)
        {
            if (RespondentGroup != row.Group || Service != row.Service || Sex != row.Sex || Region != row.Region) return false;
            var stored = new int?[row.Answers.Count];
            foreach (var answer in answers)
                if (answer.QuestionPosition < stored.Length) stored[answer.QuestionPosition] = answer.Answer;
            return stored.SequenceEqual(row.Answers);
        }
    }

    private sealed record StoredAnswer
    {
        public required int RespondentNumber { get; init; }
        public required int QuestionPosition { get; init; }
        public required int Answer { get; init; }
    }
}
