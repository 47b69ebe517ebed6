import createClient, { type ClientOptions } from 'openapi-fetch';
import type { paths } from './schema';

export type ApiClient = ReturnType<typeof createClient<paths>>;

/**
 * Same origin by default: in development Vite proxies /api to the API, in production the API
 * serves the built client, so the sign-in cookie goes with every request.
 * Tests pass their own `fetch` (and an absolute `baseUrl`, as Node's Request rejects relative URLs).
 */
export function createApiClient(options: ClientOptions = {}): ApiClient {
  return createClient<paths>({ baseUrl: '', credentials: 'same-origin', ...options });
}

export const apiClient: ApiClient = createApiClient();
