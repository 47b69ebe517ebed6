import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { CursorTable } from '@/components/RecordTable';
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
    <CursorTable
      list={list}
      loadingLabel={t.loading}
      emptyLabel={t.empty}
      caption={t.caption}
      rowKey={(programme) => programme.id}
      columns={[
        {
          header: t.columns.code,
          cell: (programme) => (editable ? <Link to={`/programmes/${programme.id}`}>{programme.code}</Link> : programme.code),
        },
        { header: t.columns.name, cell: (programme) => programme.name },
        { header: t.columns.period, cell: (programme) => format.period(programme.startsOn, programme.endsOn), className: 'nowrap' },
        { header: t.columns.donors, cell: (programme) => programme.donors.map((donor) => donor.name).join(', ') || shared.none },
        {
          header: t.columns.administrations,
          cell: (programme) => programme.administrations.map((administration) => name(administration, 'nameEn', 'nameFr')).join(', ') || shared.none,
        },
      ]}
    />
  );
}
