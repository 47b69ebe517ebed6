import { useState } from 'react';
import type { ApiError } from '@/api/call';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useOutbox } from '@/lib/offline';
import { useMessages } from '@/i18n/LocaleProvider';
import type { Me } from './api';
import { sessionMessages } from './messages';
import { useSession } from './SessionProvider';

/** Who is signed in, in what role, and the way to sign out; nothing while nobody is signed in. */
export function SessionBar() {
  const { state, signOut } = useSession();
  // A separate component, so that its state goes with the session it belongs to.
  return state.status === 'signedIn' ? <SignedInBar me={state.me} signOut={signOut} /> : null;
}

function SignedInBar({ me, signOut }: { me: Me; signOut: () => Promise<ApiError | null> }) {
  const t = useMessages(sessionMessages);
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // Signing out deletes what waits in the outbox: the user says so first.
  const { waiting } = useOutbox();
  const [warned, setWarned] = useState(false);
  const name = me.displayName?.trim() || me.name;

  async function handleSignOut() {
    if (waiting > 0 && !warned) {
      setWarned(true);
      return;
    }
    setWarned(false);
    setSigningOut(true);
    setError(null);
    const failure = await signOut();
    // On success this bar goes away with the session; on failure say so, as the session still runs.
    if (failure) {
      setError(failure);
      setSigningOut(false);
    }
  }

  return (
    <div className="session-bar">
      <p className="session-user">
        <span className="visually-hidden">{t.signedInAs} </span>
        <span className="session-name">{name}</span>
        <span className="session-role">{t.roles[me.role]}</span>
      </p>
      <button type="button" onClick={() => void handleSignOut()} disabled={signingOut}>
        {signingOut ? t.signingOut : t.signOut}
      </button>
      {warned && (
        <div className="session-problem" role="alert">
          <p>{t.waitingWarning(waiting)}</p>
          <button type="button" onClick={() => void handleSignOut()}>
            {t.signOutAnyway(waiting)}
          </button>{' '}
          <button type="button" onClick={() => setWarned(false)}>
            {t.stay}
          </button>
        </div>
      )}
      {error && (
        <div className="session-problem">
          <ProblemAlert error={error} lead={t.signOutFailed} />
        </div>
      )}
    </div>
  );
}
