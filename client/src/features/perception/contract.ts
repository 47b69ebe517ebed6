import { call } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

/* The perception survey answers: the responses import and its preview, a round's scores, an administration's trend and a programme's summary for donors. */

export type RespondentGroup = components['schemas']['RespondentGroup'];
export const respondentGroups: readonly RespondentGroup[] = ['customs_official', 'private_sector'];

export type ScoreBreakdown = components['schemas']['ScoreBreakdown'];
export const scoreBreakdowns: readonly ScoreBreakdown[] = ['service', 'sex', 'region'];

type Schemas = components['schemas'];

/** As the API writes it: every field present, null where it has no value (the schema marks nullable fields optional). */
type Written<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** What importing a file of responses did, or with the preview what it would do. */
export type ResponsesImport = Schemas['SurveyResponsesImport'];
/** One cell of a round's scores: a key factor, a group and (with `by`) a breakdown; suppressed cells carry no figure. */
export type ScoreItem = Written<Schemas['PerceptionScore']>;
/** A key factor's names, as every score, trend and summary line carries them. */
export type KeyFactorNamed = Pick<ScoreItem, 'keyFactorCode' | 'keyFactorNameEn' | 'keyFactorNameFr'>;
export type SurveyScores = Omit<Schemas['PerceptionScores'], 'by' | 'items'> & { by: ScoreBreakdown | null; items: ScoreItem[] };
export type TrendRound = Schemas['TrendRound'];
/** A key factor and group in one round; `change` is in points from the round before (null on the first or beside a suppressed one). */
export type TrendPoint = Written<Schemas['TrendPoint']>;
export type PerceptionTrend = Omit<Schemas['PerceptionTrend'], 'items'> & {
  items: (Omit<Schemas['TrendItem'], 'points'> & { points: TrendPoint[] })[];
};
export type PerceptionSummaryItem = Written<Schemas['PerceptionSummaryItem']>;
export type PerceptionSummary = Omit<Schemas['PerceptionSummary'], 'items'> & { items: PerceptionSummaryItem[] };

const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends the file's bytes as they are, as the attendance-sheet import does, so that the API detects a CSV's encoding
 * (UTF-8 or French Excel's Windows-1252) itself; an .xlsx goes as a workbook. The preview stores nothing.
 */
async function sendResponses(client: ApiClient, surveyId: string, file: File, preview: boolean) {
  const bytes = await file.arrayBuffer();
  const path = preview ? '/api/v1/perception-surveys/{id}/responses/preview' : '/api/v1/perception-surveys/{id}/responses';
  return call(
    client.POST(path, {
      params: { path: { id: surveyId } },
      body: '',
      bodySerializer: () => bytes,
      headers: { 'Content-Type': /\.xlsx$/i.test(file.name) ? xlsxMediaType : 'text/csv' },
    }),
  );
}

export const previewResponses = (client: ApiClient, surveyId: string, file: File) => sendResponses(client, surveyId, file, true);
export const importResponses = (client: ApiClient, surveyId: string, file: File) => sendResponses(client, surveyId, file, false);

export function fetchScores(client: ApiClient, surveyId: string, by: ScoreBreakdown | null, signal?: AbortSignal) {
  return call(
    client.GET('/api/v1/perception-surveys/{id}/scores', { params: { path: { id: surveyId }, query: by ? { by } : {} }, signal }),
  ) as Promise<SurveyScores>;
}

export function fetchTrend(client: ApiClient, administrationId: string, questionnaireId: string | null, signal?: AbortSignal) {
  return call(
    client.GET('/api/v1/administrations/{id}/perception-trend', {
      params: { path: { id: administrationId }, query: questionnaireId ? { questionnaireId } : {} },
      signal,
    }),
  ) as Promise<PerceptionTrend>;
}

export function fetchPerceptionSummary(client: ApiClient, programmeId: string, signal?: AbortSignal) {
  return call(
    client.GET('/api/v1/programmes/{id}/reports/perception', { params: { path: { id: programmeId } }, signal }),
  ) as Promise<PerceptionSummary>;
}
