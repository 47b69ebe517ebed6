import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { common } from '@/i18n/common';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { ActionForm } from './ActionForm';
import { actionPlanMessages } from './messages';
import { ProgressHistory } from './ProgressHistory';
import { useAction, usePlan } from './queries';
import { ReportProgressForm } from './ReportProgressForm';
import { ActionStatusBadge } from './Status';
import './actionPlans.css';

/**
 * /actions/:id: what the action plans, where it stands (its latest update), its progress history and
 * the form to report progress, which the API takes once the plan is adopted and until it is closed.
 */
export function ActionPage() {
  const { id = '' } = useParams();
  const t = useMessages(actionPlanMessages);
  const shared = useMessages(common);
  const format = useFormat();
  const action = useAction(id);
  const plan = usePlan(action.data?.actionPlanId ?? '');
  const [editing, setEditing] = useState(false);

  if (action.isPending) return <Loading label={t.action.loading} />;
  if (action.isError) return <ProblemAlert error={action.error} onRetry={() => void action.refetch()} />;
  const record = action.data;
  const status = plan.data?.status;
  const objective = plan.data?.objectives.find((one) => one.id === record.objectiveId);
  return (
    <Page
      title={record.title}
      actions={
        plan.data &&
        status !== 'closed' &&
        !editing && (
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            {t.actions.edit}
          </button>
        )
      }
    >
      <p>
        <Link to={`/action-plans/${record.actionPlanId}`}>{plan.data ? `${t.action.back}: ${plan.data.title}` : t.action.back}</Link>
      </p>
      {plan.isError && <ProblemAlert error={plan.error} onRetry={() => void plan.refetch()} />}
      <dl className="facts">
        <dt>{t.actions.objective}</dt>
        <dd>{objective ? `${t.objectives.number(objective.position)}: ${objective.title}` : t.objectives.number(record.objectivePosition)}</dd>
        <dt>{t.actions.leadUnit}</dt>
        <dd>{record.leadUnit}</dd>
        <dt>{t.actions.owner}</dt>
        <dd>{record.owner}</dd>
        <dt>{t.fields.period}</dt>
        <dd>{format.period(record.startsOn, record.dueOn)}</dd>
        <dt>{t.actions.status}</dt>
        <dd>
          <ActionStatusBadge status={record.status} />
        </dd>
        <dt>{t.actions.percentDone}</dt>
        <dd>{format.percent(record.percentDone)}</dd>
        <dt>{t.action.latest}</dt>
        <dd>{record.reportedOn ? `${format.date(record.reportedOn)} (${t.action.updates(record.updateCount)})` : shared.none}</dd>
      </dl>
      {editing && plan.data && (
        <div className="card">
          <h2>{t.actions.edit}</h2>
          <ActionForm plan={plan.data} action={record} onClose={() => setEditing(false)} onReload={() => void action.refetch()} />
        </div>
      )}
      {(status === 'adopted' || status === 'in_implementation') && <ReportProgressForm action={record} />}
      <section aria-labelledby="progress-heading" className="section">
        <h2 id="progress-heading">{t.progress.heading}</h2>
        <p className="status">{t.progress.appendOnly}</p>
        <ProgressHistory actionId={record.id} />
      </section>
    </Page>
  );
}
