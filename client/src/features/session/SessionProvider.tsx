import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Middleware } from 'openapi-fetch';
import { useApiClient } from '@/api/ApiClientProvider';
import type { Problem } from '@/api/problem';
import { messages } from '@/lib/messages';
import { fetchMe, signOut as requestSignOut, SIGN_IN_PATH, type Me } from './api';

export type SessionState =
  | { status: 'checking' }
  | { status: 'checkFailed'; problem: Problem }
  /** `notice` says why the user is back at the form (their session ended), if they did not sign out. */
  | { status: 'signedOut'; notice?: string }
  | { status: 'signedIn'; me: Me };

export interface Session {
  state: SessionState;
  /** Asks the API again who is signed in (after the first check failed). */
  recheck: () => void;
  /** The sign-in form calls this with the account the API answered. */
  signedIn: (me: Me) => void;
  /** Ends the session; resolves to the problem to show when the API could not end it. */
  signOut: () => Promise<Problem | null>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Knows who is signed in. On start it asks the API (GetMe); the session itself is the API's
 * HttpOnly cookie, so nothing is stored in the browser. While someone is signed in, a 401 from
 * any call through the API client means the session has ended, and the user is sent back to sign in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [checks, setChecks] = useState(0);
  // The middleware below reads the state when a response arrives, outside React's render.
  const stateRef = useRef(state);
  const update = useCallback((next: SessionState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    update({ status: 'checking' });
    fetchMe(client, controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        if (result.kind === 'signedIn') update({ status: 'signedIn', me: result.me });
        else if (result.kind === 'signedOut') update({ status: 'signedOut' });
        else update({ status: 'checkFailed', problem: result.problem });
      },
      () => {
        // Only an aborted check (unmount, or StrictMode's second run) rejects; nothing to show.
      },
    );
    return () => controller.abort();
  }, [client, checks, update]);

  useEffect(() => {
    const sessionEnded: Middleware = {
      onResponse({ response, schemaPath }) {
        if (response.status !== 401 || schemaPath === SIGN_IN_PATH) return;
        // Only a session that was running can end; a late answer after signing out changes nothing.
        if (stateRef.current.status !== 'signedIn') return;
        update({ status: 'signedOut', notice: messages.session.ended });
      },
    };
    client.use(sessionEnded);
    return () => client.eject(sessionEnded);
  }, [client, update]);

  const recheck = useCallback(() => setChecks((count) => count + 1), []);

  const signedIn = useCallback((me: Me) => update({ status: 'signedIn', me }), [update]);

  const signOut = useCallback(async () => {
    const problem = await requestSignOut(client);
    if (problem) return problem;
    update({ status: 'signedOut' });
    return null;
  }, [client, update]);

  const session = useMemo<Session>(
    () => ({ state, recheck, signedIn, signOut }),
    [state, recheck, signedIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession must be used inside <SessionProvider>.');
  return session;
}
