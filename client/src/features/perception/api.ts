import { call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

type Schemas = components['schemas'];
export type QuestionnaireDetails = Schemas['QuestionnaireDetails'];
export type QuestionnaireQuestion = Schemas['QuestionnaireQuestion'];
export type RegisterQuestionnaire = Schemas['RegisterQuestionnaire'];
export type PerceptionSurveyDetails = Schemas['PerceptionSurveyDetails'];
export type RegisterPerceptionSurvey = Schemas['RegisterPerceptionSurvey'];

export const PAGE_SIZE = 25;
/** Questionnaires are few (one per respondent group and revision): a round's picker lists them all at once. */
const ALL_QUESTIONNAIRES = 200;

export interface SurveyFilters {
  administrationId?: string;
  programmeId?: string;
}

/** Query keys. A round's key prefixes its scores, so an import refetches them with the round's counts. */
export const perceptionKeys = {
  questionnaires: ['questionnaires'] as const,
  questionnaireList: (q: string) => ['questionnaires', 'list', q] as const,
  questionnaire: (id: string) => ['questionnaires', id] as const,
  surveys: ['perception-surveys'] as const,
  surveyList: (filters: SurveyFilters) => ['perception-surveys', 'list', filters] as const,
  survey: (id: string) => ['perception-surveys', id] as const,
  scores: (id: string, by: string | null) => ['perception-surveys', id, 'scores', by] as const,
  trend: (administrationId: string, questionnaireId: string | null) => ['perception-trend', administrationId, questionnaireId] as const,
  summary: (programmeId: string) => ['perception-summary', programmeId] as const,
};

/** An empty filter is left out of the query string rather than sent as `programmeId=`. */
function given<T extends object>(filters: T): T {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== '')) as T;
}

export function fetchQuestionnairePage(client: ApiClient, q: string, cursor: string | undefined, signal?: AbortSignal) {
  return call(client.GET('/api/v1/questionnaires', { params: { query: { ...given({ q }), limit: PAGE_SIZE, cursor } }, signal }));
}

export function fetchAllQuestionnaires(client: ApiClient, signal?: AbortSignal) {
  return call(client.GET('/api/v1/questionnaires', { params: { query: { limit: ALL_QUESTIONNAIRES } }, signal }));
}

export function fetchQuestionnaire(client: ApiClient, id: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/questionnaires/{id}', { params: { path: { id } }, signal }));
}

export function registerQuestionnaire(client: ApiClient, body: RegisterQuestionnaire, key: string) {
  return call(client.POST('/api/v1/questionnaires', { body, headers: idempotent(key) }));
}

export function updateQuestionnaire(client: ApiClient, id: string, body: RegisterQuestionnaire, version: number) {
  return call(client.PUT('/api/v1/questionnaires/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }));
}

export function fetchSurveyPage(client: ApiClient, filters: SurveyFilters, cursor: string | undefined, signal?: AbortSignal) {
  return call(client.GET('/api/v1/perception-surveys', { params: { query: { ...given(filters), limit: PAGE_SIZE, cursor } }, signal }));
}

export function fetchSurvey(client: ApiClient, id: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/perception-surveys/{id}', { params: { path: { id } }, signal }));
}

export function registerSurvey(client: ApiClient, body: RegisterPerceptionSurvey, key: string) {
  return call(client.POST('/api/v1/perception-surveys', { body, headers: idempotent(key) }));
}
