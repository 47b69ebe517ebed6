import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, stubApi } from '@/test/stubApi';
import { adminPageStubs, keitaReview, page } from '@/test/world';
import { AdminPage } from './AdminPage';

describe('AdminPage and its likely duplicates across scopes', () => {
  it('shows an administrator an empty review list beside the other cards', async () => {
    const api = stubApi(adminPageStubs());
    renderWithApi(<AdminPage />, api.client);
    expect(await screen.findByText('No likely duplicate is waiting.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Likely duplicates across scopes' })).toBeTruthy();
    expect(api.requests()).toEqual(['GET /api/v1/participants/duplicate-reviews']);
  });

  it('dismisses a pair as two people, and merges the new record into the existing one', async () => {
    const api = stubApi({
      ...adminPageStubs(page(keitaReview, { ...keitaReview, id: 'r0000000-0000-4000-8000-000000000002' }), page(keitaReview), page()),
      [`POST /api/v1/participants/duplicate-reviews/r0000000-0000-4000-8000-000000000002/dismiss`]: [new Response(null, { status: 204 })],
      [`POST /api/v1/participants/${keitaReview.candidate.id}/merge`]: [new Response(null, { status: 204 })],
    });
    renderWithApi(<AdminPage />, api.client);

    const pairs = await screen.findAllByRole('listitem', { name: 'Keita Aminata and Keita Aminata' });
    expect(pairs).toHaveLength(2);
    expect(within(pairs[0]!).getByText(/^Registered:/).textContent).toBe('Registered: Keita Aminata · Burkina Faso Customs · ML-0042');
    expect(within(pairs[0]!).getByText(/^Already in the registry:/).textContent).toBe(
      'Already in the registry: Keita Aminata · Mali Customs · ML-0042 · a.keita@douanes.ml',
    );
    expect(within(pairs[0]!).getByText('Same: staff number, name')).toBeTruthy();

    fireEvent.click(within(pairs[1]!).getByRole('button', { name: 'Two different people' }));
    // Reloaded after the dismissal: one pair left.
    await expect.poll(() => screen.queryAllByRole('listitem', { name: 'Keita Aminata and Keita Aminata' }).length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Merge into the existing record' }));
    expect(await screen.findByText('No likely duplicate is waiting.')).toBeTruthy();

    const merge = api.sent.find((sent) => sent.path.endsWith('/merge'))!;
    expect(JSON.parse(merge.body)).toEqual({ duplicateId: keitaReview.participant.id });
  });

  it('reads the reviews a page at a time, past the first page', async () => {
    const second = { ...keitaReview, id: 'r0000000-0000-4000-8000-000000000002' };
    const api = stubApi(adminPageStubs(json({ items: [keitaReview], nextCursor: 'page-2' }), page(second)));
    renderWithApi(<AdminPage />, api.client);
    expect(await screen.findAllByRole('listitem', { name: 'Keita Aminata and Keita Aminata' })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await expect.poll(() => screen.queryAllByRole('listitem', { name: 'Keita Aminata and Keita Aminata' }).length).toBe(2);
    expect(api.sent[1]!.query.get('cursor')).toBe('page-2');
  });

  it('speaks French', async () => {
    const api = stubApi(adminPageStubs(page(keitaReview)));
    renderWithApi(<AdminPage />, api.client, { locale: 'fr' });
    const pair = await screen.findByRole('listitem', { name: 'Keita Aminata et Keita Aminata' });
    expect(within(pair).getByText(/^Déjà dans le registre :|^Déjà dans le registre:/).textContent).toContain('Douanes maliennes');
    expect(within(pair).getByText(/matricule, nom/)).toBeTruthy();
    expect(within(pair).getByRole('button', { name: 'Deux personnes différentes' })).toBeTruthy();
  });
});
