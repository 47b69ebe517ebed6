import { call, idempotent, ifMatch } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components, paths } from '@/api/schema';
import type { Locale } from '@/i18n/catalog';
import { callWatchingDuplicates } from '@/lib/people/api';

type Schemas = components['schemas'];
export type WorkshopSummary = Schemas['WorkshopSummary'];
export type WorkshopDetails = Schemas['WorkshopDetails'];
export type RecordWorkshop = Schemas['RecordWorkshop'];
export type UpdateWorkshop = Schemas['UpdateWorkshop'];
export type WorkshopKind = Schemas['WorkshopKind'];
export type WorkshopStatus = Schemas['WorkshopStatus'];
export type SessionDetails = Schemas['SessionDetails'];
export type TakingPart = Schemas['TakingPart'];
export type PlanSession = Schemas['PlanSession'];
export type Enrolment = Schemas['Enrolment'];
export type EnrolParticipant = Schemas['EnrolParticipant'];
export type RecordTestScores = Schemas['RecordTestScores'];
export type AttendanceStatus = Schemas['AttendanceStatus'];
export type AttendanceEntry = Schemas['AttendanceEntry'];
export type SheetReport = Schemas['SheetReport'];
export type RowOutcome = Schemas['RowOutcome'];
export type WorkshopFilters = Omit<NonNullable<paths['/api/v1/workshops']['get']['parameters']['query']>, 'limit' | 'cursor'>;

export const workshopKinds: readonly WorkshopKind[] = ['workshop', 'capacity_building_mission', 'diagnostic_mission', 'training_of_trainers', 'webinar'];
export const workshopStatuses: readonly WorkshopStatus[] = ['planned', 'held', 'cancelled'];
export const attendanceStatuses: readonly AttendanceStatus[] = ['present', 'late', 'excused', 'absent'];

/**
 * The administrations taking part in a workshop, its host first, as the workshop names them: its participants
 * come from these, and a trainer, who may read no administrations, knows them from here.
 */
export function administrationsTakingPart(workshop: WorkshopDetails): TakingPart[] {
  return [{ id: workshop.hostAdministrationId, nameEn: workshop.hostAdministrationNameEn, nameFr: workshop.hostAdministrationNameFr }, ...workshop.administrations];
}

export const PAGE_SIZE = 50;
/** The most a list gives in one page: pickers and the attendance sheet read everything at once. */
const ALL = 200;

/** Every workshop query starts with 'workshops', so one invalidation refreshes lists, pages and enrolments. */
export const workshopKeys = {
  all: ['workshops'] as const,
  list: (filters: WorkshopFilters) => ['workshops', 'list', filters] as const,
  home: (today: string) => ['workshops', 'home', today] as const,
  one: (id: string) => ['workshops', id] as const,
  enrolments: (id: string) => ['workshops', id, 'enrolments'] as const,
  everyEnrolment: (id: string) => ['workshops', id, 'enrolments', 'all'] as const,
  enrolment: (id: string, participantId: string) => ['workshops', id, 'enrolments', participantId] as const,
};

/** The trainers to choose from, under the trainers' key so that a change to a trainer refreshes them. */
export const trainerChoicesKey = ['trainers', 'choices'] as const;

export function fetchWorkshopPage(client: ApiClient, filters: WorkshopFilters, cursor: string | undefined, signal?: AbortSignal, limit = PAGE_SIZE) {
  return call(client.GET('/api/v1/workshops', { params: { query: { ...filters, limit, cursor } }, signal }));
}

export function fetchWorkshop(client: ApiClient, id: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/workshops/{id}', { params: { path: { id } }, signal }));
}

export function recordWorkshop(client: ApiClient, body: RecordWorkshop, key: string) {
  return call(client.POST('/api/v1/workshops', { body, headers: idempotent(key) }));
}

export function updateWorkshop(client: ApiClient, id: string, version: number, body: UpdateWorkshop) {
  return call(client.PUT('/api/v1/workshops/{id}', { params: { path: { id } }, body, headers: ifMatch(version) }));
}

export function planSession(client: ApiClient, workshopId: string, body: PlanSession, key: string) {
  return call(client.POST('/api/v1/workshops/{id}/sessions', { params: { path: { id: workshopId } }, body, headers: idempotent(key) }));
}

export function updateSession(client: ApiClient, workshopId: string, session: SessionDetails, body: PlanSession) {
  return call(
    client.PUT('/api/v1/workshops/{id}/sessions/{sessionId}', {
      params: { path: { id: workshopId, sessionId: session.id } },
      body,
      headers: ifMatch(session.version),
    }),
  );
}

export function fetchEnrolmentPage(client: ApiClient, workshopId: string, cursor: string | undefined, signal?: AbortSignal, limit = PAGE_SIZE) {
  return call(client.GET('/api/v1/workshops/{id}/participants', { params: { path: { id: workshopId }, query: { limit, cursor } }, signal }));
}

/** Everyone enrolled, every page: taking attendance needs the whole list on one screen. */
export async function fetchEveryEnrolment(client: ApiClient, workshopId: string, signal?: AbortSignal): Promise<Enrolment[]> {
  const everyone: Enrolment[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchEnrolmentPage(client, workshopId, cursor, signal, ALL);
    everyone.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return everyone;
}

export function fetchEnrolment(client: ApiClient, workshopId: string, participantId: string, signal?: AbortSignal) {
  return call(client.GET('/api/v1/workshops/{id}/participants/{participantId}', { params: { path: { id: workshopId, participantId } }, signal }));
}

export function enrolParticipant(client: ApiClient, workshopId: string, body: EnrolParticipant, key: string) {
  return callWatchingDuplicates(client.POST('/api/v1/workshops/{id}/participants', { params: { path: { id: workshopId } }, body, headers: idempotent(key) }));
}

// These two updates send an Idempotency-Key too, which names them when they wait in the outbox (the API needs none).
export function recordTestScores(client: ApiClient, workshopId: string, enrolment: Enrolment, body: RecordTestScores, key: string) {
  return call(
    client.PUT('/api/v1/workshops/{id}/participants/{participantId}', {
      params: { path: { id: workshopId, participantId: enrolment.participantId } },
      body,
      headers: { ...ifMatch(enrolment.version), ...idempotent(key) },
    }),
  );
}

export function takeAttendance(client: ApiClient, workshopId: string, sessionId: string, entries: AttendanceEntry[], key: string) {
  return call(
    client.PUT('/api/v1/workshops/{id}/sessions/{sessionId}/attendance', { params: { path: { id: workshopId, sessionId } }, body: { entries }, headers: idempotent(key) }),
  );
}

/** Which administration each of the sheet's unknown values means (by the value as written), and the columns to leave alone. */
export interface SheetChoices {
  administrationMap: Record<string, string>;
  ignoredColumns: string[];
}

const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends the file's bytes as they are, not decoded here, so that the API detects a CSV's encoding (UTF-8 or French
 * Excel's Windows-1252) itself; an .xlsx goes as a workbook. The schema types the body as a string; the serializer
 * sends the bytes instead. The preview answers what the import would do and stores nothing.
 */
async function sendSheet(client: ApiClient, workshopId: string, sheet: File, choices: SheetChoices, preview: boolean) {
  const bytes = await sheet.arrayBuffer();
  const request = {
    params: {
      path: { id: workshopId },
      query: {
        administrationMap: Object.entries(choices.administrationMap).map(([value, administrationId]) => `${value}=${administrationId}`),
        ignoredColumns: choices.ignoredColumns,
      },
    },
    body: '',
    bodySerializer: () => bytes,
    headers: { 'Content-Type': /\.xlsx$/i.test(sheet.name) ? xlsxMediaType : 'text/csv' },
  };
  return call(
    preview
      ? client.POST('/api/v1/workshops/{id}/participants/import/preview', request)
      : client.POST('/api/v1/workshops/{id}/participants/import', request),
  );
}

export const previewAttendanceSheet = (client: ApiClient, workshopId: string, sheet: File, choices: SheetChoices) =>
  sendSheet(client, workshopId, sheet, choices, true);

export const importAttendanceSheet = (client: ApiClient, workshopId: string, sheet: File, choices: SheetChoices) =>
  sendSheet(client, workshopId, sheet, choices, false);

export type TemplateFormat = 'xlsx' | 'csv';

/** An empty sheet for the workshop, headers in the screen's language and a column per session day. */
export function templateUrl(workshopId: string, format: TemplateFormat, lang: Locale): string {
  return `/api/v1/workshops/${encodeURIComponent(workshopId)}/attendance-sheet/template?${new URLSearchParams({ format, lang })}`;
}

export function fetchTrainers(client: ApiClient, signal?: AbortSignal) {
  return call(client.GET('/api/v1/trainers', { params: { query: { limit: ALL } }, signal }));
}
