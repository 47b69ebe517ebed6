import type { ApiClient } from '@/api/client';
import { toProblem, type Problem } from '@/api/problem';
import type { paths } from '@/api/schema';

type ListProgrammes = paths['/api/v1/programmes']['get'];
export type ProgrammePage = ListProgrammes['responses'][200]['content']['application/json'];
export type ProgrammeSummary = ProgrammePage['items'][number];

export const PAGE_SIZE = 50;

export type PageResult = { ok: true; page: ProgrammePage } | { ok: false; problem: Problem };

/** Fetches one page of programmes; failures come back as a Problem to show, never as a throw. */
export async function fetchProgrammePage(
  client: ApiClient,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<PageResult> {
  const { data, error, response } = await client.GET('/api/v1/programmes', {
    params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
    signal,
  });
  if (data) return { ok: true, page: data };
  return { ok: false, problem: toProblem(error, response.status) };
}
