import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { PagedList } from '@/components/PagedList';
import { useReportedProgrammes } from '@/lib/referenceData';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { perceptionMessages } from './messages';

/** /perception: the programmes the caller reports on (a donor's: those it funds), each leading to its perception summary. */
export function PerceptionSummariesPage() {
  const t = useMessages(perceptionMessages).summary;
  const format = useFormat();
  const list = useReportedProgrammes();
  return (
    <Page title={t.heading}>
      <PagedList list={list} loading={t.loading} empty={t.emptyProgrammes}>
        {(items) => (
          <ul className="cards" aria-label={t.programmes}>
            {items.map((programme) => (
              <li key={programme.id} className="card">
                <h2>
                  <Link to={`/perception/${programme.id}`}>{t.open(programme.code)}</Link>
                </h2>
                <p>
                  {programme.name} · <span className="nowrap">{format.period(programme.startsOn, programme.endsOn)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </PagedList>
    </Page>
  );
}
