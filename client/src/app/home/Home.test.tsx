import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '@/api/client';
import { App } from '@/app/App';
import type { Me, Role } from '@/lib/session';
import { json, origin } from '@/test/stubApi';

/** An API where the caller has the given role and every list is empty; records the paths asked for. */
function apiFor(role: Role) {
  const me: Me = { userId: null, name: `${role}@example.org`, displayName: null, role, donorId: null, programmeIds: [], administrationIds: [] };
  const paths: string[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const path = new URL(request.url).pathname;
    paths.push(path);
    return json(path === '/api/v1/auth/me' ? me : { items: [], nextCursor: null });
  });
  return { client: createApiClient({ baseUrl: origin, fetch }), paths };
}

const cards = ['Administration', 'My workshops', 'Reporting periods', 'Overdue actions', 'Programmes you fund'];

describe('Home', () => {
  it.each<[Role, string[]]>([
    ['administrator', ['Administration', 'My workshops', 'Reporting periods']],
    ['coordinator', ['My workshops', 'Reporting periods', 'Overdue actions']],
    ['trainer', ['My workshops']],
    ['donor', ['Programmes you fund']],
  ])('shows a %s the cards of their role, and no other', async (role, expected) => {
    const api = apiFor(role);
    render(<App client={api.client} at="/" locale="en" />);

    await screen.findByRole('heading', { level: 1, name: 'Home' });
    for (const card of expected) await screen.findByRole('heading', { level: 2, name: card });
    for (const card of cards.filter((card) => !expected.includes(card)))
      expect(screen.queryByRole('heading', { level: 2, name: card })).toBeNull();
    // A donor's home asks for nothing personal: no workshop, participant or account list.
    if (role === 'donor') expect(api.paths.filter((path) => /workshops|participants|users/.test(path))).toEqual([]);
  });

  it('greets in French', async () => {
    render(<App client={apiFor('trainer').client} at="/" locale="fr" />);
    await screen.findByRole('heading', { level: 1, name: 'Accueil' });
    expect(screen.getByText('Bienvenue, trainer@example.org')).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Mes ateliers' });
  });
});
