import { useQuery } from '@tanstack/react-query';
import { useApiClient } from './ApiClientProvider';
import type { ApiClient } from './client';
import { call } from './call';

/** One key for every feature, holding the API's page as it comes: two shapes under one key break whichever screen reads second. */
export const keyFactorsKey = ['key-factors'] as const;

export function fetchKeyFactors(client: ApiClient, signal?: AbortSignal) {
  return call(client.GET('/api/v1/key-factors', { signal }));
}

/** The ten key factors RAD-01…RAD-10; the API has no way to change them, so they are read once. */
export function useKeyFactors(enabled = true) {
  const client = useApiClient();
  return useQuery({ queryKey: keyFactorsKey, queryFn: ({ signal }) => fetchKeyFactors(client, signal), staleTime: Infinity, enabled });
}
