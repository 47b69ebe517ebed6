import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, stubApi } from '@/test/stubApi';
import type { ReportingPeriod } from './api';
import { latestPeriods, PeriodStates } from './PeriodStates';

const programmeId = '00000000-0000-4000-8000-000000000001';

function year(label: string, state: 'in_progress' | 'approved' = 'in_progress'): ReportingPeriod {
  return {
    id: `period-${label}`,
    programmeId,
    label,
    startsOn: `${label}-01-01`,
    endsOn: `${label}-12-31`,
    version: 1,
    administrations: [{ administrationId: 'bf', nameEn: 'Burkina Faso Customs', nameFr: 'Douanes burkinabè', state, locked: state === 'approved' }],
  };
}

describe('latestPeriods', () => {
  it('keeps the period under way and the one before it, never one not yet started', () => {
    const years = ['2023', '2024', '2025', '2026', '2027'].map((label) => year(label));
    expect(latestPeriods(years, '2026-11-23').map((period) => period.label)).toEqual(['2025', '2026']);
    expect(latestPeriods(years, '2023-06-01').map((period) => period.label)).toEqual(['2023']);
    expect(latestPeriods(years, '2022-12-31')).toEqual([]);
  });
});

describe('PeriodStates', () => {
  it('links each recent period of each programme to its reports, with every administration’s state in French', async () => {
    const api = stubApi({
      'GET /api/v1/programmes': [
        json({ items: [{ id: programmeId, code: 'A-CIP', name: 'A-CIP', startsOn: '2016-01-01', endsOn: '2099-12-31', donors: [], administrations: [], version: 1 }], nextCursor: null }),
      ],
      [`GET /api/v1/programmes/${programmeId}/periods`]: [json({ items: [year('2023', 'approved'), year('2024'), year('2099')], nextCursor: null })],
    });
    renderWithApi(<PeriodStates />, api.client, { locale: 'fr' });

    const link = await screen.findByRole('link', { name: 'A-CIP : 2024' });
    expect(link.getAttribute('href')).toBe(`/results/${programmeId}/periods/period-2024`);
    const approved = screen.getByRole('link', { name: 'A-CIP : 2023' }).closest('li')!;
    expect(within(approved).getByText('Approuvé')).toBeTruthy();
    expect(within(approved).getByText(/Douanes burkinabè/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'A-CIP : 2099' })).toBeNull();
  });
});
