import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField, TextField } from '@/components/fields';
import { Page } from '@/components/Page';
import { CursorTable } from '@/components/RecordTable';
import { useFormValues } from '@/components/RecordForm';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, fetchPlanPage, planStatuses, type ActionPlanStatus, type PlanFilters } from './api';
import { useProgrammeChoices } from '@/lib/referenceData';
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
      loadingLabel={t.loading}
      emptyLabel={t.empty}
      caption={t.caption}
      rowKey={(plan) => plan.id}
      columns={[
        { header: t.fields.title, cell: (plan) => <Link to={`/action-plans/${plan.id}`}>{plan.title}</Link> },
        { header: t.fields.administration, cell: (plan) => name(plan, 'administrationNameEn', 'administrationNameFr') },
        { header: t.fields.programme, cell: (plan) => plan.programmeCode },
        { header: t.fields.period, className: 'nowrap', cell: (plan) => format.period(plan.startsOn, plan.endsOn) },
        { header: t.fields.status, cell: (plan) => <PlanStatusBadge status={plan.status} /> },
        { header: t.fields.objectives, className: 'number', cell: (plan) => format.number(plan.objectiveCount) },
        { header: t.fields.actions, className: 'number', cell: (plan) => format.number(plan.actionCount) },
      ]}
    />
  );
}
