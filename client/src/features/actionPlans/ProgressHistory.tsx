import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import { QueryTable } from '@/components/RecordTable';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, fetchProgressUpdates } from './api';
import { actionPlanMessages } from './messages';
import { ActionStatusBadge } from './Status';

/** ListProgressUpdates: the action's whole history, latest first; read only, as updates never change. */
export function ProgressHistory({ actionId }: { actionId: string }) {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const format = useFormat();
  const updates = useQuery({
    queryKey: actionPlanKeys.updates(actionId),
    queryFn: ({ signal }) => fetchProgressUpdates(client, actionId, signal),
  });

  const latest = updates.data?.items[0];
  return (
    <QueryTable
      query={updates}
      loadingLabel={t.progress.loading}
      emptyLabel={t.action.notReported}
      caption={t.progress.caption}
      rowKey={(update) => update.id}
      columns={[
        {
          header: t.progress.reportedOn,
          className: 'nowrap',
          cell: (update) => (
            <>
              {format.date(update.reportedOn)}
              {update === latest && (
                <>
                  {' '}
                  <span className="badge">{t.action.latest}</span>
                </>
              )}
            </>
          ),
        },
        { header: t.progress.status, cell: (update) => <ActionStatusBadge status={update.status} /> },
        { header: t.progress.percentDone, className: 'number', cell: (update) => format.percent(update.percentDone) },
        { header: t.progress.narrative, cell: (update) => update.narrative },
        {
          header: t.progress.evidence,
          cell: (update) =>
            update.evidenceLinks.length > 0 && (
              <ul className="evidence-links">
                {update.evidenceLinks.map((link) => (
                  <li key={link}>
                    <a href={link} rel="noopener noreferrer" target="_blank">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            ),
        },
        { header: t.progress.recordedAt, className: 'nowrap', cell: (update) => format.dateTime(update.recordedAt) },
      ]}
    />
  );
}
