import type { Role } from '@/lib/session';
import type { ReportState } from './api';

export type ReportMove = 'submit' | 'return' | 'approve';

/**
 * What the caller may do with an administration's report, as the API allows it: coordinators (and
 * administrators) submit a report in progress or returned; only administrators return or approve a
 * submitted one. Scope is the API's business: it lists only the administrations the caller covers.
 */
export function reportMoves(role: Role, state: ReportState): ReportMove[] {
  const staff = role === 'administrator' || role === 'coordinator';
  if (!staff) return [];
  if (state === 'in_progress' || state === 'returned') return ['submit'];
  if (state === 'submitted' && role === 'administrator') return ['approve', 'return'];
  return [];
}
