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

/** Due day, status and percent done: the cells every table of actions ends with. */
export function ActionProgressCells({ action }: { action: ActionDetails }) {
  const format = useFormat();
  return (
    <>
      <td className="nowrap">{format.date(action.dueOn)}</td>
      <td>
        <ActionStatusBadge status={action.status} />
      </td>
      <td className="number">{format.percent(action.percentDone)}</td>
    </>
  );
}
