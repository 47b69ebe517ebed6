import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Middleware } from 'openapi-fetch';
import { useApiClient } from '@/api/ApiClientProvider';
import { ApiError } from '@/api/call';
import { forgetThisDevice } from '@/lib/offline';
import { fetchMe, signOut as requestSignOut, SIGN_IN_PATH, type Me } from './api';

export type SessionState =
  | { status: 'checking' }
  | { status: 'checkFailed'; error: ApiError }
  /** `ended` says the user is back at the form because their session ended, not because they signed out. */
  | { status: 'signedOut'; ended?: boolean }
  | { status: 'signedIn'; me: Me };

export interface Session {
  state: SessionState;
  /** Asks the API again who is signed in (after the first check failed). */
  recheck: () => void;
  /** The sign-in form calls this with the account the API answered. */
  signedIn: (me: Me) => void;
  /**
   * Ends the session and forgets what this device kept for the person (outbox, cached answers): another
   * person may use it next. Resolves to the error to show when the API could not end it.
   */
  signOut: () => Promise<ApiError | null>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Knows who is signed in. On start it asks the API (GetMe); the session itself is the API's
 * HttpOnly cookie, so nothing is stored in the browser. While someone is signed in, a 401 from
 * any call through the API client means the session has ended, and the user is sent back to sign in.
 * Whatever the previous account had loaded is forgotten when the account changes.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'checking' });
  const [checks, setChecks] = useState(0);
  // The middleware below reads the state when a response arrives, outside React's render.
  const stateRef = useRef(state);
  const update = useCallback(
    (next: SessionState) => {
      if (next.status === 'signedOut') queryClient.clear();
      stateRef.current = next;
      setState(next);
    },
    [queryClient],
  );

  useEffect(() => {
    const controller = new AbortController();
    update({ status: 'checking' });
    fetchMe(client, controller.signal).then(
      (me) => update(me ? { status: 'signedIn', me } : { status: 'signedOut' }),
      (error: unknown) => {
        // An aborted check (unmount, or StrictMode's second run) has nothing to show.
        if (controller.signal.aborted) return;
        update({ status: 'checkFailed', error: error instanceof ApiError ? error : new ApiError(0, {}, {}) });
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
        update({ status: 'signedOut', ended: true });
      },
    };
    client.use(sessionEnded);
    return () => client.eject(sessionEnded);
  }, [client, update]);

  const recheck = useCallback(() => setChecks((count) => count + 1), []);
  const signedIn = useCallback((me: Me) => update({ status: 'signedIn', me }), [update]);
  const signOut = useCallback(async () => {
    try {
      await requestSignOut(client);
    } catch (error) {
      return error instanceof ApiError ? error : new ApiError(0, {}, {});
    }
    await forgetThisDevice();
    update({ status: 'signedOut' });
    return null;
  }, [client, update]);

  const session = useMemo<Session>(() => ({ state, recheck, signedIn, signOut }), [state, recheck, signedIn, signOut]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession must be used inside <SessionProvider>.');
  return session;
}

/** The signed-in account; only for screens inside RequireSession. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useMe is only for screens shown to someone signed in.');
  return state.me;
}
