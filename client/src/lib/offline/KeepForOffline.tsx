import { useState } from 'react';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { offlineMessages } from './messages';
import { useOutbox } from './OutboxProvider';

/** A button that keeps a record for use without network (what `fetchEverything` reads), and when it last was. */
export function KeepForOffline({ keptKey, label, fetchEverything }: { keptKey: string; label: string; fetchEverything: () => Promise<unknown> }) {
  const t = useMessages(offlineMessages).keep;
  const format = useFormat();
  const { kept, keep } = useOutbox();
  const [keeping, setKeeping] = useState(false);
  const [failed, setFailed] = useState(false);
  const keptAt = kept.get(keptKey);

  async function keepIt() {
    setKeeping(true);
    setFailed(false);
    try {
      await keep(keptKey, fetchEverything);
    } catch {
      setFailed(true);
    } finally {
      setKeeping(false);
    }
  }

  return (
    <span className="keep-offline">
      <button type="button" className="secondary" aria-label={`${keptAt ? t.again : t.action}: ${label}`} disabled={keeping} onClick={() => void keepIt()}>
        {keeping ? t.keeping : keptAt ? t.again : t.action}
      </button>{' '}
      <span role="status">
        {failed ? <span className="field-error">{t.failed}</span> : keptAt && <span className="field-hint">{t.keptAt(format.dateTime(keptAt))}</span>}
      </span>
    </span>
  );
}
