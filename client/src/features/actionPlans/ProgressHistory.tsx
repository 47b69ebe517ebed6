import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
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

  if (updates.isPending) return <Loading label={t.progress.loading} />;
  if (updates.isError) return <ProblemAlert error={updates.error} onRetry={() => void updates.refetch()} />;
  if (updates.data.items.length === 0) return <p>{t.action.notReported}</p>;
  return (
    <table>
      <caption>{t.progress.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.progress.reportedOn}</th>
          <th scope="col">{t.progress.status}</th>
          <th scope="col" className="number">
            {t.progress.percentDone}
          </th>
          <th scope="col">{t.progress.narrative}</th>
          <th scope="col">{t.progress.evidence}</th>
          <th scope="col">{t.progress.recordedAt}</th>
        </tr>
      </thead>
      <tbody>
        {updates.data.items.map((update, index) => (
          <tr key={update.id}>
            <th scope="row" className="nowrap">
              {format.date(update.reportedOn)}
              {index === 0 && (
                <>
                  {' '}
                  <span className="badge">{t.action.latest}</span>
                </>
              )}
            </th>
            <td>
              <ActionStatusBadge status={update.status} />
            </td>
            <td className="number">{format.percent(update.percentDone)}</td>
            <td>{update.narrative}</td>
            <td>
              {update.evidenceLinks.length > 0 && (
                <ul className="evidence-links">
                  {update.evidenceLinks.map((link) => (
                    <li key={link}>
                      <a href={link} rel="noopener noreferrer" target="_blank">
                        {link}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="nowrap">{format.dateTime(update.recordedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
