import { call } from '@/api/call';
import type { ApiClient } from '@/api/client';

/*
 * The perception survey answers other branches are adding to the API (issue #16's contract): the import and its
 * preview, a round's scores, an administration's trend and a programme's summary for donors. Until the lead
 * regenerates schema.d.ts with them, their shapes are written here as the contract gives them and their paths are
 * called through `pending` below; after it, these types can become components['schemas'][…] and `pending` go.
 */

export type RespondentGroup = 'customs_official' | 'private_sector';
export const respondentGroups: readonly RespondentGroup[] = ['customs_official', 'private_sector'];

export type ScoreBreakdown = 'service' | 'sex' | 'region';
export const scoreBreakdowns: readonly ScoreBreakdown[] = ['service', 'sex', 'region'];

/** What importing a file of responses did, or with the preview what it would do. */
export interface ResponsesImport {
  rows: number;
  added: number;
  unchanged: number;
  rejected: number;
  answersAdded: number;
  unknownColumns: string[];
  attention: { line: number; respondent: string | null; problems: string[] }[];
}

/** A key factor's names, as every score, trend and summary line carries them. */
export interface KeyFactorNamed {
  keyFactorCode: string;
  keyFactorNameEn: string;
  keyFactorNameFr: string;
}

/** One cell of a round's scores: a key factor, a group and (with `by`) a breakdown; suppressed cells carry no figure. */
export interface ScoreItem extends KeyFactorNamed {
  group: RespondentGroup;
  breakdown: string | null;
  suppressed: boolean;
  respondents: number | null;
  answers: number | null;
  favourablePercent: number | null;
  mean: number | null;
}

export interface SurveyScores {
  surveyId: string;
  by: ScoreBreakdown | null;
  minimumCellSize: number;
  items: ScoreItem[];
}

export interface TrendRound {
  surveyId: string;
  label: string;
  fieldworkStartsOn: string;
  fieldworkEndsOn: string;
}

/** A key factor and group in one round; `change` is in points from the round before (null on the first or beside a suppressed one). */
export interface TrendPoint {
  surveyId: string;
  suppressed: boolean;
  respondents: number | null;
  favourablePercent: number | null;
  mean: number | null;
  change: number | null;
}

export interface PerceptionTrend {
  administrationId: string;
  /** In fieldwork order; every item's points follow them one for one. */
  rounds: TrendRound[];
  items: (KeyFactorNamed & { group: RespondentGroup; points: TrendPoint[] })[];
}

export interface PerceptionSummaryItem extends KeyFactorNamed {
  suppressed: boolean;
  reason: string | null;
  administrations: number | null;
  improved: number | null;
  improvedPercent: number | null;
}

export interface PerceptionSummary {
  programmeId: string;
  minimumAdministrations: number;
  administrationsSurveyedTwice: number;
  items: PerceptionSummaryItem[];
}

interface Answered {
  data?: unknown;
  error?: unknown;
  response: Response;
}

interface Request {
  params: { path: Record<string, string>; query?: Record<string, string> };
  signal?: AbortSignal;
  body?: string;
  bodySerializer?: () => ArrayBuffer;
  headers?: Record<string, string>;
}

/**
 * TEMPORARY (until schema.d.ts has these paths): the typed client, seen as one that takes any path. The requests are
 * those openapi-fetch sends once the paths are typed; only the compiler's check of them waits for the regeneration.
 */
const pending = (client: ApiClient) =>
  client as unknown as { GET: (path: string, init: Request) => Promise<Answered>; POST: (path: string, init: Request) => Promise<Answered> };

const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends the file's bytes as they are, as the attendance-sheet import does, so that the API detects a CSV's encoding
 * (UTF-8 or French Excel's Windows-1252) itself; an .xlsx goes as a workbook. The preview stores nothing.
 */
async function sendResponses(client: ApiClient, surveyId: string, file: File, preview: boolean) {
  const bytes = await file.arrayBuffer();
  const path = preview ? '/api/v1/perception-surveys/{id}/responses/preview' : '/api/v1/perception-surveys/{id}/responses';
  return call(
    pending(client).POST(path, {
      params: { path: { id: surveyId } },
      body: '',
      bodySerializer: () => bytes,
      headers: { 'Content-Type': /\.xlsx$/i.test(file.name) ? xlsxMediaType : 'text/csv' },
    }),
  ) as Promise<ResponsesImport>;
}

export const previewResponses = (client: ApiClient, surveyId: string, file: File) => sendResponses(client, surveyId, file, true);
export const importResponses = (client: ApiClient, surveyId: string, file: File) => sendResponses(client, surveyId, file, false);

export function fetchScores(client: ApiClient, surveyId: string, by: ScoreBreakdown | null, signal?: AbortSignal) {
  return call(
    pending(client).GET('/api/v1/perception-surveys/{id}/scores', { params: { path: { id: surveyId }, query: by ? { by } : {} }, signal }),
  ) as Promise<SurveyScores>;
}

export function fetchTrend(client: ApiClient, administrationId: string, questionnaireId: string | null, signal?: AbortSignal) {
  return call(
    pending(client).GET('/api/v1/administrations/{id}/perception-trend', {
      params: { path: { id: administrationId }, query: questionnaireId ? { questionnaireId } : {} },
      signal,
    }),
  ) as Promise<PerceptionTrend>;
}

export function fetchPerceptionSummary(client: ApiClient, programmeId: string, signal?: AbortSignal) {
  return call(
    pending(client).GET('/api/v1/programmes/{id}/reports/perception', { params: { path: { id: programmeId } }, signal }),
  ) as Promise<PerceptionSummary>;
}
