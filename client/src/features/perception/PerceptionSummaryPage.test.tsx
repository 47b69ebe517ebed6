import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from '@/test/stubApi';
import { me, renderScreen } from '@/test/training';
import type { PerceptionSummary } from './contract';
import { PerceptionSummaryPage } from './PerceptionSummaryPage';
import { ids } from './testData';

const path = '/perception/:programmeId';
const at = `/perception/${ids.acip}`;
const reason = 'Only 2 administrations were surveyed twice and scored this key factor: at least 3 are needed, so that none can be recognised.';

function summary(): PerceptionSummary {
  return {
    programmeId: ids.acip,
    minimumAdministrations: 3,
    minimumCellSize: 5,
    administrationsSurveyedTwice: 4,
    items: [
      { keyFactorCode: 'RAD-01', keyFactorNameEn: 'Leadership and commitment', keyFactorNameFr: 'Leadership et engagement', suppressed: false, reason: null, administrations: 4, improved: 3, improvedPercent: 75 },
      { keyFactorCode: 'RAD-07', keyFactorNameEn: 'Morale and organisational culture', keyFactorNameFr: 'Moral et culture organisationnelle', suppressed: true, reason, administrations: null, improved: null, improvedPercent: null },
    ],
  };
}

describe('PerceptionSummaryPage', () => {
  it('gives a donor, per key factor, in how many administrations perceptions improved, or "suppressed" with the reason', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('donor')],
      [`GET /api/v1/programmes/${ids.acip}`]: [json({ id: ids.acip, code: 'A-CIP', name: 'Integrity', startsOn: '2016-01-01', endsOn: '2027-12-31', donors: [], administrations: [], version: 1 })],
      [`GET /api/v1/programmes/${ids.acip}/reports/perception`]: [json(summary())],
    });
    renderScreen(api.client, path, at, <PerceptionSummaryPage />);

    const table = await screen.findByRole('table', { name: 'Key factors: administrations where perceptions improved' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Perceptions: A-CIP' })).toBeTruthy();
    expect(screen.getByText(/^Administrations surveyed at least twice under the programme, in rounds an approved report covers: 4\./)).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['RAD-01 Leadership and commitment', '3 of 4 administrations', '75%'],
      ['RAD-07 Morale and organisational culture', `suppressed${reason}`, '—'],
    ]);
    expect(within(table).getByText('suppressed').getAttribute('title')).toBe(reason);
  });

  it('reads in French', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('donor')],
      [`GET /api/v1/programmes/${ids.acip}`]: [json({ id: ids.acip, code: 'A-CIP', name: 'Integrity', startsOn: '2016-01-01', endsOn: '2027-12-31', donors: [], administrations: [], version: 1 })],
      [`GET /api/v1/programmes/${ids.acip}/reports/perception`]: [json(summary())],
    });
    renderScreen(api.client, path, at, <PerceptionSummaryPage />, 'fr');

    const table = await screen.findByRole('table', { name: 'Facteurs clés : administrations où les perceptions se sont améliorées' });
    expect(within(table).getByText('3 sur 4 administrations')).toBeTruthy();
    expect(within(table).getByText('masqué')).toBeTruthy();
  });
});
