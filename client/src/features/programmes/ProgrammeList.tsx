import { useCallback, useEffect, useRef, useState } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import type { Problem } from '@/api/problem';
import { formatDate } from '@/lib/format';
import { messages } from '@/lib/messages';
import { fetchProgrammePage, type ProgrammeSummary } from './api';

const t = messages.programmes;

type Status = 'loading' | 'ready' | 'loadingMore';

export function ProgrammeList() {
  const client = useApiClient();
  const [items, setItems] = useState<ProgrammeSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>('loading');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [hasLoaded, setHasLoaded] = useState(false);
  const abortRef = useRef<AbortController | null>(null);

  const load = useCallback(
    async (cursor: string | null) => {
      abortRef.current?.abort();
      const controller = new AbortController();
      abortRef.current = controller;
      setStatus(cursor ? 'loadingMore' : 'loading');
      setProblem(null);
      try {
        const result = await fetchProgrammePage(client, cursor, controller.signal);
        if (controller.signal.aborted) return;
        if (result.ok) {
          setItems((previous) => (cursor ? [...previous, ...result.page.items] : result.page.items));
          setNextCursor(result.page.nextCursor);
          setHasLoaded(true);
        } else {
          setProblem(result.problem);
        }
      } catch {
        // fetch itself failed (offline, DNS, CORS) or was aborted on unmount.
        if (controller.signal.aborted) return;
        setProblem({ title: messages.errors.network, detail: messages.errors.networkDetail });
      }
      setStatus('ready');
    },
    [client],
  );

  useEffect(() => {
    void load(null);
    return () => abortRef.current?.abort();
  }, [load]);

  const busy = status !== 'ready';

  return (
    <section aria-labelledby="programmes-heading">
      <h1 id="programmes-heading">{t.heading}</h1>

      {status === 'loading' && (
        <p role="status" className="status">
          {t.loading}
        </p>
      )}

      {problem && (
        <div role="alert" className="problem">
          <p className="problem-title">{problem.title}</p>
          {problem.detail && <p className="problem-detail">{problem.detail}</p>}
          {!hasLoaded && (
            <button type="button" onClick={() => void load(null)} disabled={busy}>
              {messages.errors.retry}
            </button>
          )}
        </div>
      )}

      {hasLoaded && items.length === 0 && <p>{t.empty}</p>}

      {items.length > 0 && (
        <table aria-busy={busy}>
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.code}</th>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.period}</th>
              <th scope="col">{t.columns.donors}</th>
              <th scope="col">{t.columns.administrations}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((programme) => (
              <tr key={programme.id}>
                <th scope="row">{programme.code}</th>
                <td>{programme.name}</td>
                <td className="nowrap">
                  <time dateTime={programme.startsOn}>{formatDate(programme.startsOn)}</time>
                  {' – '}
                  <time dateTime={programme.endsOn}>{formatDate(programme.endsOn)}</time>
                </td>
                <td>
                  {programme.donors.length === 0
                    ? t.noDonors
                    : programme.donors.map((donor) => donor.name).join(', ')}
                </td>
                <td>
                  {programme.administrations.length === 0
                    ? t.noAdministrations
                    : programme.administrations.map((administration) => administration.nameEn).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {items.length > 0 && (
        <p className="list-footer">
          <span aria-live="polite">{t.shown(items.length)}</span>
          {nextCursor && (
            <button type="button" onClick={() => void load(nextCursor)} disabled={busy}>
              {status === 'loadingMore' ? t.loadingMore : t.loadMore}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
