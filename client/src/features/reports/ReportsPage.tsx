import { Link } from 'react-router';
import { ListFooter } from '@/components/ListFooter';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { DownloadLinks } from './DownloadLinks';
import { reportMessages } from './messages';
import './reports.css';
import { useReportedProgrammes } from './useReportedProgrammes';

/** /reports: the programmes in the caller's scope (a donor's: those it funds), each with its report and files. */
export function ReportsPage() {
  const t = useMessages(reportMessages);
  const format = useFormat();
  const list = useReportedProgrammes();

  return (
    <Page title={t.heading}>
      {list.loading ? (
        <Loading label={t.loading} />
      ) : list.error && !list.loaded ? (
        <ProblemAlert error={list.error} onRetry={list.retry} />
      ) : list.items.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <>
          <ul className="cards" aria-label={t.caption}>
            {list.items.map((programme) => (
              <li key={programme.id} className="card">
                <h2>
                  <Link to={`/reports/${programme.id}`}>{t.open(programme.code)}</Link>
                </h2>
                <p>
                  {programme.name} · <span className="nowrap">{format.period(programme.startsOn, programme.endsOn)}</span>
                </p>
                <DownloadLinks programmeId={programme.id} code={programme.code} options={{ groupBy: 'period', includeUnapproved: false }} />
              </li>
            ))}
          </ul>
          {list.error && <ProblemAlert error={list.error} />}
          <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} onLoadMore={list.loadMore} />
        </>
      )}
    </Page>
  );
}
