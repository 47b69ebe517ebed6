import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createBrowserRouter, createMemoryRouter, RouterProvider } from 'react-router';
import { ApiClientProvider } from '@/api/ApiClientProvider';
import { apiClient, type ApiClient } from '@/api/client';
import { createQueryClient } from '@/api/queryClient';
import { RequestLanguage } from '@/api/RequestLanguage';
import { OutboxProvider } from '@/lib/offline';
import { SessionProvider, useSession } from '@/lib/session';
import type { Locale } from '@/i18n/catalog';
import { LocaleProvider } from '@/i18n/LocaleProvider';
import { routes } from './routes';

/**
 * The whole client. Tests give their own API client, a language, and the address to start at
 * (then the router keeps its history in memory instead of the browser's).
 */
export function App({ client = apiClient, locale, at }: { client?: ApiClient; locale?: Locale; at?: string }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => (at ? createMemoryRouter(routes, { initialEntries: [at] }) : createBrowserRouter(routes)));
  return (
    <LocaleProvider locale={locale}>
      <ApiClientProvider client={client}>
        <RequestLanguage />
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <SignedInOutbox>
              <RouterProvider router={router} />
            </SignedInOutbox>
          </SessionProvider>
        </QueryClientProvider>
      </ApiClientProvider>
    </LocaleProvider>
  );
}

/** The outbox of whoever is signed in (by e-mail): another account neither sees nor sends it. */
function SignedInOutbox({ children }: { children: ReactNode }) {
  const { state } = useSession();
  return <OutboxProvider account={state.status === 'signedIn' ? state.me.name : null}>{children}</OutboxProvider>;
}
