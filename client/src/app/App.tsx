import { useEffect } from 'react';
import { ApiClientProvider } from '@/api/ApiClientProvider';
import { apiClient, type ApiClient } from '@/api/client';
import { ProgrammeList } from '@/features/programmes/ProgrammeList';
import { messages } from '@/lib/messages';

export function App({ client = apiClient }: { client?: ApiClient }) {
  useEffect(() => {
    document.title = messages.programmes.pageTitle;
  }, []);

  return (
    <ApiClientProvider client={client}>
      <header className="app-header">
        <span className="app-name">{messages.appTitle}</span>
      </header>
      <main className="app-main">
        <ProgrammeList />
      </main>
    </ApiClientProvider>
  );
}
