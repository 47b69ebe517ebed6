import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useKeyFactors, useProgramme } from '@/lib/referenceData';
import { SelectField } from '@/components/fields';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMe } from '@/lib/session';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import {
  fetchProgressReport,
  groupings,
  reportKeys,
  type Grouping,
  type Programme,
  type ProgressReport,
  type ReportOptions,
} from './api';
import { DownloadLinks } from './DownloadLinks';
import { KeyFactorGrid } from './KeyFactorGrid';
import { reportMessages } from './messages';
import './reports.css';
import { PeriodFigures, useLeftOutText } from './PeriodFigures';
import { ReportCharts } from './ReportCharts';
import { awaitsApproval } from './reportData';

/** Staff may preview figures not yet approved; a donor sees approved figures only (the API answers them 403). */
export const mayPreview = (role: string) => role === 'administrator' || role === 'coordinator';

/**
 * /reports/:programmeId?groupBy=…&preview=1: a programme's progress report. The choices live in the
 * address, so a report can be bookmarked or sent to a colleague as shown.
 */
export function ProgressReportPage() {
  const { programmeId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const client = useApiClient();
  const me = useMe();
  const t = useMessages(reportMessages);
  const chosen = search.get('groupBy') as Grouping | null;
  const options: ReportOptions = {
    groupBy: chosen && groupings.includes(chosen) ? chosen : 'period',
    includeUnapproved: mayPreview(me.role) && search.get('preview') === '1',
  };
  const programme = useProgramme(programmeId);
  const report = useQuery({
    queryKey: reportKeys.progress(programmeId, options),
    queryFn: ({ signal }) => fetchProgressReport(client, programmeId, options, signal),
  });
  // The key factor grid (a row per administration) reads the report grouped by administration, whatever
  // grouping is on screen; when that is the one on screen, both are the same request.
  const byAdministration = { ...options, groupBy: 'administration' } as const;
  const coverage = useQuery({
    queryKey: reportKeys.progress(programmeId, byAdministration),
    queryFn: ({ signal }) => fetchProgressReport(client, programmeId, byAdministration, signal),
  });
  const keyFactors = useKeyFactors();

  const choose = (name: string, value: string | null) => {
    const next = new URLSearchParams(search);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setSearch(next, { replace: true });
  };
  const failed = [programme, report, coverage, keyFactors].find((query) => query.error && !query.data);

  return (
    <Page title={t.report.heading(programme.data?.code ?? '')}>
      <form className="form" onSubmit={(event) => event.preventDefault()}>
        <SelectField
          label={t.report.groupBy}
          value={options.groupBy}
          options={groupings.map((grouping) => ({ value: grouping, label: t.report.groupings[grouping] }))}
          onValue={(value) => choose('groupBy', value === 'period' ? null : value)}
        />
        {mayPreview(me.role) && (
          <label className="checkbox">
            <input type="checkbox" checked={options.includeUnapproved} onChange={(event) => choose('preview', event.target.checked ? '1' : null)} />
            {t.report.includeUnapproved}
          </label>
        )}
      </form>
      {programme.data && <DownloadLinks programmeId={programmeId} code={programme.data.code} options={options} />}
      {failed ? (
        <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />
      ) : !programme.data || !report.data || !keyFactors.data ? (
        <Loading label={t.report.loading} />
      ) : (
        <>
          <ReportScope report={report.data} programme={programme.data} />
          <ReportCharts report={report.data} />
          {coverage.data ? <KeyFactorGrid values={coverage.data.values} minimumCellSize={coverage.data.suppression.minimumCellSize} keyFactors={keyFactors.data.items} programme={programme.data} /> : <Loading />}
          <PeriodFigures report={report.data} programme={programme.data} keyFactors={keyFactors.data.items} />
        </>
      )}
    </Page>
  );
}

/** Which periods the report covers and their approval, the small-count rule, and whose reports it leaves out. */
export function ReportScope({ report, programme }: { report: ProgressReport; programme: Programme }) {
  const t = useMessages(reportMessages);
  const format = useFormat();
  const leftOutText = useLeftOutText(programme);
  const status = (period: ProgressReport['periods'][number]) =>
    report.includesUnapproved
      ? period.fullyReported
        ? t.report.fullyReported
        : t.report.partlyReported
      : (t.report.status[period.status as keyof typeof t.report.status] ?? period.status);
  const size = report.suppression.minimumCellSize;
  // A period not approved lists the reports it waits for itself (PeriodFigures); here, those of the others.
  const unapproved = new Set(report.periods.filter((period) => awaitsApproval(report, period)).map((period) => period.periodId));
  const shownLeftOut = report.leftOut.filter((left) => !unapproved.has(left.periodId));
  return (
    <>
      {report.includesUnapproved && (
        <p className="notice" role="note">
          {t.report.preview}
        </p>
      )}
      <h2>{t.report.periods}</h2>
      <ul>
        {report.periods.map((period) => (
          <li key={period.periodId}>
            {period.label} ({format.period(period.startsOn, period.endsOn)}): {status(period)}
          </li>
        ))}
      </ul>
      <section aria-labelledby="small-counts">
        <h2 id="small-counts">{t.suppression.heading}</h2>
        <p>{report.suppression.applied ? t.suppression.rule(size) : t.suppression.staff(size)}</p>
      </section>
      {report.leftOut.length === 0 ? (
        <>
          <h2>{t.report.leftOutHeading}</h2>
          <p>{t.report.nothingLeftOut}</p>
        </>
      ) : (
        shownLeftOut.length > 0 && (
          <>
            <h2>{t.report.leftOutHeading}</h2>
            <ul className="left-out">
              {shownLeftOut.map((left) => (
                <li key={`${left.periodId}:${left.administrationId}`}>{leftOutText(left)}</li>
              ))}
            </ul>
          </>
        )
      )}
    </>
  );
}
