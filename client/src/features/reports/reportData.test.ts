import { describe, expect, it } from 'vitest';
import type { KeyFactor, ProgressReport, ProgressValue } from './api';
import { headlines, keyFactorGrid, officialsBySex, periodTable, targetsVsActuals } from './reportData';

const p2023 = '00000000-0000-4000-8000-000000002023';
const p2024 = '00000000-0000-4000-8000-000000002024';
const burkina = '00000000-0000-4000-8000-0000000000bf';
const mali = '00000000-0000-4000-8000-0000000000ml';

const row = (periodId: string, figure: string, value: number | null, extra: Partial<ProgressValue> = {}): ProgressValue => ({
  periodId,
  period: periodId === p2023 ? '2023' : '2024',
  figure,
  value,
  suppressed: value === null,
  ...extra,
});

function report(values: ProgressValue[], groupBy = 'period'): ProgressReport {
  return {
    programmeId: 'p',
    programmeCode: 'A-CIP',
    programmeName: 'A-CIP',
    groupBy,
    includesUnapproved: false,
    periods: [
      { periodId: p2023, label: '2023', startsOn: '2023-01-01', endsOn: '2023-12-31', fullyReported: true, status: 'approved' },
      { periodId: p2024, label: '2024', startsOn: '2024-01-01', endsOn: '2024-12-31', fullyReported: false, status: 'not_approved' },
    ],
    leftOut: [],
    suppression: { minimumCellSize: 5, applied: true, rule: '' },
    indicators: [],
    administrations: [],
    regions: [],
    keyFactors: [],
    approvals: [],
    values,
  };
}

const keyFactors: KeyFactor[] = Array.from({ length: 10 }, (_, index) => ({
  code: `RAD-${String(index + 1).padStart(2, '0')}`,
  position: index + 1,
  nameEn: `Factor ${index + 1}`,
  nameFr: `Facteur ${index + 1}`,
}));

describe('officialsBySex', () => {
  it('adds each sex up over the groups of a period, with no bar (null, not 0) for a period without figures', () => {
    const byAdministration = report(
      [
        row(p2023, 'officials_trained', 26, { administrationId: burkina }),
        row(p2023, 'officials_trained', 13, { administrationId: burkina, sex: 'female' }),
        row(p2023, 'officials_trained', 13, { administrationId: burkina, sex: 'male' }),
        row(p2023, 'officials_trained', 4, { administrationId: mali, sex: 'female' }),
        row(p2023, 'officials_trained', 1, { administrationId: mali, sex: 'not_recorded' }),
        row(p2023, 'participant_hours', 99, { sex: 'female' }),
      ],
      'administration',
    );
    expect(officialsBySex(byAdministration)).toEqual({
      labels: ['2023', '2024'],
      bySex: { female: [17, null], male: [13, null], not_recorded: [1, null] },
    });
  });
});

describe('keyFactorGrid', () => {
  it('puts the modules delivered per key factor in the ten columns, one row per administration or the whole programme', () => {
    const grid = keyFactorGrid(
      [
        row(p2023, 'modules_delivered', 3),
        row(p2023, 'modules_delivered', 2, { keyFactor: 'RAD-07' }),
        row(p2024, 'modules_delivered', 1, { keyFactor: 'RAD-07' }),
        row(p2023, 'modules_delivered', 1, { keyFactor: 'RAD-10' }),
        row(p2023, 'modules_delivered', 5, { keyFactor: 'RAD-03', administrationId: mali, administration: 'Mali Customs' }),
        row(p2023, 'indicator_target', 8, { keyFactor: 'RAD-01', indicator: '4.1' }),
      ],
      keyFactors,
    );
    expect(grid).toEqual([
      { administrationId: null, administration: null, counts: [0, 0, 0, 0, 0, 0, 3, 0, 0, 1] },
      { administrationId: mali, administration: 'Mali Customs', counts: [0, 0, 5, 0, 0, 0, 0, 0, 0, 0] },
    ]);
    expect(keyFactorGrid([row(p2023, 'modules_delivered', 3)], keyFactors)).toEqual([]);
  });
});

describe('targetsVsActuals', () => {
  it('pairs each indicator’s total target and actual per period, leaving out the breakdowns', () => {
    const series = targetsVsActuals(
      report([
        row(p2023, 'indicator_target', 25, { indicator: '1.1' }),
        row(p2023, 'indicator_actual', 26, { indicator: '1.1' }),
        row(p2023, 'indicator_target', 10, { indicator: '1.1', sex: 'female' }),
        row(p2024, 'indicator_target', 40, { indicator: '1.1' }),
        row(p2023, 'indicator_target', 1, { indicator: '1.3', administrationId: burkina, administration: 'Burkina Faso Customs' }),
      ]),
    );
    expect(series).toEqual([
      { indicator: '1.1', labels: ['2023', '2024'], targets: [25, 40], actuals: [26, null] },
      { indicator: '1.3', labels: ['2023 · Burkina Faso Customs'], targets: [1], actuals: [null] },
    ]);
  });
});

describe('periodTable and headlines', () => {
  const values = [
    row(p2023, 'officials_trained', 26),
    row(p2023, 'officials_trained', 13, { sex: 'female' }),
    row(p2023, 'officials_trained', 13, { sex: 'male' }),
    row(p2023, 'officials_trained', 0, { sex: 'not_recorded' }),
    row(p2023, 'modules_delivered', 3),
    row(p2023, 'modules_delivered', 2, { keyFactor: 'RAD-07' }),
    row(p2024, 'officials_trained', 4),
    row(p2024, 'workshops_held', 1),
  ];

  it('sets the sexes of a figure side by side with its total, a row per key factor', () => {
    const table = periodTable(report(values, 'keyFactor'), p2023);
    expect(table.map(({ figure, keyFactor, total, bySex }) => ({ figure, keyFactor, total, bySex }))).toEqual([
      { figure: 'officials_trained', keyFactor: null, total: 26, bySex: { female: 13, male: 13, not_recorded: 0 } },
      { figure: 'modules_delivered', keyFactor: null, total: 3, bySex: {} },
      { figure: 'modules_delivered', keyFactor: 'RAD-07', total: 2, bySex: {} },
    ]);
  });

  it('adds the totals up over the periods, never the breakdowns', () => {
    expect(headlines(report(values))).toEqual({ officials_trained: 30, workshops_held: 1, participant_hours: null, modules_delivered: 3 });
  });
});

describe('suppressed small counts', () => {
  const values = [
    row(p2023, 'officials_trained', 26),
    row(p2023, 'officials_trained', 22, { sex: 'female' }),
    row(p2023, 'officials_trained', null, { sex: 'male' }),
    row(p2023, 'officials_trained', null, { sex: 'not_recorded' }),
    row(p2023, 'modules_delivered', null, { keyFactor: 'RAD-07' }),
    row(p2023, 'workshops_held', null),
  ];

  it('marks a withheld cell suppressed in the table, never 0', () => {
    const [trained] = periodTable(report(values), p2023);
    expect(trained!.total).toBe(26);
    expect(trained!.bySex).toEqual({ female: 22, male: 'suppressed', not_recorded: 'suppressed' });
  });

  it('leaves a withheld value out of the charts and the sums rather than understating them', () => {
    expect(officialsBySex(report(values)).bySex).toEqual({ female: [22, null], male: [null, null], not_recorded: [null, null] });
    expect(headlines(report(values))).toMatchObject({ officials_trained: 26, workshops_held: 'suppressed' });
    expect(keyFactorGrid(values, keyFactors)).toEqual([
      { administrationId: null, administration: null, counts: [0, 0, 0, 0, 0, 0, 'suppressed', 0, 0, 0] },
    ]);
  });
});
