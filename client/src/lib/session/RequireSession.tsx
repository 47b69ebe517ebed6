import type { ReactNode } from 'react';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMessages } from '@/i18n/LocaleProvider';
import { sessionMessages } from './messages';
import { SignInForm } from './SignInForm';
import { useSession } from './SessionProvider';

/** Shows its children to someone signed in; otherwise the session check, its failure, or the sign-in form. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { state, recheck, signedIn } = useSession();
  const t = useMessages(sessionMessages);
  switch (state.status) {
    case 'checking':
      return (
        <p role="status" className="status">
          {t.checking}
        </p>
      );
    case 'checkFailed':
      return <ProblemAlert error={state.error} onRetry={recheck} lead={t.checkFailed} />;
    case 'signedOut':
      return <SignInForm ended={state.ended} onSignedIn={signedIn} />;
    case 'signedIn':
      return <>{children}</>;
  }
}
