import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from '@/test/stubApi';
import { me, renderScreen } from '@/test/training';
import type { PerceptionTrend, TrendPoint } from './contract';
import { TrendPage } from './TrendPage';
import { ids, survey } from './testData';

const path = '/administrations/:id/perception-trend';
const at = `/administrations/${ids.burkina}/perception-trend`;
const trendPath = `GET /api/v1/administrations/${ids.burkina}/perception-trend`;
const round2021 = ids.round2021;
const round2023 = ids.round2023;
const round2025 = '90000000-0000-4000-8000-000000002025';

const point = (surveyId: string, favourablePercent: number | null, change: number | null): TrendPoint => ({
  surveyId,
  suppressed: favourablePercent === null,
  respondents: favourablePercent === null ? null : 60,
  favourablePercent,
  mean: favourablePercent === null ? null : 3.2,
  change,
});

/** Three rounds; officials' RAD-01 rises then falls; the private sector's is suppressed in 2023, so neither change beside it is given. */
function trend(): PerceptionTrend {
  return {
    administrationId: ids.burkina,
    minimumCellSize: 5,
    rounds: [
      { surveyId: round2021, label: 'CIPS 2021', fieldworkStartsOn: '2021-03-01', fieldworkEndsOn: '2021-04-30' },
      { surveyId: round2023, label: 'CIPS 2023', fieldworkStartsOn: '2023-03-01', fieldworkEndsOn: '2023-04-30' },
      { surveyId: round2025, label: 'CIPS 2025', fieldworkStartsOn: '2025-03-01', fieldworkEndsOn: '2025-04-30' },
    ],
    items: [
      {
        keyFactorCode: 'RAD-01',
        keyFactorNameEn: 'Leadership and commitment',
        keyFactorNameFr: 'Leadership et engagement',
        group: 'customs_official',
        points: [point(round2021, 50, null), point(round2023, 62.5, 12.5), point(round2025, 61.25, -1.25)],
      },
      {
        keyFactorCode: 'RAD-01',
        keyFactorNameEn: 'Leadership and commitment',
        keyFactorNameFr: 'Leadership et engagement',
        group: 'private_sector',
        points: [point(round2021, 40, null), point(round2023, null, null), point(round2025, 40, null)],
      },
    ],
  };
}

const cellsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));

describe('TrendPage', () => {
  it('lists each group’s rounds in order with the change in points marked up or down, none beside a suppressed round', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('coordinator')],
      'GET /api/v1/perception-surveys': [json({ items: [survey()], nextCursor: null })],
      [trendPath]: [json(trend()), json(trend())],
    });
    renderScreen(api.client, path, at, <TrendPage />);

    const officials = await screen.findByRole('table', { name: 'Favourable answers by round, and the change from the round before: Customs officials' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Rounds compared: Burkina Faso Customs' })).toBeTruthy();
    // The arrows are seen, the words read out.
    expect(cellsOf(officials)).toEqual([['RAD-01 Leadership and commitment', '50%', '62.5%▲ +12.5up 12.5 points', '61.3%▼ −1.25down 1.25 points']]);
    expect(officials.querySelectorAll('.change-up')).toHaveLength(1);
    expect(officials.querySelectorAll('.change-down')).toHaveLength(1);
    const privateSector = screen.getByRole('table', { name: /Private sector$/ });
    expect(cellsOf(privateSector)).toEqual([['RAD-01 Leadership and commitment', '40%', 'suppressed', '40%']]);
    expect(within(officials).getByRole('link', { name: 'CIPS 2023' }).getAttribute('href')).toBe(`/perception-surveys/${round2023}`);
    expect(api.sent.find((sent) => sent.path.endsWith('/perception-trend'))!.query.has('questionnaireId')).toBe(false);
    expect(api.sent.find((sent) => sent.path === '/api/v1/perception-surveys')!.query.get('administrationId')).toBe(ids.burkina);

    fireEvent.change(screen.getByRole('combobox', { name: 'Questionnaire' }), { target: { value: ids.officials } });
    await waitFor(() => expect(api.sent.filter((sent) => sent.path.endsWith('/perception-trend'))).toHaveLength(2));
    expect(api.sent.filter((sent) => sent.path.endsWith('/perception-trend'))[1]!.query.get('questionnaireId')).toBe(ids.officials);
  });

  it('says so when the administration has no round yet, in French', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('coordinator')],
      'GET /api/v1/perception-surveys': [json({ items: [], nextCursor: null })],
      [trendPath]: [json({ administrationId: ids.burkina, rounds: [], items: [] })],
    });
    renderScreen(api.client, path, at, <TrendPage />, 'fr');
    expect(await screen.findByText('Aucune campagne pour cette administration.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Campagnes comparées' })).toBeTruthy();
  });
});
