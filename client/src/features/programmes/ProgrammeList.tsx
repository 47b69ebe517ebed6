import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { PagedList } from '@/components/PagedList';
import { common } from '@/i18n/common';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchProgrammePage, programmeListKey } from '@/lib/referenceData';
import { programmeMessages } from './messages';

/** The programmes in the caller's scope, with their donors and the administrations they cover; `editable` links each to its form. */
export function ProgrammeList({ editable = false }: { editable?: boolean }) {
  const client = useApiClient();
  const t = useMessages(programmeMessages);
  const shared = useMessages(common);
  const format = useFormat();
  const name = useBilingual();
  const list = useCursorList(programmeListKey(), (cursor, signal) => fetchProgrammePage(client, cursor, signal));

  return (
    <PagedList list={list} loading={t.loading} empty={t.empty}>
      {(items) => (
        <table aria-busy={list.loadingMore}>
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.code}</th>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.period}</th>
              <th scope="col">{t.columns.donors}</th>
              <th scope="col">{t.columns.administrations}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((programme) => (
              <tr key={programme.id}>
                <th scope="row">{editable ? <Link to={`/programmes/${programme.id}`}>{programme.code}</Link> : programme.code}</th>
                <td>{programme.name}</td>
                <td className="nowrap">{format.period(programme.startsOn, programme.endsOn)}</td>
                <td>{programme.donors.map((donor) => donor.name).join(', ') || shared.none}</td>
                <td>
                  {programme.administrations.map((administration) => name(administration, 'nameEn', 'nameFr')).join(', ') ||
                    shared.none}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PagedList>
  );
}
