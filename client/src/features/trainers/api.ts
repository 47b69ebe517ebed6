import { call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type TrainerDetails = Schemas['TrainerDetails'];
export type RegisterTrainer = Schemas['RegisterTrainer'];
export type TrainerKind = Schemas['TrainerKind'];
export type AccreditationDetails = Schemas['AccreditationDetails'];
export type RecordAccreditation = Schemas['RecordAccreditation'];
export type AccreditationStage = Schemas['AccreditationStage'];
export type CascadeEntry = Schemas['CascadeEntry'];

export const trainerKinds: readonly TrainerKind[] = ['wco_expert', 'national_trainer'];

/** The stages in the only order a trainer moves through them. */
export const stages: readonly AccreditationStage[] = ['candidate', 'trained', 'supervised_delivery', 'accredited'];

export const LIST_SIZE = 50;

export const trainerKeys = { all: ['trainers'] } as const;

const byId = (id: string) => ({ params: { path: { id } } });

export function fetchTrainerPage(
  client: ApiClient,
  filters: { q: string; kind: TrainerKind | '' },
  cursor?: string,
  signal?: AbortSignal,
) {
  const query = { q: filters.q || undefined, kind: filters.kind || undefined, limit: LIST_SIZE, cursor };
  return call(client.GET('/api/v1/trainers', { params: { query }, signal }));
}

export const fetchTrainer = (client: ApiClient, id: string, signal?: AbortSignal) =>
  call(client.GET('/api/v1/trainers/{id}', { ...byId(id), signal }));

export const registerTrainer = (client: ApiClient, body: RegisterTrainer, key: string) =>
  call(client.POST('/api/v1/trainers', { body, headers: idempotent(key) }));

export const updateTrainer = (client: ApiClient, id: string, body: RegisterTrainer, version: number) =>
  call(client.PUT('/api/v1/trainers/{id}', { ...byId(id), body, headers: ifMatch(version) }));

/** A first accreditation is recorded without If-Match; the next stage of one needs its version. */
export const recordAccreditation = (client: ApiClient, trainerId: string, moduleId: string, body: RecordAccreditation, version?: number) =>
  call(
    client.PUT('/api/v1/trainers/{id}/accreditations/{moduleId}', {
      params: { path: { id: trainerId, moduleId } },
      body,
      headers: version === undefined ? {} : ifMatch(version),
    }),
  );

export function fetchCascadePage(client: ApiClient, programmeId: string, cursor?: string, signal?: AbortSignal) {
  const query = { programmeId: programmeId || undefined, limit: LIST_SIZE, cursor };
  return call(client.GET('/api/v1/trainers/cascade', { params: { query }, signal }));
}
