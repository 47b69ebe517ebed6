import { call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

export type Indicator = components['schemas']['IndicatorDetails'];
export type IndicatorFields = components['schemas']['DefineIndicator'];
export type Measure = components['schemas']['IndicatorMeasure'];
export type Rule = components['schemas']['IndicatorRule'];
export type Disaggregation = components['schemas']['Disaggregation'];
export type PeriodValues = components['schemas']['PeriodValues'];
export type Bucket = components['schemas']['DisaggregatedValue'];
export type EnteredValues = components['schemas']['RecordIndicatorValues'];
export type Sex = components['schemas']['Sex'];
export type ReportingPeriod = components['schemas']['ReportingPeriodDetails'];
export type PeriodFields = components['schemas']['DefineReportingPeriod'];
export type AdministrationReport = components['schemas']['AdministrationReport'];
export type ReportState = components['schemas']['ReportState'];
export type Programme = components['schemas']['ProgrammeDetails'];
export type KeyFactor = components['schemas']['KeyFactor'];
export type ReportDrift = components['schemas']['ReportDrift'];
export type DriftedFigure = components['schemas']['DriftedFigure'];

export const PAGE_SIZE = 50;

export const measures: readonly Measure[] = ['unit', 'percentage', 'nominal', 'ordinal', 'qualitative'];
export const rules: readonly Rule[] = [
  'officials_trained',
  'workshops_held',
  'participant_hours',
  'accredited_national_trainers',
  'cascade_sessions',
  'administrations_with_adopted_plan',
  'actions_done_on_time_percent',
  'perception_favourable_percent',
  'key_factors_improved_percent',
];
export const disaggregations: readonly Disaggregation[] = ['sex', 'administration', 'key_factor'];
export const sexes: readonly Sex[] = ['female', 'male', 'not_recorded'];

/** Query keys: everything about one programme starts with its id, so a report move refreshes its periods everywhere. */
export const resultKeys = {
  programme: (programmeId: string) => ['results', programmeId] as const,
  indicators: (programmeId: string) => ['results', programmeId, 'indicators'] as const,
  indicator: (programmeId: string, indicatorId: string) => ['results', programmeId, 'indicators', indicatorId] as const,
  values: (programmeId: string, indicatorId: string) => ['results', programmeId, 'indicators', indicatorId, 'values'] as const,
  periods: (programmeId: string) => ['results', programmeId, 'periods'] as const,
};

export function fetchIndicatorPage(client: ApiClient, programmeId: string, cursor: string | undefined, signal?: AbortSignal) {
  return call(
    client.GET('/api/v1/programmes/{id}/indicators', { params: { path: { id: programmeId }, query: { limit: PAGE_SIZE, cursor } }, signal }),
  );
}

export function fetchIndicator(client: ApiClient, programmeId: string, indicatorId: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/programmes/{id}/indicators/{indicatorId}', { params: { path: { id: programmeId, indicatorId } }, signal }));
}

export function defineIndicator(client: ApiClient, programmeId: string, body: IndicatorFields, key: string) {
  return call(client.POST('/api/v1/programmes/{id}/indicators', { params: { path: { id: programmeId }, header: idempotent(key) }, body }));
}

export function updateIndicator(client: ApiClient, programmeId: string, indicatorId: string, version: number, body: IndicatorFields) {
  return call(
    client.PUT('/api/v1/programmes/{id}/indicators/{indicatorId}', {
      params: { path: { id: programmeId, indicatorId } },
      headers: ifMatch(version),
      body,
    }),
  );
}

/** Every period's target and actual: the API answers them all at once (nextCursor is always null). */
export function fetchIndicatorValues(client: ApiClient, programmeId: string, indicatorId: string, signal?: AbortSignal) {
  return call(
    client.GET('/api/v1/programmes/{id}/indicators/{indicatorId}/values', { params: { path: { id: programmeId, indicatorId } }, signal }),
  );
}

export function fetchPeriodValues(client: ApiClient, programmeId: string, indicatorId: string, periodId: string, signal?: AbortSignal) {
  return call(
    client.GET('/api/v1/programmes/{id}/indicators/{indicatorId}/values/{periodId}', {
      params: { path: { id: programmeId, indicatorId, periodId } },
      signal,
    }),
  );
}

/** The first values of a period go without If-Match; after that the version read must match. */
export function recordIndicatorValues(
  client: ApiClient,
  at: { programmeId: string; indicatorId: string; periodId: string },
  version: number | null | undefined,
  body: EnteredValues,
) {
  return call(
    client.PUT('/api/v1/programmes/{id}/indicators/{indicatorId}/values/{periodId}', {
      params: { path: { id: at.programmeId, indicatorId: at.indicatorId, periodId: at.periodId } },
      headers: version == null ? {} : ifMatch(version),
      body,
    }),
  );
}

export function fetchPeriodPage(client: ApiClient, programmeId: string, cursor: string | undefined, signal?: AbortSignal) {
  return call(
    client.GET('/api/v1/programmes/{id}/periods', { params: { path: { id: programmeId }, query: { limit: PAGE_SIZE, cursor } }, signal }),
  );
}

export function fetchPeriod(client: ApiClient, programmeId: string, periodId: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/programmes/{id}/periods/{periodId}', { params: { path: { id: programmeId, periodId } }, signal }));
}

export function defineReportingPeriod(client: ApiClient, programmeId: string, body: PeriodFields, key: string) {
  return call(client.POST('/api/v1/programmes/{id}/periods', { params: { path: { id: programmeId }, header: idempotent(key) }, body }));
}

/** One administration's report for one period. */
export interface ReportAt {
  programmeId: string;
  periodId: string;
  administrationId: string;
}

const reportPath = ({ programmeId, periodId, administrationId }: ReportAt) => ({
  params: { path: { id: programmeId, periodId, administrationId } },
});

export function submitPeriodReport(client: ApiClient, at: ReportAt) {
  return call(client.POST('/api/v1/programmes/{id}/periods/{periodId}/administrations/{administrationId}/submit', reportPath(at)));
}

export function returnPeriodReport(client: ApiClient, at: ReportAt, comment: string) {
  return call(
    client.POST('/api/v1/programmes/{id}/periods/{periodId}/administrations/{administrationId}/return', { ...reportPath(at), body: { comment } }),
  );
}

/** How an approved report's live figures differ from the approved ones (404 for a report not approved). */
export function fetchReportDrift(client: ApiClient, at: ReportAt, signal?: AbortSignal) {
  return call(client.GET('/api/v1/programmes/{id}/periods/{periodId}/administrations/{administrationId}/drift', { ...reportPath(at), signal }));
}

export function approvePeriodReport(client: ApiClient, at: ReportAt) {
  return call(client.POST('/api/v1/programmes/{id}/periods/{periodId}/administrations/{administrationId}/approve', reportPath(at)));
}
