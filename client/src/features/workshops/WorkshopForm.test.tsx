import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, stubApi } from '@/test/stubApi';
import { EditWorkshopPage } from './EditWorkshopPage';
import { RecordWorkshopPage } from './RecordWorkshopPage';
import { administrations, ids, me, renderScreen, workshop } from '@/test/training';

const keyFactors = () =>
  json({
  items: [
    { code: 'RAD-07', position: 7, nameEn: 'Code of Conduct', nameFr: 'Code de conduite' },
    { code: 'RAD-08', position: 8, nameEn: 'Human Resource Management', nameFr: 'Gestion des ressources humaines' },
  ],
  nextCursor: null,
});
const programmes = () =>
  json({
  items: [{ id: ids.acip, code: 'A-CIP', name: 'Anti-Corruption and Integrity Promotion', startsOn: '2016-01-01', endsOn: '2027-12-31', donors: [], administrations: [], version: 1 }],
  nextCursor: null,
});
const reference = () => ({
  'GET /api/v1/key-factors': [keyFactors()],
  'GET /api/v1/programmes': [programmes()],
  'GET /api/v1/administrations': [administrations()],
});
const workshopPath = 'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001';

describe('RecordWorkshopPage', () => {
  it('sends every field, with the coordinator\'s programme chosen, and shows the API\'s errors beside their fields', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me()],
      ...reference(),
      'POST /api/v1/workshops': [
        problem(400, 'One or more validation errors occurred.', undefined, {
          errors: { endsOn: ["'Ends On' must not be before 'Starts On'."], partners: ['A partner is named once.'] },
        }),
        json({ id: ids.workshop, version: 1 }, 201),
      ],
    });
    renderScreen(api.client, '/workshops/new', '/workshops/new', <RecordWorkshopPage />);

    await screen.findByRole('checkbox', { name: 'RAD-07 Code of Conduct' });
    await screen.findByRole('option', { name: 'Mali Customs' });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'capacity_building_mission' } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: ' HRM mission ' } });
    fireEvent.change(screen.getByLabelText('First day'), { target: { value: '2018-03-16' } });
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2018-03-12' } });
    fireEvent.change(screen.getByLabelText('Host administration'), { target: { value: ids.mali } });
    fireEvent.change(screen.getByLabelText(/^City/), { target: { value: 'Bamako' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'held' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Burkina Faso Customs' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'RAD-08 Human Resource Management' }));
    fireEvent.change(screen.getByLabelText(/^Co-facilitating partners/), { target: { value: 'UNODC\n\nUNODC\n' } });
    fireEvent.change(screen.getByLabelText('Outcome notes'), { target: { value: 'An HRM strategy.' } });
    // As a real click would, so that where the focus goes afterwards means something.
    screen.getByRole('button', { name: 'Save' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const endsOn = await screen.findByText("'Ends On' must not be before 'Starts On'.");
    expect(screen.getByLabelText('Last day').getAttribute('aria-describedby')).toContain(endsOn.id);
    // The first field the API named gets the focus, so a keyboard or screen reader user lands on it.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Last day')));
    expect(screen.getByText('A partner is named once.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(JSON.parse(api.sent.find((request) => request.method === 'POST')!.body)).toEqual({
      programmeId: ids.acip,
      kind: 'capacity_building_mission',
      title: 'HRM mission',
      startsOn: '2018-03-16',
      endsOn: '2018-03-12',
      hostAdministrationId: ids.mali,
      city: 'Bamako',
      language: 'fr',
      status: 'held',
      administrationIds: [ids.burkina],
      keyFactorCodes: ['RAD-08'],
      partners: ['UNODC', 'UNODC'],
      outcomeNotes: 'An HRM strategy.',
    });

    // What was typed is still there: correcting one field is enough.
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe(' HRM mission ');
    fireEvent.change(screen.getByLabelText('Last day'), { target: { value: '2018-03-20' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/workshops/${ids.workshop}`);
    const posts = api.sent.filter((request) => request.method === 'POST');
    expect(JSON.parse(posts[1]!.body).endsOn).toBe('2018-03-20');
    expect(posts[1]!.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('names key factors, kinds and fields in French', async () => {
    const api = stubApi({ 'GET /api/v1/auth/me': [me()], ...reference() });
    renderScreen(api.client, '/workshops/new', '/workshops/new', <RecordWorkshopPage />, 'fr');

    expect(await screen.findByRole('checkbox', { name: 'RAD-07 Code de conduite' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Enregistrer un atelier');
    expect(screen.getByRole('group', { name: "Facteurs clés de la Déclaration d'Arusha révisée traités" })).toBeTruthy();
    expect(within(screen.getByLabelText('Type')).getByRole('option', { name: 'Mission de renforcement des capacités' })).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Douanes maliennes' })).toBeTruthy();
    expect(screen.getByLabelText('Premier jour')).toBeTruthy();
  });
});

describe('EditWorkshopPage', () => {
  it('sends If-Match with the version read; after a 412, Reload reads the new version and keeps what was typed', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me()],
      ...reference(),
      [workshopPath]: [json(workshop({ version: 3 })), json(workshop({ version: 4, title: 'Renamed by someone else' }))],
      'PUT /api/v1/workshops/30000000-0000-4000-8000-000000000001': [
        problem(412, 'Precondition Failed', 'The workshop changed since you read it.'),
        new Response(null, { status: 204 }),
      ],
    });
    renderScreen(api.client, '/workshops/:id/edit', `/workshops/${ids.workshop}/edit`, <EditWorkshopPage />);

    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    expect(title.value).toBe('The Revised Arusha Declaration in practice');
    fireEvent.change(title, { target: { value: 'The Declaration in daily work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this record while you were editing it.');
    expect(api.sent.find((request) => request.method === 'PUT')!.headers.get('If-Match')).toBe('"3"');

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.requests().filter((request) => request === workshopPath)).toHaveLength(2));
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('The Declaration in daily work');

    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Edit Renamed by someone else'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByTestId('elsewhere')).textContent).toBe(`/workshops/${ids.workshop}`);
    const puts = api.sent.filter((request) => request.method === 'PUT');
    expect(puts[1]!.headers.get('If-Match')).toBe('"4"');
    expect(JSON.parse(puts[1]!.body)).toMatchObject({ title: 'The Declaration in daily work', status: 'held', keyFactorCodes: ['RAD-07'] });
  });
});
