import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import type { ApiClient } from '@/api/client';
import { useCursorList, type Page as ListPage } from '@/api/useCursorList';
import { TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { CursorTable, type Column } from '@/components/RecordTable';
import { FilterForm } from '@/components/FilterForm';
import { referenceMessages } from './messages';

/** A kind of reference record: found by code or name, a page at a time, with a way to register one. */
export function ReferenceListPage<T extends { id: string }>({
  labels,
  queryKey,
  fetchPage,
  registerTo,
  columns,
}: {
  labels: { heading: string; register: string; caption: string; loading: string; empty: string };
  queryKey: QueryKey;
  fetchPage: (client: ApiClient, q: string, cursor: string | undefined, signal: AbortSignal) => Promise<ListPage<T>>;
  registerTo: string;
  columns: readonly Column<T>[];
}) {
  const t = useMessages(referenceMessages);
  const client = useApiClient();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const list = useCursorList([...queryKey, 'page', q], (cursor, signal) => fetchPage(client, q, cursor, signal));
  return (
    <Page
      title={labels.heading}
      actions={
        <Link className="button" to={registerTo}>
          {labels.register}
        </Link>
      }
    >
      <FilterForm onApply={() => setQ(draft.trim())} button={t.searchButton}>
        <TextField label={t.search} type="search" value={draft} onValue={setDraft} />
      </FilterForm>
      <CursorTable list={list} loadingLabel={labels.loading} emptyLabel={labels.empty} caption={labels.caption} rowKey={(row) => row.id} columns={columns} />
    </Page>
  );
}
