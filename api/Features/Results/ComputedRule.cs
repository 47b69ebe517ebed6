using Integrity.Api.Data;
using Integrity.Api.Features.Participants;

namespace Integrity.Api.Features.Results;

/// <summary>
/// The rules that compute indicators from the records. Each is one grouped query over the programme's
/// reporting periods, answering a cell per period and bucket (sex, administration, key factor); officials trained and
/// participant-hours share one (<see cref="Attended"/>); the two perception rules read theirs in three steps
/// (<see cref="PerceptionRuleCells"/>). The total of a period and each breakdown are
/// added up from its cells, so a breakdown always adds up to the total. Nothing is stored: a computed actual is always
/// what the records say at the moment it is read.
/// </summary>
/// <remarks>
/// Each rule says what it counts in <see cref="Definition"/>, beside its SQL; the OpenAPI descriptions that name the
/// rules list them through <see cref="DefinitionList"/>, so that wording exists only here.
/// </remarks>
public sealed class ComputedRule
{
    private ComputedRule(IndicatorRule name, IndicatorMeasure measure, Disaggregation[] dimensions, string? sql, string definition)
    {
        Name = name;
        Measure = measure;
        Dimensions = dimensions;
        Sql = sql;
        Definition = definition;
    }

    private ComputedRule(IndicatorRule name, IndicatorMeasure measure, Disaggregation[] dimensions, CellReader read, string definition)
        : this(name, measure, dimensions, (string?)null, definition) => Read = read;

    /// <summary>How a rule that is not one query of its own reads its cells (the pass over attendance, the perception rules).</summary>
    private delegate Task<IReadOnlyList<RuleCell>> CellReader(DbSession db, IReadOnlyList<Guid> periodIds, int minimumCellSize, CancellationToken cancellationToken);

    public IndicatorRule Name { get; }
    /// <summary>The measure an indicator computed by this rule has.</summary>
    public IndicatorMeasure Measure { get; }
    /// <summary>The breakdowns this rule answers.</summary>
    public IReadOnlyList<Disaggregation> Dimensions { get; }
    private string? Sql { get; }
    private CellReader? Read { get; }
    /// <summary>
    /// Whether the rule is one grouped query of its own (<see cref="CommandText"/>); officials trained and participant-hours
    /// share one, the perception rules read theirs in steps.
    /// </summary>
    public bool IsOneQuery => Sql is not null;
    /// <summary>What the rule counts, for people: the one wording of it, in the API's descriptions.</summary>
    public string Definition { get; }

    /// <summary>
    /// Every rule with its definition, as a Markdown paragraph and list for the OpenAPI descriptions that name the rules,
    /// after what all of them share: how records fall in periods and in sex buckets.
    /// </summary>
    public static string DefinitionList() =>
        "Computed rules (a record counts in the period that contains its date, first and last day included; by sex means " +
        "three buckets, female, male and not_recorded, which add up to the total; a percentage of several administrations, " +
        "regions or key factors is that of their counts added up, not the mean of their percentages):\n\n" +
        string.Join("\n", Rules.Values.Select(rule => $"- `{DbEnum.Name(rule.Name)}`: {rule.Definition}"));

    /// <summary>
    /// The cells of the given periods: one query, whatever their number (three for a perception rule). A perception rule
    /// leaves out the key factors of a round that fewer than <paramref name="minimumCellSize"/> respondents answered.
    /// </summary>
    public async Task<IReadOnlyList<RuleCell>> CellsAsync(DbSession db, IReadOnlyList<Guid> periodIds, int minimumCellSize, CancellationToken cancellationToken) =>
        periodIds.Count == 0 ? []
        : Read is not null ? await Read(db, periodIds, minimumCellSize, cancellationToken)
        : await db.QueryAsync<RuleCell>(CommandText(db.Dialect), new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken);

    /// <summary>
    /// The cells of each of the rules for the given periods: one query per rule (three per perception rule), except
    /// officials trained and participant-hours, which one pass over attendance answers together.
    /// </summary>
    public static async Task<IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>>> CellsAsync(DbSession db, IEnumerable<IndicatorRule> rules,
        IReadOnlyList<Guid> periodIds, int minimumCellSize, CancellationToken cancellationToken)
    {
        var cells = new Dictionary<IndicatorRule, IReadOnlyList<RuleCell>>();
        IReadOnlyList<AttendedCell>? attended = null;
        foreach (var rule in rules)
            cells[rule] = rule is IndicatorRule.OfficialsTrained or IndicatorRule.ParticipantHours && periodIds.Count > 0
                ? Attendance(rule, attended ??= await AttendedAsync(db, periodIds, cancellationToken))
                : await For(rule).CellsAsync(db, periodIds, minimumCellSize, cancellationToken);
        return cells;
    }

    /// <summary>The one pass over attendance (<see cref="Attended"/>) for the periods in <c>@periodIds</c> (through <see cref="SqlDialect.Ids"/>).</summary>
    internal static string AttendedSql(SqlDialect dialect) => string.Format(Attended, dialect.InIds("rp.id", "periodIds"));

    private static async Task<IReadOnlyList<AttendedCell>> AttendedAsync(DbSession db, IReadOnlyList<Guid> periodIds, CancellationToken cancellationToken) =>
        await db.QueryAsync<AttendedCell>(AttendedSql(db.Dialect), new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken);

    private static async Task<IReadOnlyList<RuleCell>> AttendanceAsync(DbSession db, IndicatorRule rule, IReadOnlyList<Guid> periodIds,
        CancellationToken cancellationToken) => Attendance(rule, await AttendedAsync(db, periodIds, cancellationToken));

    /// <summary>Officials trained or participant-hours, from the pass over attendance.</summary>
    internal static IReadOnlyList<RuleCell> Attendance(IndicatorRule rule, IEnumerable<AttendedCell> attended) =>
        attended.Select(cell => new RuleCell
        {
            PeriodId = cell.PeriodId, Sex = cell.Sex, AdministrationId = cell.AdministrationId,
            Amount = rule == IndicatorRule.OfficialsTrained ? cell.Officials : cell.Hours,
        }).ToList();

    /// <summary>
    /// The rule's query for the periods in <c>@periodIds</c> (pass them through <see cref="SqlDialect.Ids"/>); never run with
    /// none; only for a rule that <see cref="IsOneQuery"/>.
    /// </summary>
    internal string CommandText(SqlDialect dialect) =>
        string.Format(Sql ?? throw new InvalidOperationException($"{Name} is not one query."), dialect.InIds("rp.id", "periodIds"));

    /// <summary>The value of some cells together: their sum, or for a percentage the share of their bases (none of none).</summary>
    public decimal? Aggregate(IEnumerable<RuleCell> cells)
    {
        var all = cells.ToList();
        if (Measure != IndicatorMeasure.Percentage) return all.Sum(cell => cell.Amount);
        var due = all.Sum(cell => cell.Base ?? 0);
        return due == 0 ? null : Math.Round(100m * all.Sum(cell => cell.Amount) / due, 2, MidpointRounding.AwayFromZero);
    }

    // {0} is the dialect's "rp.id is one of @periodIds". Officials trained and participant-hours in one pass over
    // attendance: each participant's hours per period first, then one row per participant and period looked up for their
    // sex and administration, so counting them needs no DISTINCT and participants are read once per period, not per session.
    private static readonly string Attended = $$"""
        SELECT attended.period_id, {{DbEnum.Column("p.sex", "sex")}}, p.administration_id, count(*) AS officials, sum(attended.hours) AS hours
        FROM (SELECT rp.id AS period_id, a.participant_id, sum(m.hours) AS hours
              FROM reporting_periods rp
              JOIN workshops w ON w.programme_id = rp.programme_id AND w.status = 'held'
              JOIN sessions s ON s.workshop_id = w.id AND s.held_on >= rp.starts_on AND s.held_on <= rp.ends_on
              JOIN modules m ON m.id = s.module_id
              JOIN attendance a ON a.session_id = s.id AND a.status IN ('present', 'late')
              WHERE {0}
              GROUP BY rp.id, a.participant_id) attended
        JOIN participants p ON p.id = attended.participant_id
        GROUP BY attended.period_id, p.sex, p.administration_id
        """;

    private const string WorkshopsHeld = """
        SELECT rp.id AS period_id, w.host_administration_id AS administration_id, count(*) AS amount
        FROM reporting_periods rp
        JOIN workshops w ON w.programme_id = rp.programme_id AND w.status = 'held' AND w.ends_on >= rp.starts_on AND w.ends_on <= rp.ends_on
        WHERE {0}
        GROUP BY rp.id, w.host_administration_id
        """;

    private const string AccreditedNationalTrainers = """
        SELECT rp.id AS period_id, t.administration_id, count(*) AS amount
        FROM reporting_periods rp
        JOIN programme_administrations pa ON pa.programme_id = rp.programme_id
        JOIN trainers t ON t.administration_id = pa.administration_id AND t.kind = 'national_trainer'
        WHERE {0}
          AND EXISTS (SELECT 1 FROM accreditations ac
                      WHERE ac.trainer_id = t.id AND ac.stage = 'accredited' AND ac.accredited_on <= rp.ends_on)
        GROUP BY rp.id, t.administration_id
        """;

    // The cascade as ListCascade joins it, counted by the day each session was held. The order is the one SQLite must
    // take (CROSS JOIN keeps SQLite's tables in the order written; PostgreSQL and SQL Server plan it as any join): from the
    // programme's trainings of trainers through their trainers to the sessions they delivered, then the periods they
    // fall in. Left to itself SQLite reaches sessions through their module and reads each module's sessions again per
    // accreditation and period, or with statistics pairs every national trainer with every held workshop: seconds
    // where this takes milliseconds.
    private const string CascadeSessions = """
        SELECT rp.id AS period_id, w.host_administration_id AS administration_id, count(DISTINCT s.id) AS amount
        FROM workshops tot
        CROSS JOIN accreditations ac
        CROSS JOIN trainers t
        CROSS JOIN session_trainers st
        CROSS JOIN sessions s
        CROSS JOIN workshops w
        CROSS JOIN reporting_periods rp
        WHERE tot.programme_id IN (SELECT rp.programme_id FROM reporting_periods rp WHERE {0})
          AND ac.trained_at_workshop_id = tot.id
          AND t.id = ac.trainer_id AND t.kind = 'national_trainer'
          AND st.trainer_id = ac.trainer_id
          AND s.id = st.session_id AND s.module_id = ac.module_id AND s.held_on > tot.ends_on
          AND w.id = s.workshop_id AND w.status = 'held'
          AND rp.programme_id = tot.programme_id AND s.held_on >= rp.starts_on AND s.held_on <= rp.ends_on AND {0}
        GROUP BY rp.id, w.host_administration_id
        """;

    private const string AdministrationsWithAdoptedPlan = """
        SELECT rp.id AS period_id, ap.administration_id, count(DISTINCT ap.administration_id) AS amount
        FROM reporting_periods rp
        JOIN action_plans ap ON ap.programme_id = rp.programme_id AND ap.status <> 'draft' AND ap.adopted_on <= rp.ends_on
                            AND ap.starts_on <= rp.ends_on AND ap.ends_on >= rp.starts_on
        WHERE {0}
        GROUP BY rp.id, ap.administration_id
        """;

    // SQL Server takes no subquery inside an aggregate: each due action is flagged first, then counted.
    private const string ActionsDoneOnTimePercent = """
        SELECT period_id, administration_id, sum(on_time) AS amount, count(*) AS base
        FROM (SELECT rp.id AS period_id, ap.administration_id,
                     CASE WHEN x.status = 'done' AND EXISTS (SELECT 1 FROM progress_updates pu
                                                            WHERE pu.action_id = x.id AND pu.status = 'done' AND pu.reported_on <= x.due_on)
                          THEN 1 ELSE 0 END AS on_time
              FROM reporting_periods rp
              JOIN action_plans ap ON ap.programme_id = rp.programme_id AND ap.status <> 'draft'
              JOIN actions x ON x.action_plan_id = ap.id AND x.status <> 'cancelled' AND x.due_on >= rp.starts_on AND x.due_on <= rp.ends_on
              WHERE {0}) actions_due
        GROUP BY period_id, administration_id
        """;

    public static ComputedRule For(IndicatorRule rule) => Rules[rule];

    // Last: the SQL above must be initialised first.
    private static readonly Dictionary<IndicatorRule, ComputedRule> Rules = new ComputedRule[]
    {
        new(IndicatorRule.OfficialsTrained, IndicatorMeasure.Unit, [Disaggregation.Sex, Disaggregation.Administration],
            (db, periodIds, _, cancellationToken) => AttendanceAsync(db, IndicatorRule.OfficialsTrained, periodIds, cancellationToken),
            "distinct participants who attended (present or late) at least one session held in the period, of a held workshop " +
            "of the programme: someone at two workshops counts once; absent or excused counts not at all, nor do planned and " +
            "cancelled workshops. By sex and by the participant's administration."),
        new(IndicatorRule.WorkshopsHeld, IndicatorMeasure.Unit, [Disaggregation.Administration], WorkshopsHeld,
            "held workshops and missions (every kind) of the programme, in the period that contains their last day, so one " +
            "spanning two periods counts once. By host administration."),
        new(IndicatorRule.ParticipantHours, IndicatorMeasure.Unit, [Disaggregation.Sex, Disaggregation.Administration],
            (db, periodIds, _, cancellationToken) => AttendanceAsync(db, IndicatorRule.ParticipantHours, periodIds, cancellationToken),
            "the hours of the module of each session held in the period, of a held workshop of the programme, once per " +
            "participant present or late. By sex and by the participant's administration."),
        new(IndicatorRule.AccreditedNationalTrainers, IndicatorMeasure.Unit, [Disaggregation.Administration], AccreditedNationalTrainers,
            "a count at the end of the period: national trainers of an administration the programme covers with at least one " +
            "accreditation at stage accredited, accredited on or before the period's last day. By the trainer's administration."),
        new(IndicatorRule.CascadeSessions, IndicatorMeasure.Unit, [Disaggregation.Administration], CascadeSessions,
            "what GET /api/v1/trainers/cascade?programmeId counts, by day: sessions held in the period, in held workshops of " +
            "any programme, where a national trainer trained at a training of trainers of this programme delivers the module " +
            "they were trained in, after that training ended; a session two such trainers deliver together counts once. By " +
            "the session's host administration."),
        new(IndicatorRule.AdministrationsWithAdoptedPlan, IndicatorMeasure.Unit, [Disaggregation.Administration], AdministrationsWithAdoptedPlan,
            "a count at the end of the period: administrations with an action plan under the programme adopted on or before " +
            "the period's last day, not back to draft, whose own dates overlap the period. By administration."),
        new(IndicatorRule.ActionsDoneOnTimePercent, IndicatorMeasure.Percentage, [Disaggregation.Administration], ActionsDoneOnTimePercent,
            "of the actions due in the period, in plans of the programme that are not drafts, cancelled ones left out: the " +
            "percentage (two decimals) done on time, that is, now done and first reported done on or before their due day; " +
            "none due, no value. By the plan's administration."),
        new(IndicatorRule.PerceptionFavourablePercent, IndicatorMeasure.Percentage, [Disaggregation.Administration, Disaggregation.KeyFactor],
            PerceptionRuleCells.FavourableAsync,
            "of the answers to an administration's latest perception survey round under the programme whose fieldwork ended on " +
            "or before the period's last day (and whose answers are in), the percentage (two decimals) that are favourable, 4 " +
            "or 5 after reversing. A rule's value is one number per period and administration, so it pools the round's key " +
            "factors and both groups (customs officials and private sector); by key factor it gives each key factor with both " +
            "groups pooled, since an indicator breaks down by key factor but not by respondent group (the round's scores give " +
            "each group). A key factor answered by fewer than Reporting:MinimumCellSize respondents in the round does not count. " +
            "The programme's value pools the administrations' answers. By administration and by key factor."),
        new(IndicatorRule.KeyFactorsImprovedPercent, IndicatorMeasure.Percentage, [Disaggregation.Administration], PerceptionRuleCells.ImprovedAsync,
            "for an administration with two perception survey rounds under the programme whose fieldwork ended on or before the " +
            "period's last day (its latest two), the key factors that received support between them, from the earlier round's " +
            "last fieldwork day to the later round's first, both included: a session of a held workshop of the programme " +
            "hosted by the administration whose module covers the key factor, or an objective on the key factor in its action " +
            "plan under the programme (not a draft, adopted by then, its dates overlapping those days). Of those scored in both " +
            "rounds (both groups pooled; a key factor of fewer than Reporting:MinimumCellSize respondents in a round does not " +
            "count), the percentage (two decimals) whose favourable percent rose. None supported and scored, no value. The " +
            "programme's value is over all its administrations' supported key factors. By administration."),
    }.ToDictionary(rule => rule.Name);
}

/// <summary>One period, sex and administration of the pass over attendance: officials trained and participant-hours.</summary>
internal sealed record AttendedCell
{
    public required Guid PeriodId { get; init; }
    public Sex? Sex { get; init; }
    public required Guid AdministrationId { get; init; }
    public required decimal Officials { get; init; }
    public required decimal Hours { get; init; }
}

/// <summary>One period and bucket of a computed rule's answer.</summary>
public sealed record RuleCell
{
    public required Guid PeriodId { get; init; }
    public Sex? Sex { get; init; }
    public Guid? AdministrationId { get; init; }
    /// <summary>The key factor, for a rule that answers by key factor (perception_favourable_percent).</summary>
    public string? KeyFactorCode { get; init; }
    /// <summary>The count or sum; for a percentage, how many of <see cref="Base"/> qualify.</summary>
    public required decimal Amount { get; init; }
    /// <summary>For a percentage, how many there are in all.</summary>
    public decimal? Base { get; init; }
}
