import { call } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

export type ProgrammeSummary = components['schemas']['ProgrammeDetails'];

export const PAGE_SIZE = 50;

export const programmeKeys = { list: ['programmes'] as const };

export function fetchProgrammePage(client: ApiClient, cursor: string | undefined, signal?: AbortSignal) {
  return call(client.GET('/api/v1/programmes', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }));
}
