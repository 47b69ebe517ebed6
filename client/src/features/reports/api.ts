import { call } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';
import type { Locale } from '@/i18n/catalog';

export type ProgressReport = components['schemas']['ProgressReport'];
export type ProgressValue = components['schemas']['ProgressValue'];
export type KeyFactor = components['schemas']['KeyFactor'];
export type Programme = components['schemas']['ProgrammeDetails'];
export type Sex = components['schemas']['Sex'];

export const groupings = ['period', 'administration', 'region', 'keyFactor'] as const;
export type Grouping = (typeof groupings)[number];

/** What a progress report is asked with; donors never preview (the API answers them 403). */
export interface ReportOptions {
  groupBy: Grouping;
  includeUnapproved: boolean;
}

export const reportKeys = {
  progress: (programmeId: string, options: ReportOptions) => ['reports', programmeId, 'progress', options] as const,
};

/** The includeUnapproved parameter only when previewing: a donor must never send it. */
const preview = (options: ReportOptions) => (options.includeUnapproved ? { includeUnapproved: true } : {});

/** The report as JSON: asked without `format` or a CSV/Excel Accept, the API answers JSON (its types also allow the files). */
export function fetchProgressReport(client: ApiClient, programmeId: string, options: ReportOptions, signal?: AbortSignal) {
  return call<ProgressReport>(
    client.GET('/api/v1/programmes/{id}/reports/progress', {
      params: { path: { id: programmeId }, query: { groupBy: options.groupBy, ...preview(options) } },
      signal,
    }) as Promise<{ data?: ProgressReport; error?: unknown; response: Response }>,
  );
}

export type Download = 'csv' | 'xlsx' | 'iati';

/**
 * Where a file is downloaded from: plain links to the API on the same origin, so the browser sends the
 * session cookie and saves the answer itself. The progress report takes `format=csv|xlsx` (the API also
 * reads Accept, which a link cannot set) and `lang`; IATI has its own address.
 */
export function downloadUrl(programmeId: string, kind: Download, options: ReportOptions, lang: Locale): string {
  const programme = `/api/v1/programmes/${encodeURIComponent(programmeId)}`;
  // A link sends the browser's Accept-Language, not the screen's: lang asks for the files in the screen's language.
  const query = new URLSearchParams(kind === 'iati' ? {} : { format: kind, groupBy: options.groupBy, lang });
  if (options.includeUnapproved) query.set('includeUnapproved', 'true');
  const search = query.size > 0 ? `?${query}` : '';
  return kind === 'iati' ? `${programme}/iati${search}` : `${programme}/reports/progress${search}`;
}
