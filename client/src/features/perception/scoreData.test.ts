import { describe, expect, it } from 'vitest';
import { changeMark, favourableByGroup, scoreRows } from './scoreData';
import { score } from './testData';

describe('scoreRows', () => {
  it('puts the two groups of a key factor and breakdown side by side, breakdowns in order and "not given" last', () => {
    const rows = scoreRows([
      score('RAD-01', 'customs_official', { respondents: 40, favourablePercent: 62.5, mean: 3.71, breakdown: 'male' }),
      score('RAD-01', 'customs_official', { respondents: 12, favourablePercent: 50, mean: 3.2, breakdown: null }),
      score('RAD-01', 'customs_official', { respondents: 30, favourablePercent: 70, mean: 3.9, breakdown: 'female' }),
      score('RAD-01', 'private_sector', { respondents: null, breakdown: 'female' }),
      score('RAD-07', 'private_sector', { respondents: 25, favourablePercent: 40, mean: 2.95, breakdown: 'female' }),
    ]);

    expect(rows.map((row) => [row.keyFactor.keyFactorCode, row.breakdown])).toEqual([
      ['RAD-01', 'female'],
      ['RAD-01', 'male'],
      ['RAD-01', null],
      ['RAD-07', 'female'],
    ]);
    expect(rows[0]!.byGroup.customs_official!.respondents).toBe(30);
    expect(rows[0]!.byGroup.private_sector!.suppressed).toBe(true);
    expect(rows[1]!.byGroup.private_sector).toBeUndefined();
    expect(rows[3]!.byGroup.customs_official).toBeUndefined();
  });
});

describe('favourableByGroup', () => {
  it('gives each group a bar per key factor, leaving a suppressed or missing cell out rather than at 0', () => {
    const chart = favourableByGroup([
      score('RAD-01', 'customs_official', { respondents: 40, favourablePercent: 62.5 }),
      score('RAD-01', 'private_sector', { respondents: null }),
      score('RAD-07', 'customs_official', { respondents: 40, favourablePercent: 0 }),
    ]);

    expect(chart.keyFactors.map((factor) => factor.keyFactorCode)).toEqual(['RAD-01', 'RAD-07']);
    expect(chart.byGroup.customs_official).toEqual([62.5, 0]);
    expect(chart.byGroup.private_sector).toEqual([null, null]);
  });
});

describe('changeMark', () => {
  it('marks a rise up, a fall down, no change as the same, and nothing where the API gives no change', () => {
    expect([3.25, -0.5, 0, null].map((change) => changeMark({ change }))).toEqual(['up', 'down', 'same', null]);
  });
});
