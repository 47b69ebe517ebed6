import { Link } from 'react-router';
import { RecordTable } from '@/components/RecordTable';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { ActionDetails, ActionPlanSummary } from './api';
import { actionPlanMessages } from './messages';
import { useActionProgressColumns } from './Status';

export interface OverdueRow {
  action: ActionDetails;
  /** Given when the rows come from several plans. */
  plan?: ActionPlanSummary;
}

/** Overdue actions, longest overdue first, each linking to its page (where progress is reported). */
export function OverdueTable({ caption, rows }: { caption: string; rows: readonly OverdueRow[] }) {
  const t = useMessages(actionPlanMessages);
  const name = useBilingual();
  const progress = useActionProgressColumns();
  const withPlan = rows.some((row) => row.plan);
  return (
    <RecordTable
      caption={caption}
      rows={rows}
      rowKey={({ action }) => action.id}
      columns={[
        { header: t.overdue.action, cell: ({ action }) => <Link to={`/actions/${action.id}`}>{action.title}</Link> },
        ...(withPlan
          ? [
              {
                header: t.overdue.plan,
                cell: ({ plan }: OverdueRow) =>
                  plan && (
                    <Link to={`/action-plans/${plan.id}`}>
                      {name(plan, 'administrationNameEn', 'administrationNameFr')}: {plan.title}
                    </Link>
                  ),
              },
            ]
          : []),
        ...progress.map((column) => ({ ...column, cell: ({ action }: OverdueRow) => column.cell(action) })),
      ]}
    />
  );
}
