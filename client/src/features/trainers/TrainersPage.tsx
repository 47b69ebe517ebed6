import { useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField, TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { CursorTable } from '@/components/RecordTable';
import { FilterForm } from '@/components/FilterForm';
import { useMe } from '@/lib/session';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchTrainerPage, trainerKeys, trainerKinds, type TrainerKind } from './api';
import { trainerMessages } from './messages';

/** The trainers in the caller's scope, with where each stands with each module. */
export function TrainersPage() {
  const t = useMessages(trainerMessages);
  const name = useBilingual();
  const me = useMe();
  const client = useApiClient();
  const [draft, setDraft] = useState<{ q: string; kind: TrainerKind | '' }>({ q: '', kind: '' });
  const [filters, setFilters] = useState(draft);
  const list = useCursorList([...trainerKeys.all, 'page', filters], (cursor, signal) => fetchTrainerPage(client, filters, cursor, signal));
  return (
    <Page
      title={t.heading}
      actions={
        <>
          {me.role !== 'trainer' && (
            <Link className="button" to="/trainers/new">
              {t.register}
            </Link>
          )}
          <Link className="button secondary" to="/trainers/cascade">
            {t.cascadeLink}
          </Link>
        </>
      }
    >
      <FilterForm onApply={() => setFilters(draft)} button={t.filter}>
        <TextField label={t.search} type="search" value={draft.q} onValue={(q) => setDraft({ ...draft, q })} />
        <SelectField
          label={t.kind}
          value={draft.kind}
          onValue={(kind) => setDraft({ ...draft, kind: kind as TrainerKind | '' })}
          placeholder={t.anyKind}
          options={trainerKinds.map((kind) => ({ value: kind, label: t.kinds[kind] }))}
        />
      </FilterForm>
      <CursorTable
        list={list}
        loadingLabel={t.loading}
        emptyLabel={t.empty}
        caption={t.caption}
        rowKey={(trainer) => trainer.id}
        columns={[
          { header: t.columns.name, cell: (trainer) => <Link to={`/trainers/${trainer.id}`}>{trainer.fullName}</Link> },
          { header: t.columns.kind, cell: (trainer) => t.kinds[trainer.kind] },
          { header: t.columns.administration, cell: (trainer) => name(trainer, 'administrationNameEn', 'administrationNameFr') },
          { header: t.columns.email, cell: (trainer) => trainer.email ?? '' },
          {
            header: t.columns.accreditations,
            cell: (trainer) =>
              trainer.accreditations.map((accreditation) => `${accreditation.moduleCode}: ${t.stages[accreditation.stage]}`).join(', '),
          },
        ]}
      />
    </Page>
  );
}
