import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, stubApi } from '@/test/stubApi';
import { workshop } from '@/test/training';
import { UpcomingWorkshops } from './UpcomingWorkshops';

function summary(id: string, title: string, startsOn: string, endsOn: string, status: 'planned' | 'held' | 'cancelled' = 'planned') {
  const { administrations: _a, keyFactorCodes: _k, partners: _p, scope: _s, sessions: _x, outcomeNotes: _o, ...rest } = workshop();
  return { ...rest, id: `30000000-0000-4000-8000-00000000000${id}`, title, startsOn, endsOn, status };
}

describe('UpcomingWorkshops', () => {
  afterEach(() => vi.useRealTimers());

  it('lists the soonest workshops to come and the most recent ones held, linking to them', async () => {
    vi.useFakeTimers({ now: new Date(2025, 5, 15, 12), toFake: ['Date'] });
    const api = stubApi({
      'GET /api/v1/workshops': [
        // From today on, most recent first as the API lists them.
        json({
          items: [
            summary('1', 'Far away', '2025-12-01', '2025-12-03'),
            summary('2', 'Called off', '2025-09-01', '2025-09-02', 'cancelled'),
            summary('3', 'Next month', '2025-07-07', '2025-07-09'),
            summary('4', 'Running today', '2025-06-14', '2025-06-16', 'held'),
          ],
          nextCursor: null,
        }),
        json({ items: [summary('5', 'Last spring', '2025-03-10', '2025-03-12', 'held')], nextCursor: null }),
      ],
    });
    renderWithApi(<UpcomingWorkshops />, api.client);

    const card = await screen.findByRole('region', { name: 'My workshops' });
    await within(card).findByRole('link', { name: 'Running today' });
    const [upcoming, recent] = within(card).getAllByRole('list');
    expect(within(upcoming!).getAllByRole('link').map((link) => link.textContent)).toEqual(['Running today', 'Next month', 'Far away']);
    expect(within(recent!).getByRole('link', { name: 'Last spring' }).getAttribute('href')).toBe('/workshops/30000000-0000-4000-8000-000000000005');
    expect(api.sent.map((request) => [request.query.get('from'), request.query.get('to')])).toEqual([
      ['2025-06-15', null],
      [null, '2025-06-14'],
    ]);
  });
});
