import { useState } from 'react';
import type { Problem } from '@/api/problem';
import { messages } from '@/lib/messages';
import type { Me } from './api';
import { useSession } from './SessionProvider';

const t = messages.session;

/** Who is signed in, in what role, and the way to sign out; nothing while nobody is signed in. */
export function SessionBar() {
  const { state, signOut } = useSession();
  // A separate component, so that its state goes with the session it belongs to.
  return state.status === 'signedIn' ? <SignedInBar me={state.me} signOut={signOut} /> : null;
}

function SignedInBar({ me, signOut }: { me: Me; signOut: () => Promise<Problem | null> }) {
  const [signingOut, setSigningOut] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const name = me.displayName?.trim() || me.name;

  async function handleSignOut() {
    setSigningOut(true);
    setProblem(null);
    const failure = await signOut();
    // On success this bar goes away with the session; on failure say so, as the session still runs.
    if (failure) {
      setProblem(failure);
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
      {problem && (
        <p role="alert" className="session-problem">
          {t.signOutFailed} {problem.title}
        </p>
      )}
    </div>
  );
}
