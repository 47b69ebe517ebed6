import { Link } from 'react-router';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { ActionDetails, ActionPlanSummary } from './api';
import { actionPlanMessages } from './messages';
import { ActionProgressCells } from './Status';

export interface OverdueRow {
  action: ActionDetails;
  /** Given when the rows come from several plans. */
  plan?: ActionPlanSummary;
}

/** Overdue actions, longest overdue first, each linking to its page (where progress is reported). */
export function OverdueTable({ caption, rows }: { caption: string; rows: readonly OverdueRow[] }) {
  const t = useMessages(actionPlanMessages);
  const name = useBilingual();
  const withPlan = rows.some((row) => row.plan);
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.overdue.action}</th>
          {withPlan && <th scope="col">{t.overdue.plan}</th>}
          <th scope="col">{t.overdue.dueOn}</th>
          <th scope="col">{t.overdue.status}</th>
          <th scope="col" className="number">
            {t.actions.percentDone}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ action, plan }) => (
          <tr key={action.id}>
            <th scope="row">
              <Link to={`/actions/${action.id}`}>{action.title}</Link>
            </th>
            {withPlan && (
              <td>{plan && <Link to={`/action-plans/${plan.id}`}>{name(plan, 'administrationNameEn', 'administrationNameFr')}: {plan.title}</Link>}</td>
            )}
            <ActionProgressCells action={action} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
