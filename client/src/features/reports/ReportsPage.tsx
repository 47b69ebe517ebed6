import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { PagedList } from '@/components/PagedList';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { DownloadLinks } from './DownloadLinks';
import { reportMessages } from './messages';
import './reports.css';
import { useReportedProgrammes } from '@/lib/referenceData';

/** /reports: the programmes in the caller's scope (a donor's: those it funds), each with its report and files. */
export function ReportsPage() {
  const t = useMessages(reportMessages);
  const format = useFormat();
  const list = useReportedProgrammes();

  return (
    <Page title={t.heading}>
      <PagedList list={list} loading={t.loading} empty={t.empty}>
        {(items) => (
          <ul className="cards" aria-label={t.caption}>
            {items.map((programme) => (
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
        )}
      </PagedList>
    </Page>
  );
}
