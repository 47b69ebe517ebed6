using System.Data.Common;
using System.Text.Json;
using Integrity.Api.Data;
using Integrity.Api.Features.Participants;
using Integrity.Api.Features.Reports;
using Integrity.Api.Features.Results;
using Integrity.Api.Http;
using Integrity.Api.Resources;

namespace Integrity.Api.Baselines;

/// <summary>
/// GET /bench/baseline/programmes/{id}/reports/progress (JSON): the statements of <see cref="GetProgressReportHandler"/>,
/// <see cref="ComputedRule"/>, <see cref="IndicatorDetails.WithDisaggregationsAsync"/> and <see cref="IndicatorValues.ReadAsync"/>,
/// in the same order on one connection, their rows read into the same records by hand; then the handler's own
/// aggregation (<see cref="GetProgressReportHandler.Report"/>: <see cref="ProgressApproval"/>, <see cref="ProgressFigures"/>)
/// and the API's serializer options. The same callers as the handler (<see cref="ReportReaders.Check"/> and the programme's
/// scope); no validation, as the other baselines. It measures the staff preview (<c>includeUnapproved=true</c>), which reads
/// the live records; donors' reports read the approvals' snapshots instead, and the baseline refuses them (404).
/// </summary>
public static class BaselineProgressReport
{
    public static async Task GetAsync(GetProgressReport query, Caller caller, Database database, SmallCounts smallCounts, HttpResponse response,
        JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        ReportReaders.Check(caller, query.IncludeUnapproved, nameof(GetProgressReport));
        if (!query.IncludeUnapproved) throw new NotFoundException(Messages.RecordLivePreview, query.ProgrammeId);
        var dialect = database.Dialect;
        await using var connection = await database.OpenAsync(cancellationToken);
        Task<List<T>> Query<T>(string sql, Func<RawRow, T> read, IEnumerable<(string, object?)> parameters) =>
            RawSql.QueryAsync(connection, dialect, sql, parameters, read, cancellationToken);
        (string, object?) programmeId = ("programmeId", query.ProgrammeId);

        var programme = (await Query(ReportReaders.ProgrammeSql(caller, GetProgressReportHandler.ProgrammeOf), Programme, [programmeId, .. RawSql.Scope(caller)])).SingleOrDefault()
                        ?? throw new NotFoundException(Messages.RecordProgramme, query.ProgrammeId);
        var periods = await Query(GetProgressReportHandler.PeriodsSql(query), Period, [programmeId, ("from", query.From), ("to", query.To)]);
        var periodIds = periods.Select(period => period.Id).ToList();
        (string, object?) ofPeriods = ("periodIds", dialect.Ids(periodIds));
        var covered = await Query(GetProgressReportHandler.Covered, Administration, [programmeId]);
        var coveredIds = covered.Select(administration => administration.Id).ToList();
        var reports = periodIds.Count == 0 ? [] : await Query(GetProgressReportHandler.ReportsSql(dialect), Report, [ofPeriods]);

        var cells = new Dictionary<IndicatorRule, IReadOnlyList<RuleCell>>();
        // The pass over attendance serves two rules, and the perception rules are steps through KeyFactorTallies: read as
        // the handler reads them.
        await using var steps = new DbSession(database);
        var rules = Enum.GetValues<IndicatorRule>();
        var shared = await ComputedRule.CellsAsync(steps, rules.Where(rule => !ComputedRule.For(rule).IsOneQuery), periodIds, smallCounts.MinimumCellSize, cancellationToken);
        foreach (var rule in rules)
            cells[rule] = periodIds.Count == 0 ? []
                : ComputedRule.For(rule).IsOneQuery ? await Query(ComputedRule.For(rule).CommandText(dialect), Cell, [ofPeriods])
                : shared[rule];
        var modules = periodIds.Count == 0 ? [] : await Query(GetProgressReportHandler.ModulesDeliveredSql(dialect), Module, [ofPeriods]);

        IReadOnlyList<IndicatorDetails> indicators = await Query(IndicatorDetails.OfProgramme, Indicator, [programmeId]);
        if (indicators.Count > 0)
            indicators = IndicatorDetails.WithDimensions(indicators, await Query(IndicatorDetails.DisaggregationsSql(dialect), Dimension,
                [("ids", dialect.Ids(indicators.Select(indicator => indicator.Id)))]));
        var values = new List<(IndicatorDetails Indicator, IReadOnlyList<PeriodValues> Values)>();
        foreach (var indicator in indicators)
        {
            if (periods.Count == 0)
            {
                values.Add((indicator, []));
                continue;
            }
            (string, object?)[] parameters = [("indicatorId", indicator.Id), ofPeriods];
            var entered = await Query(IndicatorValues.EnteredSql(dialect), Entered, parameters);
            var breakdowns = await Query(IndicatorValues.BreakdownsSql(dialect), Breakdown, parameters);
            var computed = indicator.ComputedBy is { } rule ? cells[rule] : null;
            values.Add((indicator, IndicatorValues.Values(indicator, periods, entered, breakdowns, computed, coveredIds)));
        }

        var others = GetProgressReportHandler.NotCovered(covered, cells, modules, values);
        var named = others.Count == 0 ? [] : await Query(GetProgressReportHandler.NamedSql(dialect), Administration, [("ids", dialect.Ids(others))]);

        var keyFactors = await Query(GetProgressReportHandler.KeyFactors, KeyFactor, []);

        var report = GetProgressReportHandler.Report(query, programme, periods, covered, named, keyFactors, reports, cells, modules, values, smallCounts, false);
        await response.WriteAsJsonAsync(report, json, cancellationToken);
    }

    // The records as Dapper fills them from these queries' columns.

    private static ReportedProgramme Programme(RawRow row) => new() { Id = row.Id("id"), Code = row.Text("code"), Name = row.Text("name") };

    private static Period Period(RawRow row) =>
        new() { Id = row.Id("id"), Label = row.Text("label"), StartsOn = row.Day("starts_on"), EndsOn = row.Day("ends_on") };

    private static ReportedAdministration Administration(RawRow row) =>
        new()
        {
            Id = row.Id("id"), NameEn = row.Text("name_en"), NameFr = row.Text("name_fr"), RegionCode = row.Text("region_code"),
            RegionNameEn = row.Text("region_name_en"), RegionNameFr = row.Text("region_name_fr"),
        };

    private static ReportedKeyFactor KeyFactor(RawRow row) => new() { Code = row.Text("code"), NameEn = row.Text("name_en"), NameFr = row.Text("name_fr") };

    private static StoredReport Report(RawRow row) =>
        new() { ReportId = row.Id("report_id"), PeriodId = row.Id("period_id"), AdministrationId = row.Id("administration_id"), StoredState = row.Text("stored_state") };

    private static RuleCell Cell(RawRow row) => new()
    {
        PeriodId = row.Id("period_id"),
        Sex = row.OptionalEnum<Sex>("sex"),
        AdministrationId = row.OptionalId("administration_id"),
        Amount = row.Figure("amount"),
        Base = row.OptionalFigure("base"),
    };

    private static ModuleCell Module(RawRow row) => new()
    {
        PeriodId = row.Id("period_id"),
        AdministrationId = row.Id("administration_id"),
        KeyFactorCode = row.OptionalText("key_factor_code"),
        Amount = row.Figure("amount"),
    };

    private static IndicatorDetails Indicator(RawRow row) => new()
    {
        Id = row.Id("id"),
        ProgrammeId = row.Id("programme_id"),
        Code = row.Text("code"),
        TitleEn = row.Text("title_en"),
        TitleFr = row.Text("title_fr"),
        Unit = row.Text("unit"),
        Measure = row.Enum<IndicatorMeasure>("measure"),
        Ascending = row.Flag("ascending"),
        StoredRule = row.OptionalText("stored_rule"),
        Version = row.Number("version"),
        Disaggregations = [],
    };

    private static IndicatorDetails.IndicatorDimension Dimension(RawRow row) =>
        new() { IndicatorId = row.Id("indicator_id"), Dimension = row.Enum<Disaggregation>("dimension") };

    private static StoredValues Entered(RawRow row) => new()
    {
        Id = row.Id("id"),
        PeriodId = row.Id("period_id"),
        Target = row.OptionalFigure("target"),
        Actual = row.OptionalFigure("actual"),
        TargetComment = row.OptionalText("target_comment"),
        ActualComment = row.OptionalText("actual_comment"),
        Version = row.Number("version"),
    };

    private static StoredBucket Breakdown(RawRow row) => new()
    {
        PeriodId = row.Id("period_id"),
        Sex = row.OptionalText("sex"),
        AdministrationId = row.OptionalId("administration_id"),
        KeyFactorCode = row.OptionalText("key_factor_code"),
        Target = row.OptionalFigure("target"),
        Actual = row.OptionalFigure("actual"),
    };
}
