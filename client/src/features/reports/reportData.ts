import type { KeyFactor, ProgressReport, ProgressValue, Sex } from './api';

export const sexes: readonly Sex[] = ['female', 'male', 'not_recorded'];

/** A row with neither sex nor key factor is a total (the API leaves a dimension empty for "all of it"). */
const isTotal = (value: ProgressValue) => value.sex == null && value.keyFactor == null;

/** A cell of a donor's report: its figure, or `suppressed` when it is withheld as a small count. */
export type Cell = number | 'suppressed';

/** The one place that decides what a value shows: withheld (or sent without a number) is suppressed, never 0. */
const cellOf = (value: ProgressValue): Cell => (value.suppressed || value.value == null ? 'suppressed' : value.value);

/** Two cells added up: suppressed when either is, since a sum without it would understate the figure. */
const add = (a: Cell, b: Cell): Cell => (a === 'suppressed' || b === 'suppressed' ? 'suppressed' : a + b);

/** The values added up: null when there are none (a period not approved), suppressed when one of them is. */
const total = (values: readonly ProgressValue[]): Cell | null => (values.length === 0 ? null : values.map(cellOf).reduce(add));

/** What a chart draws: the figure, or no bar (null, never 0) for a cell absent or withheld. */
const plotted = (cell: Cell | null): number | null => (typeof cell === 'number' ? cell : null);

/** A period donors read no figure of yet: not approved, and the report is not a staff preview. */
export const awaitsApproval = (report: ProgressReport, period: ProgressReport['periods'][number]) =>
  period.status === 'not_approved' && !report.includesUnapproved;

/** Officials trained per period, by sex, added up over the report's groups (administrations, regions); null is skipped. */
export function officialsBySex(report: ProgressReport): { labels: string[]; bySex: Record<Sex, (number | null)[]> } {
  const trained = report.values.filter((value) => value.figure === 'officials_trained' && value.sex != null);
  const bySex = Object.fromEntries(
    sexes.map((sex) => [sex, report.periods.map((period) => plotted(total(trained.filter((value) => value.periodId === period.periodId && value.sex === sex))))]),
  ) as Record<Sex, (number | null)[]>;
  return { labels: report.periods.map((period) => period.label), bySex };
}

/** The figures a donor looks at first, over every period reported. */
export const headlineFigures = ['officials_trained', 'workshops_held', 'participant_hours', 'modules_delivered'] as const;
export type HeadlineFigure = (typeof headlineFigures)[number];

/** Each headline over every period: suppressed when one of its totals is withheld, null when no period carries it. */
export function headlines(report: ProgressReport): Record<HeadlineFigure, Cell | null> {
  const totals = report.values.filter(isTotal);
  const headline = (figure: HeadlineFigure) => total(totals.filter((value) => value.figure === figure));
  return Object.fromEntries(headlineFigures.map((figure) => [figure, headline(figure)])) as Record<HeadlineFigure, Cell | null>;
}

export interface GridRow {
  /** null: the whole programme (the report does not split key factors by administration). */
  administrationId: string | null;
  administration: string | null;
  /** Modules delivered covering each key factor, in the order of `keyFactors`, over every period. */
  counts: Cell[];
}

/**
 * Key factor coverage: for each administration (or the whole programme when the values have none), the
 * modules delivered that cover each of the ten key factors. Key factors overlap, so a row does not add up
 * to the modules delivered.
 */
export function keyFactorGrid(values: readonly ProgressValue[], keyFactors: readonly KeyFactor[]): GridRow[] {
  const byKeyFactor = values.filter((value) => value.figure === 'modules_delivered' && value.keyFactor != null);
  const rows = new Map<string, GridRow>();
  for (const value of byKeyFactor) {
    const key = value.administrationId ?? '';
    const row = rows.get(key) ?? {
      administrationId: value.administrationId ?? null,
      administration: value.administration ?? null,
      counts: keyFactors.map(() => 0),
    };
    const column = keyFactors.findIndex((factor) => factor.code === value.keyFactor);
    const count = row.counts[column];
    if (count !== undefined) row.counts[column] = add(count, cellOf(value));
    rows.set(key, row);
  }
  return [...rows.values()];
}

export interface IndicatorSeries {
  indicator: string;
  labels: string[];
  /** null: not reported, or withheld; a chart leaves the bar out. */
  targets: (number | null)[];
  actuals: (number | null)[];
}

/**
 * Each indicator's target and actual per period (and group, when the report is grouped), from the rows
 * that are totals of their group. A period with neither is left out.
 */
export function targetsVsActuals(report: ProgressReport): IndicatorSeries[] {
  const rows = report.values.filter((value) => value.indicator != null && isTotal(value));
  const indicators = [...new Set(rows.map((value) => value.indicator!))];
  return indicators.map((indicator) => {
    const points = new Map<string, { target: number | null; actual: number | null }>();
    for (const value of rows.filter((row) => row.indicator === indicator)) {
      const label = [value.period, value.administration ?? value.region].filter(Boolean).join(' · ');
      const point = points.get(label) ?? { target: null, actual: null };
      const shown = plotted(cellOf(value));
      if (value.figure === 'indicator_target') point.target = shown;
      else point.actual = shown;
      points.set(label, point);
    }
    return {
      indicator,
      labels: [...points.keys()],
      targets: [...points.values()].map((point) => point.target),
      actuals: [...points.values()].map((point) => point.actual),
    };
  });
}

export interface TableRow {
  key: string;
  figure: string;
  indicator: string | null;
  /** The administration (its id, to name it in the chosen language), region or key factor of the row. */
  administrationId: string | null;
  administration: string | null;
  region: string | null;
  keyFactor: string | null;
  total: Cell | null;
  bySex: Partial<Record<Sex, Cell>>;
}

/** A period's values as a table: one row per figure and group, the sexes side by side with their total. */
export function periodTable(report: ProgressReport, periodId: string): TableRow[] {
  const rows = new Map<string, TableRow>();
  for (const value of report.values.filter((one) => one.periodId === periodId)) {
    const key = [value.figure, value.indicator, value.administrationId, value.region, value.keyFactor].join('|');
    const row = rows.get(key) ?? {
      key,
      figure: value.figure,
      indicator: value.indicator ?? null,
      administrationId: value.administrationId ?? null,
      administration: value.administration ?? null,
      region: value.region ?? null,
      keyFactor: value.keyFactor ?? null,
      total: null,
      bySex: {},
    };
    if (value.sex == null) row.total = cellOf(value);
    else row.bySex[value.sex] = cellOf(value);
    rows.set(key, row);
  }
  return [...rows.values()];
}

export type GroupColumn = 'administration' | 'region' | 'keyFactor';

/**
 * The columns a report's table needs so that no two rows of a figure look alike: its grouping's (administration, region
 * or key factor), and the key factor whenever a row has one.
 */
export function groupColumns(report: ProgressReport): GroupColumn[] {
  const columns: GroupColumn[] = report.groupBy === 'administration' || report.groupBy === 'region' ? [report.groupBy] : [];
  if (report.groupBy === 'keyFactor' || report.values.some((value) => value.keyFactor != null)) columns.push('keyFactor');
  return columns;
}
