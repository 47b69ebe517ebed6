import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField, TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { CursorTable } from '@/components/RecordTable';
import { FilterForm } from '@/components/FilterForm';
import { useAdministrationOptions, useKeyFactorOptions, useProgrammeOptions } from '@/lib/referenceData';
import { useMe } from '@/lib/session';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchWorkshopPage, workshopKeys, workshopKinds, workshopStatuses, type WorkshopFilters } from './api';
import { workshopMessages } from './messages';
import { mayPlan } from './roles';

const filterNames = ['q', 'programmeId', 'administrationId', 'status', 'kind', 'keyFactor', 'from', 'to'] as const;
type Filter = (typeof filterNames)[number];
type Draft = Record<Filter, string>;

/** The filters in the address, so that a filtered list can be bookmarked, shared and reloaded. */
function filtersOf(params: URLSearchParams): Draft {
  return Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? ''])) as Draft;
}

/** The workshops in the caller's scope, most recent first, filtered as the API allows; coordinators record new ones. */
export function WorkshopsPage() {
  const t = useMessages(workshopMessages);
  const [params, setParams] = useSearchParams();
  const applied = filtersOf(params);
  const [draft, setDraft] = useState<Draft>(applied);
  const planner = mayPlan(useMe());
  const inUse = Object.entries(applied).filter(([, value]) => value !== '');

  function apply() {
    setParams(Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== '')));
  }

  return (
    <Page
      title={t.heading}
      actions={
        planner && (
          <Link className="button" to="/workshops/new">
            {t.record}
          </Link>
        )
      }
    >
      <WorkshopFilterForm
        draft={draft}
        applied={inUse.length}
        onChange={setDraft}
        onApply={apply}
        onClear={() => (setDraft(filtersOf(new URLSearchParams())), setParams({}))}
      />
      <WorkshopTable filters={Object.fromEntries(inUse) as WorkshopFilters} />
    </Page>
  );
}

function WorkshopFilterForm({
  draft,
  applied,
  onChange,
  onApply,
  onClear,
}: {
  draft: Draft;
  /** How many filters the list shows, said on the folded filters. */
  applied: number;
  onChange: (draft: Draft) => void;
  onApply: () => void;
  onClear: () => void;
}) {
  const t = useMessages(workshopMessages);
  const programmes = useProgrammeOptions();
  const administrations = useAdministrationOptions();
  const keyFactors = useKeyFactorOptions();
  const set = (name: Filter) => (value: string) => onChange({ ...draft, [name]: value });
  return (
    <FilterForm folded={t.filters.folded(applied)} label={t.filters.legend} button={t.filters.apply} onApply={onApply} clear={{ label: t.filters.clear, onClear }}>
      <TextField label={t.filters.q} type="search" value={draft.q} onValue={set('q')} />
      <SelectField label={t.filters.programme} value={draft.programmeId} onValue={set('programmeId')} placeholder={t.filters.any} options={programmes.options} />
      <SelectField label={t.filters.administration} value={draft.administrationId} onValue={set('administrationId')} placeholder={t.filters.any} options={administrations.options} />
      <SelectField label={t.filters.status} value={draft.status} onValue={set('status')} placeholder={t.filters.any}
        options={workshopStatuses.map((status) => ({ value: status, label: t.statuses[status] }))} />
      <SelectField label={t.filters.kind} value={draft.kind} onValue={set('kind')} placeholder={t.filters.any}
        options={workshopKinds.map((kind) => ({ value: kind, label: t.kinds[kind] }))} />
      <SelectField label={t.filters.keyFactor} value={draft.keyFactor} onValue={set('keyFactor')} placeholder={t.filters.any} options={keyFactors.options} />
      <TextField label={t.filters.from} type="date" value={draft.from} onValue={set('from')} />
      <TextField label={t.filters.to} type="date" value={draft.to} onValue={set('to')} />
    </FilterForm>
  );
}

function WorkshopTable({ filters }: { filters: WorkshopFilters }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const format = useFormat();
  const name = useBilingual();
  const list = useCursorList(workshopKeys.list(filters), (cursor, signal) => fetchWorkshopPage(client, filters, cursor, signal));
  return (
    <CursorTable
      list={list}
      loadingLabel={t.loading}
      emptyLabel={t.empty}
      caption={t.caption}
      stackedWhenNarrow
      rowKey={(workshop) => workshop.id}
      columns={[
        { header: t.columns.title, cell: (workshop) => <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link> },
        { header: t.columns.dates, className: 'nowrap', cell: (workshop) => format.period(workshop.startsOn, workshop.endsOn) },
        { header: t.columns.kind, cell: (workshop) => t.kinds[workshop.kind] },
        { header: t.columns.place, cell: (workshop) => `${name(workshop, 'hostAdministrationNameEn', 'hostAdministrationNameFr')}, ${workshop.city}` },
        { header: t.columns.programme, cell: (workshop) => workshop.programmeCode },
        { header: t.columns.status, cell: (workshop) => <span className="badge">{t.statuses[workshop.status]}</span> },
        { header: t.columns.sessions, className: 'number', cell: (workshop) => format.number(workshop.sessionCount) },
        { header: t.columns.participants, className: 'number', cell: (workshop) => format.number(workshop.participantCount) },
      ]}
    />
  );
}
