import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { ApiClientProvider } from '@/api/ApiClientProvider';
import type { ApiClient } from '@/api/client';
import { createQueryClient } from '@/api/queryClient';
import type { Locale } from '@/i18n/catalog';
import { LocaleProvider } from '@/i18n/LocaleProvider';

/**
 * Renders a screen or component as the app would (language, API client, query cache, router),
 * without the session: for testing one feature against a stubbed API.
 */
export function renderWithApi(ui: ReactNode, client: ApiClient, { locale = 'en', at = '/' }: { locale?: Locale; at?: string } = {}) {
  // The app's cache settings, without retries: a test's stub answers each request once.
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ ...queryClient.getDefaultOptions(), queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return render(
    <LocaleProvider locale={locale}>
      <ApiClientProvider client={client}>
        <QueryClientProvider client={queryClient}>
          <MemoryRouter initialEntries={[at]}>{ui}</MemoryRouter>
        </QueryClientProvider>
      </ApiClientProvider>
    </LocaleProvider>,
  );
}
