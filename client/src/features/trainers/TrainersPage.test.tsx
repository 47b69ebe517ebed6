import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/App';
import { page } from '@/test/world';
import type { Role } from '@/lib/session';
import { me } from '@/test/training';
import { stubApi } from '@/test/stubApi';
import type { TrainerDetails } from './api';
import { issaSawadogo } from './testing';

const expert: TrainerDetails = {
  ...issaSawadogo,
  id: 'r0000000-0000-4000-8000-000000000002',
  fullName: 'Wendy Expert',
  kind: 'wco_expert',
  administrationId: null,
  administrationNameEn: null,
  administrationNameFr: null,
};

describe('TrainersPage', () => {
  it.each([
    ['en', 'Burkina Faso Customs'],
    ['fr', 'Douanes burkinabè'],
  ] as const)('names a national trainer’s administration in the language of the screen (%s), and none for a WCO expert', async (locale, administration) => {
    const api = stubApi({ 'GET /api/v1/auth/me': [me('coordinator')], 'GET /api/v1/trainers': [page(issaSawadogo, expert)] });
    render(<App client={api.client} at="/trainers" locale={locale} />);

    const table = await screen.findByRole('table');
    const [, issa, wendy] = within(table).getAllByRole('row');
    expect(within(issa!).getByRole('cell', { name: administration })).toBeTruthy();
    expect(wendy!.textContent).not.toContain('Customs');
    expect(wendy!.textContent).not.toContain('Douanes');
  });

  it('tells a donor the trainers are not for their role, and asks the API for none', async () => {
    const api = stubApi({ 'GET /api/v1/auth/me': [me('donor')] });
    render(<App client={api.client} at="/trainers" locale="en" />);

    expect((await screen.findByRole('alert')).textContent).toContain('your role does not see them');
    expect(api.requests()).toEqual(['GET /api/v1/auth/me']);
  });

  it.each<[Role, boolean]>([
    ['trainer', false],
    ['coordinator', true],
  ])('offers a %s to register a trainer: %s', async (role, offered) => {
    const api = stubApi({ 'GET /api/v1/auth/me': [me(role)], 'GET /api/v1/trainers': [page(issaSawadogo)] });
    render(<App client={api.client} at="/trainers" locale="en" />);

    await screen.findByRole('table');
    expect(screen.queryByRole('link', { name: 'Register a trainer' }) !== null).toBe(offered);
  });

  it('tells a trainer who opens the registration form that registering is for coordinators', async () => {
    const api = stubApi({ 'GET /api/v1/auth/me': [me('trainer')] });
    render(<App client={api.client} at="/trainers/new" locale="en" />);

    expect((await screen.findByRole('alert')).textContent).toBe('Only administrators and coordinators register trainers.');
    expect(api.requests()).toEqual(['GET /api/v1/auth/me']);
  });
});
