using FluentValidation;
using Integrity.Api.Data;
using Integrity.Api.Features.Results;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// A programme's progress report over its reporting periods that overlap [from, to] (both optional), grouped by period
/// (the default), administration, region or key factor. Only the periods approved for an administration are in it,
/// unless an administrator or coordinator previews the rest with <see cref="IncludeUnapproved"/>.
/// </summary>
public sealed record GetProgressReport(Guid ProgrammeId, DateOnly? From, DateOnly? To, string? GroupBy, bool IncludeUnapproved)
    : IQuery<ProgressReport>, IReportShape, IHeavyRead
{
    public bool ReadsLiveRecords => IncludeUnapproved;

    public ProgressGrouping Grouping => ProgressGroupings.TryParse(GroupBy, out var grouping) ? grouping : ProgressGrouping.Period;
}

/// <summary>What a report asks beyond its programme: the days it covers and how its rows are grouped.</summary>
public interface IReportShape
{
    DateOnly? From { get; }
    DateOnly? To { get; }
    string? GroupBy { get; }
}

/// <summary>The rules of a report's shape, checked alike whether the report is made or only its version told.</summary>
public abstract class ReportShapeValidator<T> : AbstractValidator<T> where T : IReportShape
{
    protected ReportShapeValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Messages.ToBeforeFrom);
        RuleFor(x => x.GroupBy).Must(groupBy => ProgressGroupings.TryParse(groupBy, out _)).When(x => x.GroupBy is not null)
            .WithMessage(_ => Messages.ChooseOneOf.With(string.Join(", ", ProgressGroupings.Names)));
    }
}

public sealed class GetProgressReportValidator : ReportShapeValidator<GetProgressReport>;

/// <summary>
/// Donors (token or account) for the programmes they fund, administrators, and coordinators whose scope covers the
/// programme; trainers report nothing to donors (403); a programme out of scope is not found (404). Every figure is
/// read with a fixed number of queries whatever the programme's size: the periods, their reports, and either (a preview)
/// one grouped query per computed rule, officials trained and participant-hours sharing one (<see cref="ComputedRule"/>),
/// one for the modules delivered, and the indicators' values (<see cref="IndicatorValues"/>: two queries per indicator,
/// its entered values and breakdowns), or (otherwise)
/// the approvals' snapshots and the figures of those this instance has not read yet (<see cref="FrozenFigures"/>: one
/// or two queries); then the key factors' names (the
/// administrations' and regions' come with the administrations). Only aggregates are read, never a person.
/// </summary>
public sealed class GetProgressReportHandler(ReportSessions sessions, Caller caller, IConfiguration configuration, SnapshotFigures kept) : IQueryHandler<GetProgressReport, ProgressReport>
{
    internal const string ProgrammeOf = "SELECT p.id, p.code, p.name FROM programmes p WHERE p.id = @programmeId";

    internal const string Covered = """
        SELECT a.id, a.name_en, a.name_fr, a.region_code, r.name_en AS region_name_en, r.name_fr AS region_name_fr
        FROM programme_administrations pa JOIN administrations a ON a.id = pa.administration_id JOIN regions r ON r.code = a.region_code
        WHERE pa.programme_id = @programmeId
        ORDER BY a.name_en, a.id
        """;

    internal const string Named = """
        SELECT a.id, a.name_en, a.name_fr, a.region_code, r.name_en AS region_name_en, r.name_fr AS region_name_fr
        FROM administrations a JOIN regions r ON r.code = a.region_code WHERE {0}
        """;

    /// <summary>The key factors, to name them (a reference table of ten rows).</summary>
    internal const string KeyFactors = "SELECT code, name_en, name_fr FROM key_factors ORDER BY position";

    internal const string Reports = "SELECT r.id AS report_id, r.period_id, r.administration_id, r.state AS stored_state FROM period_reports r WHERE {0}";

    /// <summary>
    /// Modules delivered: the sessions held in the period of held workshops of the programme (as the rules attribute
    /// them), by host administration; then the same sessions once per key factor their module covers.
    /// </summary>
    internal const string ModulesDelivered = """
        SELECT rp.id AS period_id, w.host_administration_id AS administration_id, NULL AS key_factor_code, count(*) AS amount
        FROM reporting_periods rp
        JOIN workshops w ON w.programme_id = rp.programme_id AND w.status = 'held'
        JOIN sessions s ON s.workshop_id = w.id AND s.held_on >= rp.starts_on AND s.held_on <= rp.ends_on
        WHERE {0}
        GROUP BY rp.id, w.host_administration_id
        UNION ALL
        SELECT rp.id AS period_id, w.host_administration_id AS administration_id, mk.key_factor_code, count(*) AS amount
        FROM reporting_periods rp
        JOIN workshops w ON w.programme_id = rp.programme_id AND w.status = 'held'
        JOIN sessions s ON s.workshop_id = w.id AND s.held_on >= rp.starts_on AND s.held_on <= rp.ends_on
        JOIN module_key_factors mk ON mk.module_id = s.module_id
        WHERE {0}
        GROUP BY rp.id, w.host_administration_id, mk.key_factor_code
        """;

    public async ValueTask<ProgressReport> Handle(GetProgressReport query, CancellationToken cancellationToken)
    {
        ReportReaders.Check(caller, query.IncludeUnapproved, nameof(GetProgressReport));
        var db = sessions.For(query.IncludeUnapproved);
        var programme = await ReportReaders.ProgrammeAsync<ReportedProgramme>(db, caller, ProgrammeOf, query.ProgrammeId, cancellationToken);
        var ids = new { programmeId = query.ProgrammeId };

        var periods = await db.QueryAsync<Period>(PeriodsSql(query), new { programmeId = query.ProgrammeId, from = query.From, to = query.To }, cancellationToken);
        var periodIds = periods.Select(period => period.Id).ToList();
        var covered = await db.QueryAsync<ReportedAdministration>(Covered, ids, cancellationToken);
        var reports = periodIds.Count == 0
            ? []
            : await db.QueryAsync<StoredReport>(ReportsSql(db.Dialect), new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken);

        var indicators = await IndicatorDetails.AllOfProgrammeAsync(db, query.ProgrammeId, cancellationToken);
        var values = new List<(IndicatorDetails Indicator, IReadOnlyList<PeriodValues> Values)>();
        IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> cells;
        IReadOnlyList<ModuleCell> modules;
        var smallCounts = SmallCounts.From(configuration);
        if (query.IncludeUnapproved)
        {
            cells = await ComputedRule.CellsAsync(db, Enum.GetValues<IndicatorRule>(), periodIds, smallCounts.MinimumCellSize, cancellationToken);
            modules = periodIds.Count == 0
                ? []
                : await db.QueryAsync<ModuleCell>(ModulesDeliveredSql(db.Dialect), new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken);
            var read = new IndicatorValues.ProgrammeRead(cells, covered.Select(administration => administration.Id).ToList());
            foreach (var indicator in indicators)
                values.Add((indicator, await IndicatorValues.ReadAsync(db, indicator, periods, smallCounts.MinimumCellSize, cancellationToken, read)));
        }
        else
        {
            // What donors read: the figures the approvals froze, never the live records.
            var frozen = await FrozenFigures.ReadAsync(db, kept, periodIds, covered.Select(administration => administration.Id).ToList(), cancellationToken);
            cells = frozen.Cells();
            modules = frozen.Modules();
            values.AddRange(indicators.Select(indicator => (indicator, frozen.ValuesOf(indicator, periods))));
            reports = frozen.Told(reports);
        }

        var named = await NamedAsync(db, covered, cells, modules, values, cancellationToken);
        var keyFactors = await db.QueryAsync<ReportedKeyFactor>(KeyFactors, null, cancellationToken);
        return Report(query, programme, periods, covered, named, keyFactors, reports, cells, modules, values, smallCounts, caller.Role == Role.Donor);
    }

    /// <summary>The programme's periods overlapping [from, to], in date order.</summary>
    internal static string PeriodsSql(GetProgressReport query) =>
        IndicatorValues.PeriodsOf + Overlapping(query.From, query.To) + " ORDER BY rp.starts_on, rp.id";

    /// <summary>The condition on <c>rp</c> that keeps the periods overlapping [<c>@from</c>, <c>@to</c>], either of them optional.</summary>
    internal static string Overlapping(DateOnly? from, DateOnly? to) =>
        (from is null ? "" : " AND rp.ends_on >= @from") + (to is null ? "" : " AND rp.starts_on <= @to");

    /// <summary>The administrations' reports for the periods in <c>@periodIds</c> (through <see cref="SqlDialect.Ids"/>).</summary>
    internal static string ReportsSql(SqlDialect dialect) => string.Format(Reports, dialect.InIds("r.period_id", "periodIds"));

    /// <summary>The modules delivered in the periods in <c>@periodIds</c>.</summary>
    internal static string ModulesDeliveredSql(SqlDialect dialect) => string.Format(ModulesDelivered, dialect.InIds("rp.id", "periodIds"));

    /// <summary>The administrations in <c>@ids</c>.</summary>
    internal static string NamedSql(SqlDialect dialect) => string.Format(Named, dialect.InIds("a.id", "ids"));

    /// <summary>Administrations the records name although the programme no longer covers them: named, and reported with the whole period.</summary>
    internal static List<Guid> NotCovered(IReadOnlyList<ReportedAdministration> covered, IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> cells,
        IReadOnlyList<ModuleCell> modules, IReadOnlyList<(IndicatorDetails Indicator, IReadOnlyList<PeriodValues> Values)> values)
    {
        var known = covered.Select(administration => administration.Id).ToHashSet();
        return cells.Values.SelectMany(list => list).Select(cell => cell.AdministrationId)
            .Concat(modules.Select(cell => (Guid?)cell.AdministrationId))
            .Concat(values.SelectMany(indicator => indicator.Values).SelectMany(period => period.Disaggregations).Select(value => value.AdministrationId))
            .OfType<Guid>().Where(id => !known.Contains(id)).Distinct().ToList();
    }

    /// <summary>The administrations of <see cref="NotCovered"/>, named: one query, none when there is none.</summary>
    internal static async Task<IReadOnlyList<ReportedAdministration>> NamedAsync(DbSession db, IReadOnlyList<ReportedAdministration> covered,
        IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> cells, IReadOnlyList<ModuleCell> modules,
        IReadOnlyList<(IndicatorDetails Indicator, IReadOnlyList<PeriodValues> Values)> values, CancellationToken cancellationToken)
    {
        var others = NotCovered(covered, cells, modules, values);
        return others.Count == 0
            ? []
            : await db.QueryAsync<ReportedAdministration>(NamedSql(db.Dialect), new { ids = db.Dialect.Ids(others) }, cancellationToken);
    }

    /// <summary>The report from what was read; its values are produced as they are written.</summary>
    internal static ProgressReport Report(GetProgressReport query, ReportedProgramme programme, IReadOnlyList<Period> periods,
        IReadOnlyList<ReportedAdministration> covered, IReadOnlyList<ReportedAdministration> named, IReadOnlyList<ReportedKeyFactor> keyFactors,
        IReadOnlyList<StoredReport> reports, IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> cells, IReadOnlyList<ModuleCell> modules,
        IReadOnlyList<(IndicatorDetails Indicator, IReadOnlyList<PeriodValues> Values)> values, SmallCounts smallCounts, bool suppress)
    {
        var approval = new ProgressApproval(periods, covered, reports, query.IncludeUnapproved);
        var administrations = covered.Concat(named).ToList();
        IEnumerable<ProgressValue> ValuesBy(ProgressGrouping grouping) =>
            new ProgressFigures(periods, administrations, approval, grouping, cells, modules, values, suppress ? smallCounts : null).Rows();
        return new ProgressReport
        {
            ProgrammeId = programme.Id,
            ProgrammeCode = programme.Code,
            ProgrammeName = programme.Name,
            From = query.From,
            To = query.To,
            GroupBy = ProgressGroupings.Name(query.Grouping),
            IncludesUnapproved = query.IncludeUnapproved,
            Periods = periods.Select(period => new ReportedPeriod(period.Id, period.Label, period.StartsOn, period.EndsOn,
                approval.FullyReported(period.Id), approval.Status(period.Id))).ToList(),
            Suppression = new ReportedSuppression(smallCounts.MinimumCellSize, suppress, smallCounts.Rule) { MinimumAdministrations = smallCounts.MinimumAdministrations },
            LeftOut = approval.LeftOut().ToList(),
            Indicators = values.Select(value => value.Indicator)
                .Select(indicator => new ReportedIndicator(indicator.Code, indicator.TitleEn, indicator.TitleFr, indicator.Unit, indicator.Measure)).ToList(),
            Administrations = administrations
                .Select(administration => new ReportedAdministrationName(administration.Id, administration.NameEn, administration.NameFr, administration.RegionCode)).ToList(),
            Regions = administrations.DistinctBy(administration => administration.RegionCode).OrderBy(administration => administration.RegionCode, StringComparer.Ordinal)
                .Select(administration => new ReportedRegion(administration.RegionCode, administration.RegionNameEn, administration.RegionNameFr)).ToList(),
            KeyFactors = keyFactors,
            Approvals = approval.Approvals().ToList(),
            Values = ValuesBy(query.Grouping),
            ValuesBy = ValuesBy,
        };
    }
}

/// <summary>How the report's rows are grouped.</summary>
public enum ProgressGrouping { Period, Administration, Region, KeyFactor }

public static class ProgressGroupings
{
    public static readonly string[] Names = ["period", "administration", "region", "keyFactor"];

    public static string Name(ProgressGrouping grouping) => Names[(int)grouping];

    public static bool TryParse(string? text, out ProgressGrouping grouping)
    {
        var index = Array.FindIndex(Names, name => string.Equals(name, text, StringComparison.OrdinalIgnoreCase));
        grouping = index < 0 ? ProgressGrouping.Period : (ProgressGrouping)index;
        return index >= 0;
    }
}

internal sealed record ReportedProgramme
{
    public required Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
}

internal sealed record ReportedAdministration
{
    public required Guid Id { get; init; }
    public required string NameEn { get; init; }
    public required string NameFr { get; init; }
    public required string RegionCode { get; init; }
    public required string RegionNameEn { get; init; }
    public required string RegionNameFr { get; init; }
}

internal sealed record StoredReport
{
    public required Guid ReportId { get; init; }
    public required Guid PeriodId { get; init; }
    public required Guid AdministrationId { get; init; }
    public required string StoredState { get; init; }
}

/// <summary>Sessions held in a period by host administration: all of them (no key factor), or those whose module covers a key factor.</summary>
internal sealed record ModuleCell
{
    public required Guid PeriodId { get; init; }
    public required Guid AdministrationId { get; init; }
    public string? KeyFactorCode { get; init; }
    public required decimal Amount { get; init; }
}
