import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApiClient } from '@/api/ApiClientProvider';
import { call } from '@/api/call';
import { deliverThrough } from './deliver';
import { keptBy, markKept } from './kept';
import { outboxMiddleware } from './middleware';
import { drop, entriesOf, retry, sendWaiting } from './outbox';
import { serviceWorkerInControl } from './serviceWorker';
import { onChange, type OutboxEntry } from './store';

/** How often waiting entries are tried while someone is signed in, besides when the network comes back. */
const TRY_EVERY_MS = 30_000;

export interface Outbox {
  /** The signed-in account's entries, in the order they were made. */
  entries: OutboxEntry[];
  waiting: number;
  /** Refused by the API (a conflict, or a failure): they need the user. */
  needingAttention: number;
  sending: boolean;
  sendNow: () => Promise<void>;
  retry: (id: number) => Promise<void>;
  drop: (id: number) => Promise<void>;
  /** When each record kept for use without network was fetched, by its key (`workshop:<id>`). */
  kept: ReadonlyMap<string, string>;
  /**
   * Fetches what a screen needs without network, through the service worker, which keeps the answers
   * (see apiCache.ts), and notes the record as kept.
   */
  keep: (key: string, fetchEverything: () => Promise<unknown>) => Promise<void>;
}

const nothing: Outbox = {
  entries: [],
  waiting: 0,
  needingAttention: 0,
  sending: false,
  sendNow: async () => undefined,
  retry: async () => undefined,
  drop: async () => undefined,
  kept: new Map(),
  keep: async () => undefined,
};

// Without a provider (a screen tested on its own) there is no outbox: nothing waits.
const OutboxContext = createContext<Outbox>(nothing);

/**
 * The outbox of the signed-in account: keeps its commands that could not reach the server (through the API
 * client's middleware) and sends them in order when the network returns, after signing in, every 30 s and on
 * "Send now". One tab of the device sends at a time (Web Locks); the others hear of the outcome.
 */
export function OutboxProvider({ account, children }: { account: string | null; children: ReactNode }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [kept, setKept] = useState<ReadonlyMap<string, string>>(nothing.kept);
  const [sending, setSending] = useState(false);
  // The middleware asks whose command failed when it fails, outside React's render.
  const accountRef = useRef(account);
  useEffect(() => {
    accountRef.current = account;
  }, [account]);

  useEffect(() => {
    const middleware = outboxMiddleware(() => accountRef.current);
    client.use(middleware);
    return () => client.eject(middleware);
  }, [client]);

  useEffect(() => {
    if (account === null) {
      setEntries(nothing.entries);
      setKept(nothing.kept);
      return;
    }
    let current = true;
    const read = () =>
      void Promise.all([entriesOf(account), keptBy(account)]).then(([entries, kept]) => {
        if (!current) return;
        setEntries(entries);
        setKept(kept);
      });
    read();
    const stop = onChange(read);
    return () => {
      current = false;
      stop();
    };
  }, [account]);

  const sendNow = useCallback(async () => {
    if (account === null) return;
    setSending(true);
    try {
      const run = async () => {
        // What was sent changed records that screens show: read them again.
        if ((await sendWaiting(account, deliverThrough(client))) > 0) await queryClient.invalidateQueries();
      };
      // Another tab holding the lock is sending the same entries: this one lets it.
      if (typeof navigator !== 'undefined' && navigator.locks) await navigator.locks.request('integrity-outbox', { ifAvailable: true }, (lock) => lock && run());
      else await run();
    } finally {
      setSending(false);
    }
  }, [account, client, queryClient]);

  useEffect(() => {
    if (account === null) return;
    const send = () => void sendNow();
    send();
    const timer = setInterval(send, TRY_EVERY_MS);
    window.addEventListener('online', send);
    return () => {
      clearInterval(timer);
      window.removeEventListener('online', send);
    };
  }, [account, sendNow]);

  const outbox = useMemo<Outbox>(
    () => ({
      entries,
      waiting: entries.filter((entry) => entry.state === 'waiting').length,
      needingAttention: entries.filter((entry) => entry.state === 'conflict' || entry.state === 'failed').length,
      sending,
      sendNow,
      retry: async (id) => {
        await retry(id);
        await sendNow();
      },
      drop,
      kept,
      keep: async (key, fetchEverything) => {
        if (account === null) return;
        await serviceWorkerInControl();
        // The app opens offline only when it knows who is signed in: that answer is kept too.
        await Promise.all([fetchEverything(), call(client.GET('/api/v1/auth/me'))]);
        await markKept(key, account);
      },
    }),
    [account, client, entries, kept, sending, sendNow],
  );
  return <OutboxContext.Provider value={outbox}>{children}</OutboxContext.Provider>;
}

export function useOutbox(): Outbox {
  return useContext(OutboxContext);
}
