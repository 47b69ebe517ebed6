import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '@/test/stubApi';
import { me, renderScreen, workshop } from '@/test/training';
import { pickers } from '@/test/world';
import type { WorkshopSummary } from './api';
import { WorkshopsPage } from './WorkshopsPage';

/** The Ouagadougou workshop as the list gives it. */
function listed(): WorkshopSummary {
  const { sessions, administrations, keyFactorCodes, partners, scope, outcomeNotes, ...summary } = workshop();
  return summary;
}

/** A screen as wide as `narrow` says, as the stylesheet's media query would see it. */
function screenIs(narrow: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: narrow && query === '(max-width: 40rem)', media: query }));
}

function stub() {
  return stubApi({
    'GET /api/v1/auth/me': [me('trainer')],
    'GET /api/v1/workshops': [json({ items: [listed()], nextCursor: null })],
    'GET /api/v1/key-factors': [json({ items: [] })],
    ...pickers(),
  });
}

describe('WorkshopsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on a phone, folds the filters away, saying how many apply, so that the list comes first', async () => {
    screenIs(true);
    const api = stub();
    renderScreen(api.client, '/workshops', '/workshops?status=held&q=Ouaga', <WorkshopsPage />);

    await screen.findByRole('link', { name: 'The Revised Arusha Declaration in practice' });
    const filters = screen.getByText('Filters (2 applied)').closest('details')!;
    expect(filters.open).toBe(false);
    expect(filters.contains(screen.getByRole('search', { name: 'Filter workshops' }))).toBe(true);
    const list = api.sent.find((request) => request.path === '/api/v1/workshops')!;
    expect([list.query.get('status'), list.query.get('q')]).toEqual(['held', 'Ouaga']);
  });

  it('on a wider screen, shows the filters open, in French', async () => {
    screenIs(false);
    renderScreen(stub().client, '/workshops', '/workshops', <WorkshopsPage />, 'fr');

    await screen.findByRole('link', { name: 'The Revised Arusha Declaration in practice' });
    expect(screen.getByText('Filtres').closest('details')!.open).toBe(true);
  });
});
