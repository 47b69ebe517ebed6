import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, stubApi } from '@/test/stubApi';
import { EnrolParticipantPage } from './EnrolParticipantPage';
import { administrations, ids, likelyDuplicate, me, renderScreen, workshop } from '@/test/training';

const enrolPath = 'POST /api/v1/workshops/30000000-0000-4000-8000-000000000001/participants';

describe('EnrolParticipantPage', () => {
  it('offers to enrol the person the registry already holds instead of registering them twice', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop()), json(workshop())],
      'GET /api/v1/administrations': [administrations()],
      'GET /api/v1/participants': [json({ items: [], nextCursor: null }), json({ items: [], nextCursor: null })],
      [enrolPath]: [
        likelyDuplicate(['email'], true),
        json({ id: ids.aminata, version: 1 }, 201),
      ],
    });
    renderScreen(api.client, '/workshops/:id/enrol', `/workshops/${ids.workshop}/enrol`, <EnrolParticipantPage />);

    // A new person is of the host administration unless the user says otherwise.
    await screen.findByRole('option', { name: 'Burkina Faso Customs' });
    expect((screen.getByLabelText('Administration') as HTMLSelectElement).value).toBe(ids.burkina);
    fireEvent.change(screen.getByLabelText('Family name'), { target: { value: 'Ouedraogo' } });
    fireEvent.change(screen.getByLabelText('Given names'), { target: { value: 'Aminata' } });
    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'aminata@douanes.bf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Register and enrol' }));

    const prompt = await screen.findByRole('alert');
    expect(within(prompt).getByText('Someone with these details is registered outside your scope; ask a coordinator.')).toBeTruthy();
    fireEvent.click(within(prompt).getByRole('button', { name: 'Enrol Aminata Ouédraogo' }));

    await screen.findByText('Aminata Ouédraogo is enrolled.');
    const posts = api.sent.filter((request) => request.method === 'POST');
    expect(JSON.parse(posts[0]!.body)).toMatchObject({ familyName: 'Ouedraogo', email: 'aminata@douanes.bf', administrationId: ids.burkina });
    expect(JSON.parse(posts[1]!.body)).toEqual({ participantId: ids.aminata });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers a trainer, who may read no administrations, those taking part in the workshop, the host chosen', async () => {
    const regional = workshop({ scope: 'regional', administrations: [{ id: ids.mali, nameEn: 'Mali Customs', nameFr: 'Douanes maliennes' }] });
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(regional)],
      'GET /api/v1/administrations': [json({ items: [], nextCursor: null })],
      'GET /api/v1/participants': [json({ items: [], nextCursor: null })],
    });
    renderScreen(api.client, '/workshops/:id/enrol', `/workshops/${ids.workshop}/enrol`, <EnrolParticipantPage />, 'fr');

    const administration = (await screen.findByLabelText('Administration')) as HTMLSelectElement;
    await waitFor(() => expect(api.requests()).toContain('GET /api/v1/administrations'));
    expect(within(administration).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choisir…', 'Douanes burkinabè', 'Douanes maliennes']);
    expect(administration.value).toBe(ids.burkina);
  });
});
