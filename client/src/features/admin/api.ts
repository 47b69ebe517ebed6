import { call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';
import { referenceKeys } from '@/lib/referenceData';

type Schemas = components['schemas'];
export type Role = Schemas['Role'];
export type UserDetails = Schemas['UserDetails'];
export type AddUser = Schemas['AddUser'];
export type UpdateUser = Schemas['UpdateUser'];
export type ApiTokenSummary = Schemas['ApiTokenSummary'];
export type IssueApiToken = Schemas['IssueApiToken'];
export type IssuedApiToken = Schemas['IssuedApiToken'];
export type AuditVerification = Schemas['AuditVerification'];
export type DonorDetails = Schemas['DonorDetails'];
export type RegisterDonor = Schemas['RegisterDonor'];
export type AdministrationDetails = Schemas['AdministrationDetails'];
export type RegisterAdministration = Schemas['RegisterAdministration'];
export type ModuleDetails = Schemas['ModuleDetails'];
export type RegisterModule = Schemas['RegisterModule'];
export type KeyFactor = Schemas['KeyFactor'];
export type Region = Schemas['Region'];
export type Country = Schemas['Country'];
export type DuplicateReview = Schemas['DuplicateReview'];
export type DuplicateReviewPerson = Schemas['DuplicateReviewPerson'];

export const roles: readonly Role[] = ['administrator', 'coordinator', 'trainer', 'donor'];

/** Rows per page of the administration lists. */
export const LIST_SIZE = 50;

/**
 * Query keys: invalidating a record kind's key refetches its pages, its pickers and each record. The reference
 * kinds are lib/referenceData's keys, so a donor, administration or module saved here shows in every feature's pickers.
 */
export const adminKeys = {
  users: referenceKeys.users,
  tokens: ['api-tokens'],
  donors: referenceKeys.donors,
  administrations: referenceKeys.administrations,
  modules: referenceKeys.modules,
  audit: ['audit'],
  /** Under the participants' key: a merge, which invalidates every participant, refreshes the reviews too. */
  duplicateReviews: ['participants', 'duplicate-reviews'],
} as const;

const byId = (id: string) => ({ params: { path: { id } } });
const blank = (text?: string) => (text ? text : undefined);

export function fetchUserPage(client: ApiClient, filters: { q: string; role: Role | '' }, cursor?: string, signal?: AbortSignal) {
  const query = { q: blank(filters.q), role: filters.role || undefined, limit: LIST_SIZE, cursor };
  return call(client.GET('/api/v1/users', { params: { query }, signal }));
}

export const fetchUser = (client: ApiClient, id: string, signal?: AbortSignal) =>
  call(client.GET('/api/v1/users/{id}', { ...byId(id), signal }));

export const addUser = (client: ApiClient, body: AddUser, key: string) =>
  call(client.POST('/api/v1/users', { body, headers: idempotent(key) }));

export const updateUser = (client: ApiClient, id: string, body: UpdateUser, version: number) =>
  call(client.PUT('/api/v1/users/{id}', { ...byId(id), body, headers: ifMatch(version) }));

export function fetchTokenPage(client: ApiClient, cursor?: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/api-tokens', { params: { query: { limit: LIST_SIZE, cursor } }, signal }));
}

/** A token works until it is revoked or its last day has passed. */
export const isActive = (token: ApiTokenSummary, now = new Date()) => !token.revokedAt && new Date(token.expiresAt) > now;

/** With the form's Idempotency-Key: a retry after a lost answer shows the same token again rather than issuing a second. */
export const issueApiToken = (client: ApiClient, body: IssueApiToken, key: string) =>
  call(client.POST('/api/v1/api-tokens', { body, headers: idempotent(key) }));

export const revokeApiToken = (client: ApiClient, id: string) =>
  call(client.POST('/api/v1/api-tokens/{id}/revoke', byId(id)));

export const verifyAuditTrail = (client: ApiClient, signal?: AbortSignal) => call(client.GET('/api/v1/audit/verify', { signal }));

export function fetchDonorPage(client: ApiClient, q: string, cursor?: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/donors', { params: { query: { q: blank(q), limit: LIST_SIZE, cursor } }, signal }));
}

export const fetchDonor = (client: ApiClient, id: string, signal?: AbortSignal) =>
  call(client.GET('/api/v1/donors/{id}', { ...byId(id), signal }));

export const registerDonor = (client: ApiClient, body: RegisterDonor, key: string) =>
  call(client.POST('/api/v1/donors', { body, headers: idempotent(key) }));

export const updateDonor = (client: ApiClient, id: string, body: RegisterDonor, version: number) =>
  call(client.PUT('/api/v1/donors/{id}', { ...byId(id), body, headers: ifMatch(version) }));

export function fetchAdministrationPage(
  client: ApiClient,
  filters: { q: string; regionCode: string },
  cursor?: string,
  signal?: AbortSignal,
) {
  const query = { q: blank(filters.q), regionCode: blank(filters.regionCode), limit: LIST_SIZE, cursor };
  return call(client.GET('/api/v1/administrations', { params: { query }, signal }));
}

export const fetchAdministration = (client: ApiClient, id: string, signal?: AbortSignal) =>
  call(client.GET('/api/v1/administrations/{id}', { ...byId(id), signal }));

export const registerAdministration = (client: ApiClient, body: RegisterAdministration, key: string) =>
  call(client.POST('/api/v1/administrations', { body, headers: idempotent(key) }));

export const updateAdministration = (client: ApiClient, id: string, body: RegisterAdministration, version: number) =>
  call(client.PUT('/api/v1/administrations/{id}', { ...byId(id), body, headers: ifMatch(version) }));

export function fetchModulePage(client: ApiClient, q: string, cursor?: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/modules', { params: { query: { q: blank(q), limit: LIST_SIZE, cursor } }, signal }));
}

export const fetchModule = (client: ApiClient, id: string, signal?: AbortSignal) =>
  call(client.GET('/api/v1/modules/{id}', { ...byId(id), signal }));

export const registerModule = (client: ApiClient, body: RegisterModule, key: string) =>
  call(client.POST('/api/v1/modules', { body, headers: idempotent(key) }));

export const updateModule = (client: ApiClient, id: string, body: RegisterModule, version: number) =>
  call(client.PUT('/api/v1/modules/{id}', { ...byId(id), body, headers: ifMatch(version) }));

/** The likely duplicates across scopes waiting for an administrator, a page at a time. */
export function fetchDuplicateReviewPage(client: ApiClient, cursor?: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/participants/duplicate-reviews', { params: { query: { limit: LIST_SIZE, cursor } }, signal }));
}

export const dismissDuplicateReview = (client: ApiClient, id: string) =>
  call(client.POST('/api/v1/participants/duplicate-reviews/{id}/dismiss', byId(id)));
