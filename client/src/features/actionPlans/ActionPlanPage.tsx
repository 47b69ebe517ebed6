import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { common } from '@/i18n/common';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { EditActionPlanForm } from './EditActionPlanForm';
import { actionPlanMessages } from './messages';
import { Objectives } from './Objectives';
import { PlanActions } from './PlanActions';
import { PlanDashboard } from './PlanDashboard';
import { PlanLifecycle } from './PlanLifecycle';
import { usePlan } from './queries';
import { PlanStatusBadge } from './Status';
import './actionPlans.css';

/** /action-plans/:id: a plan's facts and status, its dashboard, objectives and actions. */
export function ActionPlanPage() {
  const { id = '' } = useParams();
  const t = useMessages(actionPlanMessages);
  const shared = useMessages(common);
  const format = useFormat();
  const name = useBilingual();
  const plan = usePlan(id);
  const [editing, setEditing] = useState(false);
  const reload = () => void plan.refetch();

  if (plan.isPending) return <Loading label={t.plan.loading} />;
  if (plan.isError) return <ProblemAlert error={plan.error} onRetry={reload} />;
  const record = plan.data;
  return (
    <Page
      title={record.title}
      actions={
        record.status !== 'closed' &&
        !editing && (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t.plan.edit}
          </button>
        )
      }
    >
      <p>
        <Link to="/action-plans">{t.plan.back}</Link>
      </p>
      <dl className="facts">
        <dt>{t.fields.administration}</dt>
        <dd>{name(record, 'administrationNameEn', 'administrationNameFr')}</dd>
        <dt>{t.fields.programme}</dt>
        <dd>{record.programmeCode}</dd>
        <dt>{t.fields.period}</dt>
        <dd>{format.period(record.startsOn, record.endsOn)}</dd>
        <dt>{t.fields.status}</dt>
        <dd>
          <PlanStatusBadge status={record.status} />
        </dd>
        <dt>{t.fields.adoptedOn}</dt>
        <dd>{record.adoptedOn ? format.date(record.adoptedOn) : shared.none}</dd>
      </dl>
      {editing && <EditActionPlanForm plan={record} onReload={reload} onClose={() => setEditing(false)} />}
      <PlanLifecycle plan={record} onReload={reload} />
      <PlanDashboard planId={record.id} />
      <Objectives plan={record} onReload={reload} />
      <PlanActions plan={record} onReload={reload} />
    </Page>
  );
}
