import { call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type ActionPlanSummary = Schemas['ActionPlanSummary'];
export type ActionPlanDetails = Schemas['ActionPlanDetails'];
export type ActionPlanStatus = Schemas['ActionPlanStatus'];
export type ActionPlanDashboard = Schemas['ActionPlanDashboard'];
export type RecordActionPlan = Schemas['RecordActionPlan'];
export type UpdateActionPlan = Schemas['UpdateActionPlan'];
export type ObjectiveDetails = Schemas['ObjectiveDetails'];
export type AddObjective = Schemas['AddObjective'];
export type ActionDetails = Schemas['ActionDetails'];
export type ActionStatus = Schemas['ActionStatus'];
export type PlanAction = Schemas['PlanAction'];
export type ProgressUpdateDetails = Schemas['ProgressUpdateDetails'];
export type RecordProgressUpdate = Schemas['RecordProgressUpdate'];
export type KeyFactor = Schemas['KeyFactor'];
export type ProgrammeDetails = Schemas['ProgrammeDetails'];

export const planStatuses: readonly ActionPlanStatus[] = ['draft', 'adopted', 'in_implementation', 'closed'];
export const actionStatuses: readonly ActionStatus[] = ['not_started', 'in_progress', 'done', 'delayed', 'cancelled'];

export const PAGE_SIZE = 25;

export interface PlanFilters {
  programmeId?: string;
  administrationId?: string;
  status?: ActionPlanStatus;
  q?: string;
}

export interface ActionFilters {
  objectiveId?: string;
  status?: ActionStatus;
}

/**
 * Query keys. A plan's key prefixes everything read under it (objectives, actions, dashboard), so
 * that a change to the plan refetches all of it.
 */
export const actionPlanKeys = {
  all: ['action-plans'] as const,
  list: (filters: PlanFilters) => ['action-plans', 'list', filters] as const,
  plan: (id: string) => ['action-plans', id] as const,
  dashboard: (id: string) => ['action-plans', id, 'dashboard'] as const,
  actions: (id: string, filters: ActionFilters) => ['action-plans', id, 'actions', filters] as const,
  action: (id: string) => ['actions', id] as const,
  updates: (id: string) => ['actions', id, 'updates'] as const,
  overdue: ['action-plans', 'overdue'] as const,
};

/** An empty filter is left out of the query string rather than sent as `status=`. */
function given<T extends object>(filters: T): T {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as T;
}

export function fetchPlanPage(client: ApiClient, filters: PlanFilters, cursor: string | undefined, signal?: AbortSignal, limit = PAGE_SIZE) {
  return call(client.GET('/api/v1/action-plans', { params: { query: { ...given(filters), limit, cursor } }, signal }));
}

export function fetchPlan(client: ApiClient, id: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/action-plans/{id}', { params: { path: { id } }, signal }));
}

export function fetchDashboard(client: ApiClient, id: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/action-plans/{id}/dashboard', { params: { path: { id } }, signal }));
}

export function fetchActionPage(client: ApiClient, planId: string, filters: ActionFilters, cursor: string | undefined, signal?: AbortSignal) {
  return call(
    client.GET('/api/v1/action-plans/{id}/actions', {
      params: { path: { id: planId }, query: { ...given(filters), limit: PAGE_SIZE, cursor } },
      signal,
    }),
  );
}

export function fetchAction(client: ApiClient, id: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/actions/{id}', { params: { path: { id } }, signal }));
}

export function fetchProgressUpdates(client: ApiClient, id: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/actions/{id}/updates', { params: { path: { id } }, signal }));
}

export function recordActionPlan(client: ApiClient, body: RecordActionPlan, key: string) {
  return call(client.POST('/api/v1/action-plans', { body, headers: idempotent(key) }));
}

export function updateActionPlan(client: ApiClient, id: string, version: number, body: UpdateActionPlan) {
  return call(client.PUT('/api/v1/action-plans/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }));
}

export function adoptActionPlan(client: ApiClient, id: string, version: number, adoptedOn: string) {
  return call(client.POST('/api/v1/action-plans/{id}/adopt', { params: { path: { id } }, body: { adoptedOn }, headers: ifMatch(version) }));
}

export function changeActionPlanStatus(client: ApiClient, id: string, version: number, status: ActionPlanStatus) {
  return call(client.PUT('/api/v1/action-plans/{id}/status', { params: { path: { id } }, body: { status }, headers: ifMatch(version) }));
}

export function addObjective(client: ApiClient, planId: string, body: AddObjective, key: string) {
  return call(client.POST('/api/v1/action-plans/{id}/objectives', { params: { path: { id: planId } }, body, headers: idempotent(key) }));
}

export function updateObjective(client: ApiClient, planId: string, objective: ObjectiveDetails, body: AddObjective) {
  return call(
    client.PUT('/api/v1/action-plans/{id}/objectives/{objectiveId}', {
      params: { path: { id: planId, objectiveId: objective.id } },
      body,
      headers: ifMatch(objective.version),
    }),
  );
}

export function planAction(client: ApiClient, planId: string, body: PlanAction, key: string) {
  return call(client.POST('/api/v1/action-plans/{id}/actions', { params: { path: { id: planId } }, body, headers: idempotent(key) }));
}

export function updateAction(client: ApiClient, id: string, version: number, body: PlanAction) {
  return call(client.PUT('/api/v1/actions/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }));
}

/** Progress is appended, never edited: a create with an Idempotency-Key, no If-Match. */
export function recordProgressUpdate(client: ApiClient, actionId: string, body: RecordProgressUpdate, key: string) {
  return call(client.POST('/api/v1/actions/{id}/updates', { params: { path: { id: actionId } }, body, headers: idempotent(key) }));
}

/** Today as an ISO calendar day in UTC, the day the API checks "not in the future" against. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
