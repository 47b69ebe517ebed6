import type { Column } from '@/components/RecordTable';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import type { ActionDetails, ActionPlanStatus, ActionStatus } from './api';
import { actionPlanMessages } from './messages';

export function PlanStatusBadge({ status }: { status: ActionPlanStatus }) {
  const t = useMessages(actionPlanMessages);
  return <span className={`badge status-${status}`}>{t.planStatus[status]}</span>;
}

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const t = useMessages(actionPlanMessages);
  return <span className={`badge status-${status}`}>{t.actionStatus[status]}</span>;
}

/** Due day, status and percent done: the columns every table of actions ends with. */
export function useActionProgressColumns(): Column<ActionDetails>[] {
  const t = useMessages(actionPlanMessages);
  const format = useFormat();
  return [
    { header: t.actions.dueOn, className: 'nowrap', cell: (action) => format.date(action.dueOn) },
    { header: t.actions.status, cell: (action) => <ActionStatusBadge status={action.status} /> },
    { header: t.actions.percentDone, className: 'number', cell: (action) => format.percent(action.percentDone) },
  ];
}
