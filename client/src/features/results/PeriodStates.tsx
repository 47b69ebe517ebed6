import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { fetchProgrammePage, programmeListKey } from '@/lib/referenceData';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchPeriodPage, resultKeys, type ReportingPeriod } from './api';
import { resultMessages } from './messages';
import './results.css';
import { ReportStateBadge } from './ReportStateBadge';

/**
 * The periods a coordinator reports on now: the one under way and the one before it (usually the one
 * to submit), of those already started. ISO dates compare as text.
 */
export function latestPeriods(periods: readonly ReportingPeriod[], today: string, count = 2): ReportingPeriod[] {
  return periods.filter((period) => period.startsOn <= today).slice(-count);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Home widget: for each programme in scope, its latest reporting periods and each administration's report state. */
export function PeriodStates() {
  const client = useApiClient();
  const t = useMessages(resultMessages);
  const format = useFormat();
  const name = useBilingual();
  const programmes = useCursorList(programmeListKey(), (cursor, signal) => fetchProgrammePage(client, cursor, signal));
  // A programme has a handful of periods (years, half-years): its first page holds the latest.
  const periods = useQueries({
    queries: programmes.items.map((programme) => ({
      queryKey: [...resultKeys.periods(programme.id), 'first-page'],
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchPeriodPage(client, programme.id, undefined, signal),
    })),
  });

  const failed = programmes.error ?? periods.find((query) => query.error)?.error;
  const rows = programmes.items.flatMap((programme, index) =>
    latestPeriods(periods[index]?.data?.items ?? [], today()).map((period) => ({ programme, period })),
  );
  return (
    <section aria-labelledby="period-states-heading" className="card">
      <h2 id="period-states-heading">{t.widget.heading}</h2>
      {failed ? (
        <ProblemAlert error={failed} onRetry={programmes.retry} />
      ) : programmes.loading || periods.some((query) => query.isPending) ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p>{t.widget.empty}</p>
      ) : (
        <ul className="period-states">
          {rows.map(({ programme, period }) => (
            <li key={period.id}>
              <Link to={`/results/${programme.id}/periods/${period.id}`}>{t.widget.period(programme.code, period.label)}</Link>{' '}
              <span className="nowrap">{format.period(period.startsOn, period.endsOn)}</span>
              <ul>
                {period.administrations.map((report) => (
                  <li key={report.administrationId}>
                    {name(report, 'nameEn', 'nameFr')} <ReportStateBadge state={report.state} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
