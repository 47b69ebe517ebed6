import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { page } from '@/features/admin/test/world';
import { renderWithApi } from '@/test/render';
import { stubApi } from '@/test/stubApi';
import type { TrainerDetails } from './api';
import { issaSawadogo } from './testing';
import { TrainersPage } from './TrainersPage';

const national = issaSawadogo;
const expert: TrainerDetails = {
  ...national,
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
    const api = stubApi({ 'GET /api/v1/trainers': [page(national, expert)] });
    renderWithApi(<TrainersPage />, api.client, { locale });

    const table = await screen.findByRole('table');
    const [, issa, wendy] = within(table).getAllByRole('row');
    expect(within(issa!).getByRole('cell', { name: administration })).toBeTruthy();
    expect(wendy!.textContent).not.toContain('Customs');
    expect(wendy!.textContent).not.toContain('Douanes');
  });
});
