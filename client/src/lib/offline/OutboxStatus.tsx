import { Link } from 'react-router';
import { useMessages } from '@/i18n/LocaleProvider';
import { offlineMessages } from './messages';
import { useOnline } from './online';
import { useOutbox } from './OutboxProvider';

/**
 * The outbox in the header: how many changes wait, how many need the user, or that all are sent; a link to
 * the outbox. A live region, so a screen reader hears when the network returns and the changes go.
 */
export function OutboxStatus() {
  const t = useMessages(offlineMessages).status;
  const { waiting, needingAttention } = useOutbox();
  const online = useOnline();
  const parts = [
    ...(online ? [] : [t.offline]),
    ...(waiting > 0 ? [t.waiting(waiting)] : []),
    ...(needingAttention > 0 ? [t.attention(needingAttention)] : []),
  ];
  return (
    <p className="outbox-status" role="status" aria-live="polite">
      <Link to="/outbox" className={parts.length > 0 ? 'outbox-pending' : undefined}>
        {parts.length > 0 ? parts.join(' · ') : t.allSent}
      </Link>
    </p>
  );
}
