import type { ReactNode } from 'react';
import { messages } from '@/lib/messages';
import { SignInForm } from './SignInForm';
import { useSession } from './SessionProvider';

const t = messages.session;

/** Shows its children to someone signed in; otherwise the session check, its failure, or the sign-in form. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, recheck, signedIn } = useSession();

  switch (state.status) {
    case 'checking':
      return (
        <p role="status" className="status">
          {t.checking}
        </p>
      );
    case 'checkFailed':
      return (
        <div role="alert" className="problem">
          <p className="problem-title">{t.checkFailed}</p>
          <p className="problem-detail">
            {state.problem.title}
            {state.problem.detail && ` ${state.problem.detail}`}
          </p>
          <button type="button" onClick={recheck}>
            {messages.errors.retry}
          </button>
        </div>
      );
    case 'signedOut':
      return <SignInForm notice={state.notice} onSignedIn={signedIn} />;
    case 'signedIn':
      return <>{children}</>;
  }
}
