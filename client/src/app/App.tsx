import { useEffect } from 'react';
import { ApiClientProvider } from '@/api/ApiClientProvider';
import { apiClient, type ApiClient } from '@/api/client';
import { ProgrammeList } from '@/features/programmes/ProgrammeList';
import { RequireSession, SessionBar, SessionProvider } from '@/features/session';
import { messages } from '@/lib/messages';

export function App({ client = apiClient }: { client?: ApiClient }) {
  return (
    <ApiClientProvider client={client}>
      <SessionProvider>
        <header className="app-header">
          <span className="app-name">{messages.appTitle}</span>
          <SessionBar />
        </header>
        <main className="app-main">
          <RequireSession>
            <ProgrammesPage />
          </RequireSession>
        </main>
      </SessionProvider>
    </ApiClientProvider>
  );
}

function ProgrammesPage() {
  useEffect(() => {
    document.title = messages.programmes.pageTitle;
  }, []);
  return <ProgrammeList />;
}
