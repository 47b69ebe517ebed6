import { ApiError, call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type ParticipantSummary = Schemas['ParticipantSummary'];
export type ParticipantDetails = Schemas['ParticipantDetails'];
export type RegisterParticipant = Schemas['RegisterParticipant'];
export type UpdateParticipant = Schemas['UpdateParticipant'];
export type Sex = Schemas['Sex'];
export type Service = Schemas['Service'];

/** The fields that say who a person is: what registering, enrolling a new person and editing share. */
export type PersonValues = Omit<RegisterParticipant, 'confirmNewPerson'>;

/** A person a registration is likely to be, as a likely duplicate's 409 lists them under `candidates`. */
export type DuplicateCandidate = Schemas['DuplicateCandidate'];
/** The 409 of a likely duplicate: a problem with the candidates the caller may see. */
export type LikelyDuplicateProblem = Schemas['LikelyDuplicateProblem'];

/** The registry holds someone this person likely is: whom (those the caller may see), and whether others outside the scope. */
export class LikelyDuplicate extends ApiError {
  constructor(
    source: ApiError,
    readonly candidates: DuplicateCandidate[],
    readonly outsideScope: boolean,
  ) {
    super(source.status, source.problem, source.fieldErrors);
  }
}

/** Like `call`, but a 409 that names candidates becomes a LikelyDuplicate, for the form to ask the user. */
export async function callWatchingDuplicates<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let body: unknown;
  try {
    return await call(request.then((result) => ((body = result.error), result)));
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && typeof body === 'object' && body !== null && 'candidates' in body) {
      const { candidates, candidatesOutsideScope } = body as LikelyDuplicateProblem;
      throw new LikelyDuplicate(error, Array.isArray(candidates) ? candidates : [], candidatesOutsideScope === true);
    }
    throw error;
  }
}

export const PAGE_SIZE = 50;

export const participantKeys = {
  all: ['participants'] as const,
  list: (q: string) => ['participants', 'list', q] as const,
  one: (id: string) => ['participants', id] as const,
};

export function fetchParticipantPage(client: ApiClient, q: string, cursor: string | undefined, signal?: AbortSignal) {
  return call(client.GET('/api/v1/participants', { params: { query: { q: q || undefined, limit: PAGE_SIZE, cursor } }, signal }));
}

export function fetchParticipant(client: ApiClient, id: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/participants/{id}', { params: { path: { id } }, signal }));
}

export function registerParticipant(client: ApiClient, body: RegisterParticipant, key: string) {
  return callWatchingDuplicates(client.POST('/api/v1/participants', { body, headers: idempotent(key) }));
}

export function updateParticipant(client: ApiClient, id: string, version: number, body: UpdateParticipant) {
  return callWatchingDuplicates(client.PUT('/api/v1/participants/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }));
}

export function mergeParticipants(client: ApiClient, keptId: string, duplicateId: string) {
  return call(client.POST('/api/v1/participants/{id}/merge', { params: { path: { id: keptId } }, body: { duplicateId } }));
}

/** Empty optional text is sent as absent, so the API stores no blank e-mail or staff number. */
export function personBody(values: PersonValues): PersonValues {
  const optional = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);
  return { ...values, position: optional(values.position), email: optional(values.email), staffNumber: optional(values.staffNumber) };
}
