import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { administrations, ids, likelyDuplicate, me, renderScreen } from '@/test/training';
import { json, problem, stubApi } from '@/test/stubApi';
import { RegisterParticipantPage } from './RegisterParticipantPage';

async function fillIn() {
  fireEvent.change(await screen.findByLabelText('Family name'), { target: { value: 'OUEDRAOGO' } });
  fireEvent.change(screen.getByLabelText('Given names'), { target: { value: 'Aminata' } });
  fireEvent.change(screen.getByLabelText('Sex'), { target: { value: 'female' } });
  await screen.findByRole('option', { name: 'Burkina Faso Customs' });
  fireEvent.change(screen.getByLabelText('Administration'), { target: { value: ids.burkina } });
  fireEvent.change(screen.getByLabelText('Staff number'), { target: { value: 'bf-dgd-1000' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
}

describe('RegisterParticipantPage', () => {
  it('shows the candidates of a likely duplicate, and registers a different person when the user confirms', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me()],
      'GET /api/v1/administrations': [administrations()],
      'POST /api/v1/participants': [likelyDuplicate(['name', 'staff_number']), json({ id: ids.issa, version: 1 }, 201)],
    });
    renderScreen(api.client, '/participants/new', '/participants/new', <RegisterParticipantPage />);
    await fillIn();

    const prompt = await screen.findByRole('alert');
    expect(within(prompt).getByRole('heading').textContent).toBe('This person may already be registered');
    const row = within(within(prompt).getByRole('table', { name: 'People this may be' })).getAllByRole('row')[1]!;
    expect(Array.from(row.children, (cell) => cell.textContent)).toEqual([
      'Aminata Ouédraogo',
      'Burkina Faso Customs',
      'Customs inspector',
      'name, staff number',
      'Open Aminata Ouédraogo',
    ]);
    expect(within(row).getByRole('link').getAttribute('href')).toBe(`/participants/${ids.aminata}`);
    const first = JSON.parse(api.sent[api.sent.length - 1]!.body);
    expect(first).toEqual({
      familyName: 'OUEDRAOGO',
      givenNames: 'Aminata',
      sex: 'female',
      administrationId: ids.burkina,
      service: 'operational',
      position: null,
      email: null,
      staffNumber: 'bf-dgd-1000',
      confirmNewPerson: null,
    });

    fireEvent.click(within(prompt).getByRole('button', { name: 'This is a different person: register anyway' }));

    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/participants/${ids.issa}`);
    const posts = api.sent.filter((request) => request.method === 'POST');
    expect(JSON.parse(posts[1]!.body)).toEqual({ ...first, confirmNewPerson: true });
    // A retry of a failed create may keep its key: the API forgets failures.
    expect(posts[1]!.headers.get('Idempotency-Key')).toBe(posts[0]!.headers.get('Idempotency-Key'));
  });

  it('shows field errors beside their fields and keeps what was typed', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me()],
      'GET /api/v1/administrations': [administrations()],
      'POST /api/v1/participants': [
        problem(400, 'One or more validation errors occurred.', undefined, { errors: { email: ["'x' is not an e-mail address."] } }),
      ],
    });
    renderScreen(api.client, '/participants/new', '/participants/new', <RegisterParticipantPage />);
    fireEvent.change(await screen.findByLabelText('E-mail'), { target: { value: 'x' } });
    await fillIn();

    const error = await screen.findByText("'x' is not an e-mail address.");
    const email = screen.getByLabelText('E-mail') as HTMLInputElement;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(error.id);
    expect(email.value).toBe('x');
    expect((screen.getByLabelText('Family name') as HTMLInputElement).value).toBe('OUEDRAOGO');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks in French', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me()],
      'GET /api/v1/administrations': [administrations()],
      'POST /api/v1/participants': [likelyDuplicate(['name', 'staff_number'])],
    });
    renderScreen(api.client, '/participants/new', '/participants/new', <RegisterParticipantPage />, 'fr');
    fireEvent.change(await screen.findByLabelText('Nom de famille'), { target: { value: 'Ouédraogo' } });
    await screen.findByRole('option', { name: 'Douanes burkinabè' });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const prompt = await screen.findByRole('alert');
    expect(within(prompt).getByRole('heading').textContent).toBe('Cette personne est peut-être déjà enregistrée');
    expect(within(prompt).getByText('nom, matricule')).toBeTruthy();
    expect(within(prompt).getByRole('button', { name: "C'est une autre personne : enregistrer quand même" })).toBeTruthy();
  });
});
