import './outbox.css';
import { Page } from '@/components/Page';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { kindOf, offlineMessages, useOnline, useOutbox, type OutboxEntry, type OutboxState } from '@/lib/offline';

/**
 * What this device keeps for the API: changes waiting to be sent (Send now), conflicts and refusals with the
 * API's words (a refusal may be tried again), and what was sent today. Any change not sent may be dropped.
 */
export function OutboxPage() {
  const t = useMessages(offlineMessages).page;
  const outbox = useOutbox();
  const online = useOnline();
  const of = (state: OutboxState) => outbox.entries.filter((entry) => entry.state === state);
  return (
    <Page
      title={t.title}
      actions={
        <button type="button" disabled={outbox.sending || outbox.waiting === 0} onClick={() => void outbox.sendNow()}>
          {outbox.sending ? t.sending : t.sendNow}
        </button>
      }
    >
      <p>{t.intro}</p>
      {!online && <p className="notice">{t.offline}</p>}
      <Entries heading={t.waiting} entries={of('waiting')} />
      <Entries heading={t.conflict} detail={t.conflictDetail} entries={of('conflict')} />
      <Entries heading={t.failed} detail={t.failedDetail} entries={of('failed')} />
      {/* Most recent first: the last sent is the one the user looks for. */}
      <Entries heading={t.sent} entries={of('sent').reverse()} />
    </Page>
  );
}

function Entries({ heading, detail, entries }: { heading: string; detail?: string; entries: OutboxEntry[] }) {
  const t = useMessages(offlineMessages);
  return (
    <section className="outbox-section" aria-label={`${heading} (${entries.length})`}>
      <h2>
        {heading} ({entries.length})
      </h2>
      {entries.length > 0 && detail && <p>{detail}</p>}
      {entries.length === 0 ? <p>{t.page.nothing}</p> : <ol className="outbox-entries">{entries.map((entry) => <Entry key={entry.id} entry={entry} />)}</ol>}
    </section>
  );
}

function Entry({ entry }: { entry: OutboxEntry }) {
  const t = useMessages(offlineMessages);
  const format = useFormat();
  const { drop, retry } = useOutbox();
  const what = t.page.what(t.kinds[kindOf(entry.method, entry.operation)], entry.about);
  const problem = entry.state === 'conflict' || entry.state === 'failed' ? entry.problem : undefined;
  return (
    <li className="outbox-entry">
      <p className="outbox-what">{what}</p>
      <p className="field-hint">
        {t.page.madeAt(format.dateTime(entry.madeAt))}
        {entry.triedAt && ` · ${t.page.triedAt(format.dateTime(entry.triedAt))}`}
        {entry.status ? ` · HTTP ${entry.status}` : ''}
      </p>
      {problem && (
        <div className="problem">
          {problem.title && <p className="problem-title">{problem.title}</p>}
          {problem.detail && <p className="problem-detail">{problem.detail}</p>}
          {problem.messages.length > 0 && (
            <ul className="problem-list">
              {problem.messages.map((message, index) => (
                <li key={index}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {entry.state !== 'sent' && (
        <div className="form-buttons">
          {entry.state === 'failed' && (
            <button type="button" className="secondary" aria-label={t.page.retryLabel(what)} onClick={() => void retry(entry.id)}>
              {t.page.retry}
            </button>
          )}
          <button type="button" className="secondary" aria-label={t.page.dropLabel(what)} onClick={() => void drop(entry.id)}>
            {t.page.drop}
          </button>
        </div>
      )}
    </li>
  );
}
