import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField, TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { useFormValues } from '@/components/RecordForm';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, fetchPlanPage, planStatuses, type ActionPlanStatus, type PlanFilters } from './api';
import { useProgrammeChoices } from './choices';
import { CursorTable } from './CursorTable';
import { actionPlanMessages } from './messages';
import { RecordActionPlanForm } from './RecordActionPlanForm';
import { PlanStatusBadge } from './Status';
import './actionPlans.css';

const filterNames = ['programmeId', 'administrationId', 'status', 'q'] as const;

/** The filters live in the address, so that "Back" from a plan finds the list as it was. */
function readFilters(params: URLSearchParams): PlanFilters {
  return Object.fromEntries(filterNames.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : []))) as PlanFilters;
}

/** /action-plans: the plans in the caller's scope, filtered, a page at a time; and recording a new one. */
export function ActionPlansPage() {
  const t = useMessages(actionPlanMessages);
  const [params, setParams] = useSearchParams();
  const [recording, setRecording] = useState(false);
  const filters = readFilters(params);
  return (
    <Page
      title={t.heading}
      actions={
        !recording && (
          <button type="button" onClick={() => setRecording(true)}>
            {t.record.open}
          </button>
        )
      }
    >
      {recording && <RecordActionPlanForm onCancel={() => setRecording(false)} />}
      <PlanFilterForm key={params.toString()} filters={filters} onApply={(next) => setParams(next as Record<string, string>)} />
      <PlanList filters={filters} />
    </Page>
  );
}

function PlanFilterForm({ filters, onApply }: { filters: PlanFilters; onApply: (filters: PlanFilters) => void }) {
  const t = useMessages(actionPlanMessages);
  const { values, set, setValues } = useFormValues<PlanFilters>(filters);
  const choices = useProgrammeChoices(values.programmeId);
  const apply = () => onApply(Object.fromEntries(Object.entries(values).filter(([, value]) => value)) as PlanFilters);
  return (
    <form
      className="form filters"
      aria-label={t.filters.legend}
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <SelectField
        label={t.fields.programme}
        value={values.programmeId ?? ''}
        onValue={(programmeId) => setValues((previous) => ({ ...previous, programmeId, administrationId: undefined }))}
        options={choices.programmes}
        placeholder={t.filters.all}
      />
      <SelectField
        label={t.fields.administration}
        value={values.administrationId ?? ''}
        onValue={set('administrationId')}
        options={choices.administrations}
        placeholder={t.filters.all}
      />
      <SelectField
        label={t.fields.status}
        value={values.status ?? ''}
        onValue={(status) => set('status')((status || undefined) as ActionPlanStatus | undefined)}
        options={planStatuses.map((status) => ({ value: status, label: t.planStatus[status] }))}
        placeholder={t.filters.all}
      />
      <TextField label={t.filters.q} type="search" value={values.q ?? ''} onValue={set('q')} />
      <div className="form-buttons">
        <button type="submit" className="secondary">
          {t.filters.apply}
        </button>
      </div>
    </form>
  );
}

function PlanList({ filters }: { filters: PlanFilters }) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const format = useFormat();
  const name = useBilingual();
  const list = useCursorList(actionPlanKeys.list(filters), (cursor, signal) => fetchPlanPage(client, filters, cursor, signal));

  return (
    <CursorTable
      list={list}
      loading={t.loading}
      empty={t.empty}
      caption={t.caption}
      header={
        <>
          <th scope="col">{t.fields.title}</th>
          <th scope="col">{t.fields.administration}</th>
          <th scope="col">{t.fields.programme}</th>
          <th scope="col">{t.fields.period}</th>
          <th scope="col">{t.fields.status}</th>
          <th scope="col" className="number">
            {t.fields.objectives}
          </th>
          <th scope="col" className="number">
            {t.fields.actions}
          </th>
        </>
      }
      row={(plan) => (
        <tr key={plan.id}>
          <th scope="row">
            <Link to={`/action-plans/${plan.id}`}>{plan.title}</Link>
          </th>
          <td>{name(plan, 'administrationNameEn', 'administrationNameFr')}</td>
          <td>{plan.programmeCode}</td>
          <td className="nowrap">{format.period(plan.startsOn, plan.endsOn)}</td>
          <td>
            <PlanStatusBadge status={plan.status} />
          </td>
          <td className="number">{format.number(plan.objectiveCount)}</td>
          <td className="number">{format.number(plan.actionCount)}</td>
        </tr>
      )}
    />
  );
}
