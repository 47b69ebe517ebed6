import { Link } from 'react-router';
import { ApiError, KeptInOutbox } from '@/api/call';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';
import { offlineMessages } from '@/lib/offline';

/**
 * What went wrong, in the API's words when it gave them: title, detail and any messages not shown
 * next to a field. An unreachable server and a lost edit race get their own explanation; a command kept
 * in the outbox is no failure, and says so.
 */
export function ProblemAlert({
  error,
  onRetry,
  onReload,
  placedFields = [],
  lead,
}: {
  error: unknown;
  /** What the user was doing, said first ("Could not sign out"). */
  lead?: string;
  onRetry?: () => void;
  /** Offered when an edit lost a race (412): reloads the record. */
  onReload?: () => void;
  /** Fields whose messages the form shows next to them, so they are not repeated here. */
  placedFields?: readonly string[];
}) {
  const t = useMessages(common);
  const offline = useMessages(offlineMessages).kept;
  if (error === null || error === undefined) return null;
  if (error instanceof KeptInOutbox) {
    return (
      <div role="status" className="notice">
        <p className="problem-title">{offline.heading}</p>
        <p className="problem-detail">{offline.detail}</p>
        <Link to="/outbox">{offline.open}</Link>
      </div>
    );
  }
  const apiError = error instanceof ApiError ? error : new ApiError(0, {}, {});

  if (apiError.lostRace) {
    return (
      <div role="alert" className="problem">
        <p className="problem-title">{t.errors.conflict}</p>
        <p className="problem-detail">{t.errors.conflictDetail}</p>
        {onReload && (
          <button type="button" onClick={onReload}>
            {t.actions.reload}
          </button>
        )}
      </div>
    );
  }

  const placed = new Set(placedFields.map((field) => field.toLowerCase()));
  const unplaced = Object.entries(apiError.fieldErrors)
    .filter(([field]) => !placed.has(field))
    .flatMap(([, messages]) => messages);
  // Every message sits beside its field (which says so to screen readers): nothing to repeat here.
  if (Object.keys(apiError.fieldErrors).length > 0 && unplaced.length === 0) return null;
  const title = apiError.unreachable ? t.errors.network : (apiError.problem.title ?? t.errors.requestFailed(apiError.status));
  const detail = apiError.unreachable ? t.errors.networkDetail : apiError.problem.detail;

  return (
    <div role="alert" className="problem">
      {lead && <p className="problem-lead">{lead}</p>}
      <p className="problem-title">{title}</p>
      {detail && <p className="problem-detail">{detail}</p>}
      {unplaced.length > 0 && (
        <ul className="problem-list">
          {unplaced.map((message, index) => (
            <li key={index}>{message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t.actions.retry}
        </button>
      )}
    </div>
  );
}
