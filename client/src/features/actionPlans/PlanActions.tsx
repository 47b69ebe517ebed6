import { useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField } from '@/components/fields';
import { CursorTable } from '@/components/RecordTable';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { ActionForm } from './ActionForm';
import { actionPlanKeys, actionStatuses, fetchActionPage, type ActionFilters, type ActionPlanDetails, type ActionStatus } from './api';
import { actionPlanMessages } from './messages';
import { useActionProgressColumns } from './Status';

/** The plan's actions by due day, filtered by objective and status, a page at a time; and planning one. */
export function PlanActions({ plan, onReload }: { plan: ActionPlanDetails; onReload: () => void }) {
  const t = useMessages(actionPlanMessages);
  const [filters, setFilters] = useState<ActionFilters>({});
  const [planning, setPlanning] = useState(false);
  // Actions serve an objective, so there is nothing to plan before the first one.
  const canPlan = plan.status !== 'closed' && plan.objectives.length > 0;

  return (
    <section aria-labelledby="actions-heading" className="section">
      <div className="page-heading">
        <h2 id="actions-heading">{t.actions.heading}</h2>
        {canPlan && !planning && (
          <button type="button" onClick={() => setPlanning(true)}>
            {t.actions.plan}
          </button>
        )}
      </div>
      {planning && (
        <div className="card">
          <h3>{t.actions.plan}</h3>
          <ActionForm plan={plan} onClose={() => setPlanning(false)} onReload={onReload} />
        </div>
      )}
      <div className="form filters" role="group" aria-label={t.actions.filters}>
        <SelectField
          label={t.actions.objective}
          value={filters.objectiveId ?? ''}
          onValue={(objectiveId) => setFilters((previous) => ({ ...previous, objectiveId: objectiveId || undefined }))}
          options={plan.objectives.map((objective) => ({ value: objective.id, label: `${t.objectives.number(objective.position)}: ${objective.title}` }))}
          placeholder={t.filters.all}
        />
        <SelectField
          label={t.actions.status}
          value={filters.status ?? ''}
          onValue={(status) => setFilters((previous) => ({ ...previous, status: (status || undefined) as ActionStatus | undefined }))}
          options={actionStatuses.map((status) => ({ value: status, label: t.actionStatus[status] }))}
          placeholder={t.filters.all}
        />
      </div>
      <ActionList planId={plan.id} filters={filters} />
    </section>
  );
}

function ActionList({ planId, filters }: { planId: string; filters: ActionFilters }) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const format = useFormat();
  const progress = useActionProgressColumns();
  const list = useCursorList(actionPlanKeys.actions(planId, filters), (cursor, signal) => fetchActionPage(client, planId, filters, cursor, signal));

  return (
    <CursorTable
      list={list}
      loadingLabel={t.actions.loading}
      emptyLabel={t.actions.empty}
      caption={t.actions.caption}
      rowKey={(action) => action.id}
      columns={[
        { header: t.actions.title, cell: (action) => <Link to={`/actions/${action.id}`}>{action.title}</Link> },
        { header: t.actions.objective, cell: (action) => format.number(action.objectivePosition) },
        { header: t.actions.leadUnit, cell: (action) => action.leadUnit },
        { header: t.actions.owner, cell: (action) => action.owner },
        ...progress,
      ]}
    />
  );
}
