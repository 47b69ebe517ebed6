import { call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

export type ProgrammeSummary = components['schemas']['ProgrammeDetails'];
export type RegisterProgramme = components['schemas']['RegisterProgramme'];

export const PAGE_SIZE = 50;

export const programmeKeys = { list: ['programmes'] as const };

export function fetchProgrammePage(client: ApiClient, cursor: string | undefined, signal?: AbortSignal) {
  return call(client.GET('/api/v1/programmes', { params: { query: { limit: PAGE_SIZE, cursor } }, signal }));
}

export const fetchProgramme = (client: ApiClient, id: string, signal?: AbortSignal) =>
  call(client.GET('/api/v1/programmes/{id}', { params: { path: { id } }, signal }));

export const registerProgramme = (client: ApiClient, body: RegisterProgramme, key: string) =>
  call(client.POST('/api/v1/programmes', { body, headers: idempotent(key) }));

export const updateProgramme = (client: ApiClient, id: string, body: RegisterProgramme, version: number) =>
  call(client.PUT('/api/v1/programmes/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }));
