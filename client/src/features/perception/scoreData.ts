import type { KeyFactorNamed, RespondentGroup, ScoreItem, TrendPoint } from './contract';
import { respondentGroups } from './contract';

/** A row of the scores table: one key factor (and breakdown), the two groups side by side; a group without a cell is absent. */
export interface ScoreRow {
  key: string;
  keyFactor: KeyFactorNamed;
  breakdown: string | null;
  byGroup: Partial<Record<RespondentGroup, ScoreItem>>;
}

/** The API's cells (ordered by key factor, group, breakdown) as rows of key factor and breakdown, groups as columns. */
export function scoreRows(items: readonly ScoreItem[]): ScoreRow[] {
  const rows = new Map<string, ScoreRow>();
  for (const item of items) {
    const key = `${item.keyFactorCode}\u0000${item.breakdown ?? ''}`;
    const row = rows.get(key) ?? { key, keyFactor: item, breakdown: item.breakdown, byGroup: {} };
    row.byGroup[item.group] = item;
    rows.set(key, row);
  }
  // Within a key factor, breakdowns in one order whichever group named them first; "not given" last.
  return [...rows.values()].sort(
    (a, b) =>
      a.keyFactor.keyFactorCode.localeCompare(b.keyFactor.keyFactorCode) ||
      (a.breakdown === null ? 1 : 0) - (b.breakdown === null ? 1 : 0) ||
      (a.breakdown ?? '').localeCompare(b.breakdown ?? ''),
  );
}

/**
 * The chart's bars: favourable % per key factor, a series per group. A suppressed cell (or none) is null, so its
 * bar is left out rather than drawn at 0.
 */
export function favourableByGroup(items: readonly ScoreItem[]) {
  const rows = scoreRows(items.filter((item) => item.breakdown === null));
  return {
    keyFactors: rows.map((row) => row.keyFactor),
    byGroup: Object.fromEntries(
      respondentGroups.map((group) => [group, rows.map((row) => (row.byGroup[group]?.suppressed ? null : (row.byGroup[group]?.favourablePercent ?? null)))]),
    ) as Record<RespondentGroup, (number | null)[]>,
  };
}

export type ChangeMark = 'up' | 'down' | 'same';

/** Which way a round moved from the one before; none when the API gives no change (first round, or a suppressed side). */
export function changeMark(point: Pick<TrendPoint, 'change'>): ChangeMark | null {
  if (point.change === null) return null;
  if (point.change > 0) return 'up';
  if (point.change < 0) return 'down';
  return 'same';
}

/** A phone's chart has no room beside its bars for the key factors' names: their codes name them there (the table has both). */
export function keyFactorLabel(factor: KeyFactorNamed, name: string, narrow: boolean): string {
  return narrow ? factor.keyFactorCode : `${factor.keyFactorCode} ${name}`;
}

