import type { Role } from '@/lib/session';
import type { ReportState } from './api';

export type ReportMove = 'submit' | 'return' | 'approve';

/** Coordinators and administrators: the staff who move reports and compare an approved one with its live figures. */
const isReportStaff = (role: Role) => role === 'administrator' || role === 'coordinator';

/** Whether the caller may compare an approved report with the live figures (the API answers others 403). */
export const mayCompare = (role: Role, state: ReportState) => state === 'approved' && isReportStaff(role);

/**
 * What the caller may do with an administration's report, as the API allows it: coordinators (and
 * administrators) submit a report in progress or returned; only administrators return or approve a
 * submitted one. Scope is the API's business: it lists only the administrations the caller covers.
 */
export function reportMoves(role: Role, state: ReportState): ReportMove[] {
  if (!isReportStaff(role)) return [];
  if (state === 'in_progress' || state === 'returned') return ['submit'];
  if (state === 'submitted' && role === 'administrator') return ['approve', 'return'];
  return [];
}
