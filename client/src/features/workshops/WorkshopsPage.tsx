import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField, TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { PagedList } from '@/components/PagedList';
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

  function apply(event: FormEvent) {
    event.preventDefault();
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
      <FilterForm draft={draft} onChange={setDraft} onSubmit={apply} onClear={() => (setDraft(filtersOf(new URLSearchParams())), setParams({}))} />
      <WorkshopTable filters={Object.fromEntries(Object.entries(applied).filter(([, value]) => value !== '')) as WorkshopFilters} />
    </Page>
  );
}

function FilterForm({ draft, onChange, onSubmit, onClear }: { draft: Draft; onChange: (draft: Draft) => void; onSubmit: (event: FormEvent) => void; onClear: () => void }) {
  const t = useMessages(workshopMessages);
  const programmes = useProgrammeOptions();
  const administrations = useAdministrationOptions();
  const keyFactors = useKeyFactorOptions();
  const set = (name: Filter) => (value: string) => onChange({ ...draft, [name]: value });
  return (
    <form role="search" aria-label={t.filters.legend} className="form" onSubmit={onSubmit}>
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
      <div className="form-buttons">
        <button type="submit">{t.filters.apply}</button>
        <button type="button" className="secondary" onClick={onClear}>
          {t.filters.clear}
        </button>
      </div>
    </form>
  );
}

function WorkshopTable({ filters }: { filters: WorkshopFilters }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const format = useFormat();
  const name = useBilingual();
  const list = useCursorList(workshopKeys.list(filters), (cursor, signal) => fetchWorkshopPage(client, filters, cursor, signal));
  return (
    <PagedList list={list} loading={t.loading} empty={t.empty}>
      {(items) => (
        <table aria-busy={list.loadingMore}>
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.title}</th>
              <th scope="col">{t.columns.dates}</th>
              <th scope="col">{t.columns.kind}</th>
              <th scope="col">{t.columns.place}</th>
              <th scope="col">{t.columns.programme}</th>
              <th scope="col">{t.columns.status}</th>
              <th scope="col" className="number">
                {t.columns.sessions}
              </th>
              <th scope="col" className="number">
                {t.columns.participants}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((workshop) => (
              <tr key={workshop.id}>
                <th scope="row">
                  <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link>
                </th>
                <td className="nowrap">{format.period(workshop.startsOn, workshop.endsOn)}</td>
                <td>{t.kinds[workshop.kind]}</td>
                <td>
                  {name(workshop, 'hostAdministrationNameEn', 'hostAdministrationNameFr')}, {workshop.city}
                </td>
                <td>{workshop.programmeCode}</td>
                <td>
                  <span className="badge">{t.statuses[workshop.status]}</span>
                </td>
                <td className="number">{format.number(workshop.sessionCount)}</td>
                <td className="number">{format.number(workshop.participantCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </PagedList>
  );
}
