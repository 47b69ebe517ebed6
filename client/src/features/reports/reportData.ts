import type { KeyFactor, ProgressReport, ProgressValue, Sex } from './api';

export const sexes: readonly Sex[] = ['female', 'male', 'not_recorded'];

/** A row with neither sex nor key factor is a total (the API leaves a dimension empty for "all of it"). */
const isTotal = (value: ProgressValue) => value.sex == null && value.keyFactor == null;

const sum = (values: readonly ProgressValue[]) => values.reduce((all, value) => all + value.value, 0);

/** Officials trained per period, by sex, added up over the report's groups (administrations, regions). */
export function officialsBySex(report: ProgressReport): { labels: string[]; bySex: Record<Sex, number[]> } {
  const trained = report.values.filter((value) => value.figure === 'officials_trained' && value.sex != null);
  const bySex = Object.fromEntries(
    sexes.map((sex) => [sex, report.periods.map((period) => sum(trained.filter((value) => value.periodId === period.periodId && value.sex === sex)))]),
  ) as Record<Sex, number[]>;
  return { labels: report.periods.map((period) => period.label), bySex };
}

/** The figures a donor looks at first, over every period reported. */
export const headlineFigures = ['officials_trained', 'workshops_held', 'participant_hours', 'modules_delivered'] as const;
export type HeadlineFigure = (typeof headlineFigures)[number];

export function headlines(report: ProgressReport): Record<HeadlineFigure, number> {
  const totals = report.values.filter(isTotal);
  return Object.fromEntries(
    headlineFigures.map((figure) => [figure, sum(totals.filter((value) => value.figure === figure))]),
  ) as Record<HeadlineFigure, number>;
}

export interface GridRow {
  /** null: the whole programme (the report does not split key factors by administration). */
  administrationId: string | null;
  administration: string | null;
  /** Modules delivered covering each key factor, in the order of `keyFactors`, over every period. */
  counts: number[];
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
    if (column >= 0) row.counts[column]! += value.value;
    rows.set(key, row);
  }
  return [...rows.values()];
}

export interface IndicatorSeries {
  indicator: string;
  labels: string[];
  targets: number[];
  actuals: number[];
}

/**
 * Each indicator's target and actual per period (and group, when the report is grouped), from the rows
 * that are totals of their group. A period with neither is left out.
 */
export function targetsVsActuals(report: ProgressReport): IndicatorSeries[] {
  const rows = report.values.filter((value) => value.indicator != null && isTotal(value));
  const indicators = [...new Set(rows.map((value) => value.indicator!))];
  return indicators.map((indicator) => {
    const points = new Map<string, { target: number; actual: number }>();
    for (const value of rows.filter((row) => row.indicator === indicator)) {
      const label = [value.period, value.administration ?? value.region].filter(Boolean).join(' · ');
      const point = points.get(label) ?? { target: 0, actual: 0 };
      if (value.figure === 'indicator_target') point.target = value.value;
      else point.actual = value.value;
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
  total: number | null;
  bySex: Partial<Record<Sex, number>>;
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
    if (value.sex == null) row.total = value.value;
    else row.bySex[value.sex] = value.value;
    rows.set(key, row);
  }
  return [...rows.values()];
}
