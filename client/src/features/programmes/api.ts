import { call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

export type RegisterProgramme = components['schemas']['RegisterProgramme'];

export const registerProgramme = (client: ApiClient, body: RegisterProgramme, key: string) =>
  call(client.POST('/api/v1/programmes', { body, headers: idempotent(key) }));

export const updateProgramme = (client: ApiClient, id: string, body: RegisterProgramme, version: number) =>
  call(client.PUT('/api/v1/programmes/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }));
