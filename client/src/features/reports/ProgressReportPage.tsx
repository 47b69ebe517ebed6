import { useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useKeyFactors } from '@/lib/referenceData';
import { SelectField } from '@/components/fields';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useProgramme } from '@/lib/referenceData';
import { useMe } from '@/lib/session';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
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
import { PeriodFigures } from './PeriodFigures';
import { ReportCharts } from './ReportCharts';

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
          {coverage.data ? <KeyFactorGrid values={coverage.data.values} keyFactors={keyFactors.data.items} programme={programme.data} /> : <Loading />}
          <PeriodFigures report={report.data} programme={programme.data} keyFactors={keyFactors.data.items} />
        </>
      )}
    </Page>
  );
}

/** Which periods the report covers, whether it is a preview, and whose reports it leaves out. */
export function ReportScope({ report, programme }: { report: ProgressReport; programme: Programme }) {
  const t = useMessages(reportMessages);
  const format = useFormat();
  const name = useBilingual();
  const state = (value: string) => t.states[value as keyof typeof t.states] ?? value;
  // The report names administrations in English; the programme has both names.
  const administration = (id: string, english: string) => {
    const covered = programme.administrations.find((one) => one.id === id);
    return covered ? name(covered, 'nameEn', 'nameFr') : english;
  };
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
            {period.label} ({format.period(period.startsOn, period.endsOn)}): {period.fullyReported ? t.report.fullyReported : t.report.partlyReported}
          </li>
        ))}
      </ul>
      <h2>{t.report.leftOutHeading}</h2>
      {report.leftOut.length === 0 ? (
        <p>{t.report.nothingLeftOut}</p>
      ) : (
        <ul className="left-out">
          {report.leftOut.map((left) => (
            <li key={`${left.periodId}:${left.administrationId}`}>{t.report.leftOut(administration(left.administrationId, left.administration), left.periodLabel, state(left.state))}</li>
          ))}
        </ul>
      )}
    </>
  );
}
