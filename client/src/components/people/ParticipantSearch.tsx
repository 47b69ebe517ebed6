import { useState, type ReactNode } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { TextField } from '@/components/fields';
import { FilterForm } from '@/components/FilterForm';
import { PagedList } from '@/components/PagedList';
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
      <PagedList list={list} loading={t.loading} empty={t.empty}>
        {(items) => (
          <table aria-busy={list.loadingMore}>
            <caption>{t.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.columns.name}</th>
                <th scope="col">{t.columns.administration}</th>
                <th scope="col">{t.columns.service}</th>
                <th scope="col">{t.columns.position}</th>
                <th scope="col">{t.columns.staffNumber}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {items.map((participant) => (
                <tr key={participant.id}>
                  <th scope="row">{fullName(participant)}</th>
                  <td>{name(participant, 'administrationNameEn', 'administrationNameFr')}</td>
                  <td>{t.service[participant.service]}</td>
                  <td>{participant.position}</td>
                  <td>{participant.staffNumber}</td>
                  <td>{action(participant)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </>
  );
}
