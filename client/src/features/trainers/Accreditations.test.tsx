import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, stubApi } from '@/test/stubApi';
import type { ModuleDetails } from '@/lib/referenceData';
import { Accreditations } from './Accreditations';
import type { TrainerDetails } from './api';
import { issaSawadogo } from './testing';

const arusha: ModuleDetails = {
  id: 'm0000000-0000-4000-8000-000000000001',
  code: 'RAD-PRACTICE',
  titleEn: 'The Revised Arusha Declaration in practice',
  titleFr: "La Déclaration d'Arusha révisée en pratique",
  hours: 7.5,
  keyFactorCodes: ['RAD-07'],
  version: 1,
};
const conduct: ModuleDetails = { ...arusha, id: 'm0000000-0000-4000-8000-000000000002', code: 'CODE', titleEn: 'Code of conduct', titleFr: 'Code de conduite' };

const trainer: TrainerDetails = {
  ...issaSawadogo,
  version: 5,
  accreditations: [
    {
      id: 'c0000000-0000-4000-8000-000000000001',
      trainerId: 'r0000000-0000-4000-8000-000000000001',
      moduleId: arusha.id,
      moduleCode: arusha.code,
      moduleTitleEn: arusha.titleEn,
      stage: 'trained',
      candidateSince: '2023-09-01',
      trainedOn: '2023-10-12',
      supervisedDeliveryOn: null,
      accreditedOn: null,
      trainedAtWorkshopId: 'w0000000-0000-4000-8000-000000000001',
      version: 2,
    },
  ],
};

const path = (moduleId: string) => `PUT /api/v1/trainers/${trainer.id}/accreditations/${moduleId}`;
const options = (label: string) => within(screen.getByLabelText(label)).getAllByRole('option').map((option) => option.textContent);

function renderAccreditations(answers: Record<string, Response[]>, locale: 'en' | 'fr' = 'en') {
  const api = stubApi({ 'GET /api/v1/modules': [json({ items: [arusha, conduct], nextCursor: null })], ...answers });
  renderWithApi(<Accreditations trainer={trainer} onReload={() => {}} />, api.client, { locale });
  return api;
}

describe('Accreditations', () => {
  it('records the next stage of an accreditation at its version, offering no step back', async () => {
    const api = renderAccreditations({ [path(arusha.id)]: [new Response(null, { status: 204 })] });
    expect(within(screen.getByRole('table', { name: 'Accreditations by module' })).getByRole('cell', { name: 'Trained' })).toBeTruthy();

    await waitFor(() => expect(options('Module')).toContain('CODE — Code of conduct'));
    fireEvent.click(screen.getByRole('button', { name: 'Record the next stage for RAD-PRACTICE' }));
    await waitFor(() => expect((screen.getByLabelText('Module') as HTMLSelectElement).value).toBe(arusha.id));
    expect(options('Stage reached')).toEqual(['Trained', 'Supervised delivery', 'Accredited']);
    expect((screen.getByLabelText('Trained on') as HTMLInputElement).value).toBe('2023-10-12');
    expect(screen.queryByLabelText('Supervised delivery on')).toBeNull();

    fireEvent.change(screen.getByLabelText('Stage reached'), { target: { value: 'supervised_delivery' } });
    fireEvent.change(screen.getByLabelText('Supervised delivery on'), { target: { value: '2023-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Accreditation recorded.');
    const sent = api.sent.find((request) => request.method === 'PUT')!;
    expect(sent.headers.get('If-Match')).toBe('"2"');
    expect(JSON.parse(sent.body)).toEqual({
      stage: 'supervised_delivery',
      candidateSince: '2023-09-01',
      trainedOn: '2023-10-12',
      supervisedDeliveryOn: '2023-11-30',
      accreditedOn: null,
      trainedAtWorkshopId: 'w0000000-0000-4000-8000-000000000001',
    });
  });

  it('records a first accreditation for another module without If-Match, and only the days reached', async () => {
    const api = renderAccreditations({ [path(conduct.id)]: [json({ id: 'c2', version: 1 }, 201)] });
    await waitFor(() => expect(options('Module')).toContain('CODE — Code of conduct'));
    fireEvent.change(screen.getByLabelText('Module'), { target: { value: conduct.id } });
    expect(options('Stage reached')).toEqual(['Candidate', 'Trained', 'Supervised delivery', 'Accredited']);
    fireEvent.change(screen.getByLabelText('Candidate since'), { target: { value: '2024-02-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Accreditation recorded.');
    const sent = api.sent.find((request) => request.method === 'PUT')!;
    expect(sent.headers.has('If-Match')).toBe(false);
    expect(JSON.parse(sent.body)).toEqual({
      stage: 'candidate',
      candidateSince: '2024-02-01',
      trainedOn: null,
      supervisedDeliveryOn: null,
      accreditedOn: null,
      trainedAtWorkshopId: null,
    });
  });

  it('speaks French', async () => {
    renderAccreditations({}, 'fr');
    expect(screen.getByRole('table', { name: 'Accréditations par module' })).toBeTruthy();
    expect(screen.getByRole('button', { name: "Enregistrer l'étape suivante pour RAD-PRACTICE" })).toBeTruthy();
    await waitFor(() => expect(options('Module')).toContain("RAD-PRACTICE — La Déclaration d'Arusha révisée en pratique"));
    expect(options('Étape atteinte')).toEqual(['Candidat', 'Formé', 'Animation supervisée', 'Accrédité']);
  });
});

describe('Accreditations, read only', () => {
  it('shows a trainer the table alone: no next-stage button, no form, nothing asked of the API', async () => {
    const api = stubApi({});
    renderWithApi(<Accreditations trainer={trainer} onReload={() => {}} readOnly />, api.client);
    const table = screen.getByRole('table', { name: 'Accreditations by module' });
    expect(within(table).getByRole('cell', { name: 'Trained' })).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByLabelText('Module')).toBeNull();
    expect(api.requests()).toEqual([]);
  });
});
