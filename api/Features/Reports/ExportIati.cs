using Integrity.Api.Data;
using Integrity.Api.Features.Results;
using Integrity.Api.Http;
using Integrity.Api.Identity;
using Integrity.Api.Resources;
using Integrity.Api.Pipeline;
using Mediator;

namespace Integrity.Api.Features.Reports;

/// <summary>
/// A programme as an IATI 2.03 activity file: one activity per country project, with the results of the periods
/// approved for its administration, or of every period in a coordinator's preview.
/// </summary>
public sealed record ExportIati(Guid ProgrammeId, bool IncludeUnapproved) : IQuery<IatiExport>, IHeavyRead
{
    public bool ReadsLiveRecords => IncludeUnapproved;
}

/// <summary>
/// Read by <see cref="ReportReaders"/>; a coordinator's file holds the administrations in their scope. A fixed number of
/// queries, one per kind of row, whatever the programme's size.
/// </summary>
public sealed class ExportIatiHandler(ReportSessions sessions, Caller caller, TimeProvider clock, IConfiguration configuration, IHostEnvironment environment,
    SnapshotFigures kept)
    : IQueryHandler<ExportIati, IatiExport>
{
    private const string ProgrammeOf = "SELECT p.id, p.code, p.name, p.starts_on, p.ends_on FROM programmes p WHERE p.id = @programmeId";

    private const string Covered = """
        SELECT a.id AS administration_id, a.name_en, a.name_fr, a.country_code, c.name_en AS country_name_en, c.name_fr AS country_name_fr
        FROM programme_administrations pa
        JOIN administrations a ON a.id = pa.administration_id
        JOIN countries c ON c.code = a.country_code
        WHERE pa.programme_id = @programmeId
        """;

    private const string Funding = """
        SELECT d.name, d.iati_organisation_id FROM programme_donors pd JOIN donors d ON d.id = pd.donor_id
        WHERE pd.programme_id = @programmeId
        ORDER BY d.name, d.id
        """;

    // Buckets of no administration are programme-wide: no country project's.
    private const string EnteredByAdministration = """
        SELECT v.indicator_id, v.period_id, b.administration_id, b.sex AS stored_sex, b.key_factor_code, b.target, b.actual
        FROM indicator_value_breakdowns b
        JOIN indicator_values v ON v.id = b.value_id
        JOIN indicators i ON i.id = v.indicator_id
        WHERE i.programme_id = @programmeId AND b.administration_id IS NOT NULL
        ORDER BY v.indicator_id, v.period_id, b.position
        """;

    public async ValueTask<IatiExport> Handle(ExportIati query, CancellationToken cancellationToken)
    {
        ReportReaders.Check(caller, query.IncludeUnapproved, nameof(ExportIati));
        var db = sessions.For(query.IncludeUnapproved);
        var programme = await ReportReaders.ProgrammeAsync<IatiProgramme>(db, caller, ProgrammeOf, query.ProgrammeId, cancellationToken);
        var ids = new { programmeId = query.ProgrammeId };
        var publisher = IatiPublisher.From(configuration);
        var projects = await db.QueryAsync<CountryProject>(
            $"{Covered}{Scope.And(Scope.Administrations(caller, "a.id"))}\nORDER BY a.country_code, a.name_en, a.id", Scope.Parameters(caller, ids), cancellationToken);
        var missing = publisher.Missing(trying: environment.IsDevelopment()).ToList();
        if (projects.Count == 0)
            missing.Add(new MissingData(Messages.IatiProgramme.With(programme.Code), Messages.IatiNoAdministration, Messages.IatiAddAdministrations.With(programme.Id)));
        if (missing.Count > 0) return new IatiExport(null, missing);

        var indicators = await IndicatorDetails.AllOfProgrammeAsync(db, query.ProgrammeId, cancellationToken);
        var periods = await db.QueryAsync<Period>(IndicatorValues.PeriodsInOrder, ids, cancellationToken);
        var periodIds = periods.Select(period => period.Id).ToList();
        ProgrammeFigures figures;
        IReadOnlySet<(Guid PeriodId, Guid AdministrationId)> reported;
        var smallCounts = caller.Role == Role.Donor ? SmallCounts.From(configuration) : null;
        if (query.IncludeUnapproved)
        {
            reported = projects.SelectMany(_ => periods, (project, period) => (PeriodId: period.Id, project.AdministrationId)).ToHashSet();
            var cells = await ComputedRule.CellsAsync(db, indicators.Select(indicator => indicator.ComputedBy).OfType<IndicatorRule>().Distinct(),
                periodIds, SmallCounts.From(configuration).MinimumCellSize, cancellationToken);
            figures = new ProgrammeFigures(await db.QueryAsync<EnteredFigure>(EnteredByAdministration, ids, cancellationToken), cells);
        }
        else
        {
            // Donors read what the approvals froze: only the reports approved with their snapshot, and their figures.
            var covered = await db.QueryAsync<ReportedAdministration>(GetProgressReportHandler.Covered, ids, cancellationToken);
            var frozen = await FrozenFigures.ReadAsync(db, kept, periodIds, covered.Select(administration => administration.Id).ToList(), cancellationToken);
            var reports = frozen.Told(periodIds.Count == 0
                ? []
                : await db.QueryAsync<StoredReport>(GetProgressReportHandler.ReportsSql(db.Dialect), new { periodIds = db.Dialect.Ids(periodIds) }, cancellationToken));
            reported = reports.Where(report => report.StoredState == "approved").Select(report => (report.PeriodId, report.AdministrationId)).ToHashSet();
            var cells = frozen.Cells();
            figures = new ProgrammeFigures(frozen.ByAdministration(indicators), cells,
                smallCounts is null ? null : await WithheldAsync(db, programme, periods, indicators, covered, reports, frozen, cells, smallCounts, cancellationToken));
        }

        var now = clock.GetUtcNow();
        return new IatiExport(new IatiFile
        {
            Publisher = publisher,
            GeneratedAt = now,
            Today = DateOnly.FromDateTime(now.UtcDateTime),
            Preview = query.IncludeUnapproved,
            Programme = programme,
            Donors = await db.QueryAsync<FundingDonor>(Funding, ids, cancellationToken),
            Projects = Identified(projects, publisher, programme),
            Indicators = indicators.Where(ProgrammeFigures.ByCountryProject).ToList(),
            Periods = periods,
            Reported = reported,
            Figures = figures,
            Suppression = smallCounts,
        }, []);
    }

    /// <summary>
    /// What the donor's progress report by administration over every period withholds as small counts: the file withholds
    /// the same. Built from what the file has read (the frozen figures, the reports as told), not read a second time.
    /// </summary>
    private static async Task<IReadOnlySet<WithheldKey>> WithheldAsync(DbSession db, IatiProgramme programme, IReadOnlyList<Period> periods,
        IReadOnlyList<IndicatorDetails> indicators, IReadOnlyList<ReportedAdministration> covered, IReadOnlyList<StoredReport> reports,
        FrozenFigures frozen, IReadOnlyDictionary<IndicatorRule, IReadOnlyList<RuleCell>> cells, SmallCounts smallCounts,
        CancellationToken cancellationToken)
    {
        var modules = frozen.Modules();
        var values = indicators.Select(indicator => (indicator, frozen.ValuesOf(indicator, periods))).ToList();
        var named = await GetProgressReportHandler.NamedAsync(db, covered, cells, modules, values, cancellationToken);
        var report = GetProgressReportHandler.Report(
            new GetProgressReport(programme.Id, null, null, ProgressGroupings.Name(ProgressGrouping.Administration), false),
            new ReportedProgramme { Id = programme.Id, Code = programme.Code, Name = programme.Name },
            periods, covered, named, [], reports, cells, modules, values, smallCounts, true);
        return report.Values.Where(value => value.Suppressed).Select(WithheldKey.Of).ToHashSet();
    }

    /// <summary>
    /// Activity identifiers start with the reporting organisation's, as IATI requires, then name the programme and
    /// the country: <c>XI-IATI-WCO-A-CIP-BF</c>. Where the programme covers two administrations of one country, each
    /// of them also carries its administration's id, so that no two activities share an identifier.
    /// </summary>
    private static List<CountryProject> Identified(IReadOnlyList<CountryProject> projects, IatiPublisher publisher, IatiProgramme programme)
    {
        var shared = projects.GroupBy(project => project.CountryCode).Where(country => country.Count() > 1).Select(country => country.Key).ToHashSet();
        return projects.Select(project => project with
        {
            Identifier = $"{publisher.ReportingOrgRef}-{programme.Code}-{project.CountryCode}"
                         + (shared.Contains(project.CountryCode) ? $"-{project.AdministrationId:N}" : ""),
        }).ToList();
    }
}
