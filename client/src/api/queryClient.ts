import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './call';

/**
 * Tuned for a slow connection: answers stay fresh for a minute, nothing refetches on window
 * focus, and only an unreachable server or a 5xx is retried (a 4xx would answer the same again).
 * Offline first: a request is tried even when the browser says it is offline, since the service worker
 * may answer it from its cache (and a command may wait in the outbox), instead of pausing until online.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        networkMode: 'offlineFirst',
        retry: (failures, error) =>
          failures < 2 && error instanceof ApiError && (error.unreachable || error.status >= 500),
      },
      mutations: { retry: false, networkMode: 'offlineFirst' },
    },
  });
}
