import { useState, type ReactNode } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { TextField } from '@/components/fields';
import { FilterForm } from '@/components/FilterForm';
import { CursorTable } from '@/components/RecordTable';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchParticipantPage, participantKeys, type ParticipantSummary } from '@/lib/people/api';
import { fullName } from './DuplicatePrompt';
import { participantMessages } from '@/lib/people/messages';

/**
 * Finds people in the registry (name in any order and without accents, staff number or e-mail), a
 * page at a time; `action` is what each row offers (open, enrol, merge).
 */
export function ParticipantSearch({ action }: { action: (participant: ParticipantSummary) => ReactNode }) {
  const client = useApiClient();
  const t = useMessages(participantMessages);
  const name = useBilingual();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const list = useCursorList(participantKeys.list(q), (cursor, signal) => fetchParticipantPage(client, q, cursor, signal));

  return (
    <>
      <FilterForm onApply={() => setQ(typed.trim())} button={t.searchButton}>
        <TextField label={t.search} type="search" value={typed} onValue={setTyped} />
      </FilterForm>
      <CursorTable
        list={list}
        loadingLabel={t.loading}
        emptyLabel={t.empty}
        caption={t.caption}
        rowKey={(participant) => participant.id}
        columns={[
          { header: t.columns.name, cell: fullName },
          { header: t.columns.administration, cell: (participant) => name(participant, 'administrationNameEn', 'administrationNameFr') },
          { header: t.columns.service, cell: (participant) => t.service[participant.service] },
          { header: t.columns.position, cell: (participant) => participant.position },
          { header: t.columns.staffNumber, cell: (participant) => participant.staffNumber },
          { header: '', cell: action },
        ]}
      />
    </>
  );
}
