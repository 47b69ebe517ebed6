import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, stubApi } from '@/test/stubApi';
import { TakeAttendancePage } from './TakeAttendancePage';
import { enrolment, ids, me, renderScreen, workshop } from '@/test/training';

const path = '/workshops/:id/sessions/:sessionId/attendance';
const at = `/workshops/${ids.workshop}/sessions/${ids.session}/attendance`;

describe('TakeAttendancePage', () => {
  it('shows every participant with the status recorded, and saves the marks of everyone in one TakeAttendance call', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop()), json(workshop())],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001/participants': [
        json({
          items: [
            enrolment(ids.aminata, 'Ouédraogo', 'Aminata', { attendance: [{ sessionId: ids.session, heldOn: '2023-11-29', status: 'late' }] }),
            enrolment(ids.issa, 'Sawadogo', 'Issa'),
          ],
          nextCursor: null,
        }),
        json({ items: [], nextCursor: null }),
      ],
      'PUT /api/v1/workshops/30000000-0000-4000-8000-000000000001/sessions/40000000-0000-4000-8000-000000000001/attendance': [
        new Response(null, { status: 204 }),
      ],
    });
    renderScreen(api.client, path, at, <TakeAttendancePage />);

    const late = await screen.findByRole('radio', { name: 'Aminata Ouédraogo: Late' });
    expect((late as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Attendance on 29 Nov 2023');
    expect(api.sent.find((request) => request.path.endsWith('/participants'))!.query.get('limit')).toBe('200');

    fireEvent.click(screen.getByRole('radio', { name: 'Aminata Ouédraogo: Present' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Issa Sawadogo: Absent' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save attendance' }));

    await screen.findByText('Attendance saved for 2 participants.');
    const put = api.sent.find((request) => request.method === 'PUT')!;
    expect(JSON.parse(put.body)).toEqual({
      entries: [
        { participantId: ids.aminata, status: 'present' },
        { participantId: ids.issa, status: 'absent' },
      ],
    });
    expect(put.headers.get('If-Match')).toBeNull();
  });

  it('sends only the participants given a status, and shows an entry\'s error beside that participant', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop())],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001/participants': [
        json({ items: [enrolment(ids.aminata, 'Ouédraogo', 'Aminata'), enrolment(ids.issa, 'Sawadogo', 'Issa')], nextCursor: null }),
      ],
      'PUT /api/v1/workshops/30000000-0000-4000-8000-000000000001/sessions/40000000-0000-4000-8000-000000000001/attendance': [
        problem(400, 'One or more validation errors occurred.', undefined, {
          errors: { 'entries[0].participantId': ['Issa Sawadogo is not enrolled in this workshop.'] },
        }),
      ],
    });
    renderScreen(api.client, path, at, <TakeAttendancePage />);

    fireEvent.click(await screen.findByRole('radio', { name: 'Issa Sawadogo: Excused' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save attendance' }));

    const message = await screen.findByText('Issa Sawadogo is not enrolled in this workshop.');
    expect(message.closest('tr')!.textContent).toContain('Issa Sawadogo');
    expect(JSON.parse(api.sent.find((request) => request.method === 'PUT')!.body)).toEqual({
      entries: [{ participantId: ids.issa, status: 'excused' }],
    });
    // Placed beside its row, so not repeated in the alert; the marks stay for another try.
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('radio', { name: 'Issa Sawadogo: Excused' }) as HTMLInputElement).checked).toBe(true);
  });

  it('marks everyone present in one click, in French', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop()), json(workshop())],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001/participants': [
        json({ items: [enrolment(ids.aminata, 'Ouédraogo', 'Aminata'), enrolment(ids.issa, 'Sawadogo', 'Issa')], nextCursor: null }),
        json({ items: [], nextCursor: null }),
      ],
      'PUT /api/v1/workshops/30000000-0000-4000-8000-000000000001/sessions/40000000-0000-4000-8000-000000000001/attendance': [
        new Response(null, { status: 204 }),
      ],
    });
    renderScreen(api.client, path, at, <TakeAttendancePage />, 'fr');

    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Appel du 29 nov. 2023');
    expect(screen.getByRole('table', { name: 'Présences à ACIP-RAD — La Déclaration en pratique' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Tout le monde présent' }));
    fireEvent.click(screen.getByRole('button', { name: "Enregistrer l'appel" }));

    await screen.findByText('Appel enregistré pour 2 participants.');
    await waitFor(() => expect(api.requests().filter((request) => request.startsWith('PUT'))).toHaveLength(1));
    expect(JSON.parse(api.sent.find((request) => request.method === 'PUT')!.body).entries.map((entry: { status: string }) => entry.status)).toEqual([
      'present',
      'present',
    ]);
  });
});
