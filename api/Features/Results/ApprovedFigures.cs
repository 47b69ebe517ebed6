using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Reports;

namespace Integrity.Api.Features.Results;

/// <summary>
/// What an approval froze: the figures an administration's report for a period covers, taken from the records when it
/// is approved, so that donors read what was approved whatever is corrected, merged or moved afterwards. A snapshot holds
/// every computed cell (each rule's cells by sex, and the modules delivered by key factor) of the administration, and
/// every value of the programme's indicators for the period with each breakdown of the administration; and, shared by
/// the period, the cells and values of no administration it covers (programme-wide totals, records of an administration
/// the programme no longer covers), which the report takes from the period's latest snapshot. Its hash is the SHA-256
/// of <see cref="Canonical"/>, kept with it and in the approval's audit entry.
/// </summary>
public static class ApprovedFigures
{
    public const string Modules = "modules_delivered";
    public const string IndicatorValue = "indicator";

    private const string InsertSnapshot = """
        INSERT INTO approval_snapshots (report_id, period_id, administration_id, hash, taken_at)
        VALUES (@reportId, @periodId, @administrationId, @hash, @takenAt)
        """;

    private const string DeleteFigures = "DELETE FROM approved_figures WHERE report_id = @reportId";
    private const string DeleteSnapshot = "DELETE FROM approval_snapshots WHERE report_id = @reportId";

    private const string Snapshots = "SELECT s.report_id, s.period_id, s.administration_id, s.hash, s.taken_at FROM approval_snapshots s WHERE {0}";

    // The snapshot of the administration's approved report for a period of the programme.
    private const string OfApprovedReport = """
        s.period_id = @periodId AND s.administration_id = @administrationId AND s.report_id IN (
            SELECT r.id FROM period_reports r JOIN reporting_periods rp ON rp.id = r.period_id
            WHERE r.state = 'approved' AND rp.programme_id = @programmeId)
        """;

    private const string Figures = """
        SELECT f.report_id, f.source, f.indicator_id, f.sex, f.administration_id, f.key_factor_code, f.amount, f.base, f.target
        FROM approved_figures f JOIN approval_snapshots s ON s.report_id = f.report_id
        WHERE {0}
        ORDER BY f.report_id, f.position
        """;

    /// <summary>The figures of the administration's report for the period as the records give them now, in canonical order.</summary>
    /// <param name="indicators">The programme's indicators (<see cref="IndicatorDetails.AllOfProgrammeAsync"/>), when the caller has read them.</param>
    /// <param name="minimumCellSize">Reporting:MinimumCellSize, below which a perception rule leaves a key factor out.</param>
    public static async Task<IReadOnlyList<ApprovedFigure>> LiveAsync(DbSession db, Guid programmeId, Guid periodId, Guid administrationId,
        IReadOnlyList<IndicatorDetails>? indicators, int minimumCellSize, CancellationToken cancellationToken)
    {
        var period = await db.QuerySingleOrDefaultAsync<Period>(IndicatorValues.PeriodOf, new { programmeId, periodId }, cancellationToken);
        if (period is null) return [];
        var covered = await db.QueryAsync<Guid>(IndicatorValues.Covered, new { programmeId }, cancellationToken);
        var coveredIds = covered.ToHashSet();
        bool Belongs(Guid? of) => of is not { } id || id == administrationId || !coveredIds.Contains(id);

        IReadOnlyList<Guid> periodIds = [periodId];
        var cells = await ComputedRule.CellsAsync(db, Enum.GetValues<IndicatorRule>(), periodIds, minimumCellSize, cancellationToken);
        var modules = await db.QueryAsync<ModuleCell>(GetProgressReportHandler.ModulesDeliveredSql(db.Dialect),
            new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken);
        var read = new IndicatorValues.ProgrammeRead(cells, covered);

        var figures = new List<ApprovedFigure>();
        foreach (var (rule, ofRule) in cells)
            figures.AddRange(ofRule.Where(cell => Belongs(cell.AdministrationId)).Select(cell => new ApprovedFigure
            {
                Source = DbEnum.Name(rule), Sex = cell.Sex is { } sex ? DbEnum.Name(sex) : null, AdministrationId = cell.AdministrationId,
                KeyFactorCode = cell.KeyFactorCode, Amount = cell.Amount, Base = cell.Base,
            }));
        figures.AddRange(modules.Where(cell => Belongs(cell.AdministrationId)).Select(cell => new ApprovedFigure
        {
            Source = Modules, AdministrationId = cell.AdministrationId, KeyFactorCode = cell.KeyFactorCode, Amount = cell.Amount,
        }));
        foreach (var indicator in indicators ?? await IndicatorDetails.AllOfProgrammeAsync(db, programmeId, cancellationToken))
        {
            var values = (await IndicatorValues.ReadAsync(db, indicator, [period], minimumCellSize, cancellationToken, read)).Single();
            if (values.Target is not null || values.Actual is not null)
                figures.Add(new ApprovedFigure { Source = IndicatorValue, IndicatorId = indicator.Id, Amount = values.Actual, Target = values.Target });
            figures.AddRange(values.Disaggregations.Where(value => Belongs(value.AdministrationId)).Select(value => new ApprovedFigure
            {
                Source = IndicatorValue, IndicatorId = indicator.Id, Sex = value.Sex is { } sex ? DbEnum.Name(sex) : null,
                AdministrationId = value.AdministrationId, KeyFactorCode = value.KeyFactorCode, Amount = value.Actual, Target = value.Target,
            }));
        }
        return InOrder(figures);
    }

    /// <summary>Takes the snapshot of an approved report: its figures now, stored with their hash, which it answers.</summary>
    public static async Task<string> TakeAsync(DbSession db, Guid programmeId, Guid periodId, Guid administrationId, Guid reportId,
        DateTimeOffset takenAt, int minimumCellSize, CancellationToken cancellationToken)
    {
        var figures = await LiveAsync(db, programmeId, periodId, administrationId, null, minimumCellSize, cancellationToken);
        var hash = Hash(figures);
        await db.ExecuteAsync(InsertSnapshot, new { reportId, periodId, administrationId, hash, takenAt }, cancellationToken);
        await ManyRows.InsertAsync(db, "approved_figures", figures.Select((figure, position) => new Dictionary<string, object?>
        {
            ["report_id"] = reportId, ["position"] = position, ["source"] = figure.Source, ["indicator_id"] = figure.IndicatorId, ["sex"] = figure.Sex,
            ["administration_id"] = figure.AdministrationId, ["key_factor_code"] = figure.KeyFactorCode, ["amount"] = figure.Amount,
            ["base"] = figure.Base, ["target"] = figure.Target,
        }).ToList(), cancellationToken);
        return hash;
    }

    /// <summary>Drops the snapshot of a report that is no longer approved.</summary>
    public static async Task DropAsync(DbSession db, Guid reportId, CancellationToken cancellationToken)
    {
        await db.ExecuteAsync(DeleteFigures, new { reportId }, cancellationToken);
        await db.ExecuteAsync(DeleteSnapshot, new { reportId }, cancellationToken);
    }

    /// <summary>
    /// The snapshots of the periods in <paramref name="periodIds"/>, each with the figures a report tells of it: those of its
    /// own administration and, for the period's <see cref="Latest"/> snapshot, all of them. Every snapshot of a period repeats
    /// the figures of no administration it covers; only the latest one's are told, so the others' are not read (at the large
    /// scale, six rows in seven). Figures this instance has read before come from <paramref name="kept"/>: one query for the
    /// snapshots, and one for the figures of those not kept, none when all are.
    /// </summary>
    public static async Task<IReadOnlyList<Snapshot>> ToldAsync(DbSession db, SnapshotFigures kept, IReadOnlyList<Guid> periodIds,
        CancellationToken cancellationToken)
    {
        if (periodIds.Count == 0) return [];
        var condition = db.Dialect.InIds("s.period_id", "periodIds");
        var snapshots = await db.QueryAsync<Snapshot>(string.Format(Snapshots, condition), new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken);
        var latest = snapshots.GroupBy(snapshot => snapshot.PeriodId).Select(Latest).Select(snapshot => snapshot.ReportId).ToHashSet();
        var told = snapshots.Select(snapshot => (Snapshot: snapshot, All: latest.Contains(snapshot.ReportId))).ToList();
        var figures = new Dictionary<Guid, IReadOnlyList<ApprovedFigure>>();
        foreach (var (snapshot, all) in told)
            if (kept.TryGet(snapshot, all, out var known)) figures[snapshot.ReportId] = known;
        var unread = told.Where(snapshot => !figures.ContainsKey(snapshot.Snapshot.ReportId)).ToList();
        if (unread.Count > 0)
        {
            var read = await WithFiguresAsync(db, unread.Select(snapshot => snapshot.Snapshot).ToList(),
                $"{db.Dialect.InIds("s.report_id", "unread")} AND (f.administration_id = s.administration_id OR {db.Dialect.InIds("s.report_id", "all")})",
                new
                {
                    unread = db.Dialect.Ids(unread.Select(snapshot => snapshot.Snapshot.ReportId)),
                    all = db.Dialect.Ids(unread.Where(snapshot => snapshot.All).Select(snapshot => snapshot.Snapshot.ReportId)),
                }, cancellationToken);
            foreach (var (snapshot, all) in read.Zip(unread, (snapshot, wanted) => (snapshot, wanted.All)))
            {
                kept.Keep(snapshot, all, snapshot.Figures);
                figures[snapshot.ReportId] = snapshot.Figures;
            }
        }
        return told.Select(snapshot => snapshot.Snapshot with { Figures = figures[snapshot.Snapshot.ReportId] }).ToList();
    }

    /// <summary>The snapshot of a period that tells the figures of no administration the programme covers: the last taken.</summary>
    public static Snapshot Latest(IEnumerable<Snapshot> ofPeriod) =>
        ofPeriod.OrderBy(snapshot => snapshot.TakenAt).ThenBy(snapshot => snapshot.ReportId).Last();

    /// <summary>The snapshot of the administration's approved report for the programme's period, with its figures; null when there is none.</summary>
    public static async Task<Snapshot?> OfApprovedReportAsync(DbSession db, Guid programmeId, Guid periodId, Guid administrationId,
        CancellationToken cancellationToken)
    {
        var parameters = new { programmeId, periodId, administrationId };
        var snapshots = await db.QueryAsync<Snapshot>(string.Format(Snapshots, OfApprovedReport), parameters, cancellationToken);
        return (await WithFiguresAsync(db, snapshots, OfApprovedReport, parameters, cancellationToken)).SingleOrDefault();
    }

    /// <summary>The snapshots, each with its stored figures that <paramref name="condition"/> (on <c>s</c> and <c>f</c>) keeps, in their order: one query.</summary>
    private static async Task<IReadOnlyList<Snapshot>> WithFiguresAsync(DbSession db, IReadOnlyList<Snapshot> snapshots, string condition, object parameters,
        CancellationToken cancellationToken)
    {
        if (snapshots.Count == 0) return [];
        var figures = (await db.QueryAsync<StoredFigure>(string.Format(Figures, condition), parameters, cancellationToken))
            .ToLookup(figure => figure.ReportId, figure => figure.Figure);
        return snapshots.Select(snapshot => snapshot with { Figures = figures[snapshot.ReportId].ToList() }).ToList();
    }

    /// <summary>
    /// The canonical serialisation that is hashed: a JSON array of the figures in canonical order, each an array of its
    /// source, indicator id, sex, administration id, key factor, amount, base and target; ids as lower-case 36-character
    /// text, numbers as invariant text without trailing zeros, absent values as null.
    /// </summary>
    public static string Canonical(IEnumerable<ApprovedFigure> figures) =>
        JsonSerializer.Serialize(InOrder(figures).Select(figure => new[]
        {
            figure.Source, figure.IndicatorId?.ToString("D"), figure.Sex, figure.AdministrationId?.ToString("D"), figure.KeyFactorCode,
            Number(figure.Amount), Number(figure.Base), Number(figure.Target),
        }));

    /// <summary>The SHA-256 of <see cref="Canonical"/>, as lower-case hex.</summary>
    public static string Hash(IEnumerable<ApprovedFigure> figures) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(figures))));

    private static string? Number(decimal? value) => value is { } number ? TypeHandlers.Figure(number).ToString(CultureInfo.InvariantCulture) : null;

    private static List<ApprovedFigure> InOrder(IEnumerable<ApprovedFigure> figures) =>
        figures.Select(figure => figure with { Amount = Figure(figure.Amount), Base = Figure(figure.Base), Target = Figure(figure.Target) })
            .OrderBy(figure => figure.Source, StringComparer.Ordinal)
            .ThenBy(figure => figure.IndicatorId?.ToString("D") ?? "", StringComparer.Ordinal)
            .ThenBy(figure => figure.AdministrationId?.ToString("D") ?? "", StringComparer.Ordinal)
            .ThenBy(figure => figure.Sex ?? "", StringComparer.Ordinal)
            .ThenBy(figure => figure.KeyFactorCode ?? "", StringComparer.Ordinal)
            .ToList();

    private static decimal? Figure(decimal? value) => value is { } number ? TypeHandlers.Figure(number) : null;

    /// <summary>A snapshot: the approved report it belongs to, and its figures.</summary>
    public sealed record Snapshot
    {
        public required Guid ReportId { get; init; }
        public required Guid PeriodId { get; init; }
        public required Guid AdministrationId { get; init; }
        public required string Hash { get; init; }
        public required DateTimeOffset TakenAt { get; init; }
        public IReadOnlyList<ApprovedFigure> Figures { get; init; } = [];
    }

    private sealed record StoredFigure
    {
        public required Guid ReportId { get; init; }
        public required string Source { get; init; }
        public Guid? IndicatorId { get; init; }
        public string? Sex { get; init; }
        public Guid? AdministrationId { get; init; }
        public string? KeyFactorCode { get; init; }
        public decimal? Amount { get; init; }
        public decimal? Base { get; init; }
        public decimal? Target { get; init; }

        public ApprovedFigure Figure => new()
        {
            Source = Source, IndicatorId = IndicatorId, Sex = Sex, AdministrationId = AdministrationId, KeyFactorCode = KeyFactorCode,
            Amount = Amount, Base = Base, Target = Target,
        };
    }
}

/// <summary>
/// One figure of a snapshot: a rule's cell (<see cref="Source"/> the rule, e.g. officials_trained: <see cref="Amount"/>,
/// and for a percentage its <see cref="Base"/>), the modules delivered (modules_delivered, by key factor or not), or an
/// indicator's value (indicator: <see cref="Target"/> and actual as <see cref="Amount"/>, total or one bucket).
/// </summary>
public sealed record ApprovedFigure
{
    public required string Source { get; init; }
    public Guid? IndicatorId { get; init; }
    /// <summary>female, male or not_recorded.</summary>
    public string? Sex { get; init; }
    public Guid? AdministrationId { get; init; }
    public string? KeyFactorCode { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Base { get; init; }
    public decimal? Target { get; init; }

    public Sex? SexOf => DbEnum.TryParse<Sex>(Sex, out var sex) ? sex : null;
}
