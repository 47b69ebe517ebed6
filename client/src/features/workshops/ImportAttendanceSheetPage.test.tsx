import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, problem, stubApi } from '@/test/stubApi';
import { ImportAttendanceSheetPage } from './ImportAttendanceSheetPage';
import { ids, me, renderScreen, workshop } from '@/test/training';

const path = '/workshops/:id/sheet';
const at = `/workshops/${ids.workshop}/sheet`;
const importPath = 'POST /api/v1/workshops/30000000-0000-4000-8000-000000000001/participants/import';
const sheet = 'nom;prénoms;sexe;service\r\nOuédraogo;Aminata;F;operational\r\n;Sans Nom;F;support\r\nSawadogo;Issa;M;support\r\n';

function choose(file: File) {
  fireEvent.change(screen.getByLabelText('Attendance sheet (CSV)'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
}

describe('ImportAttendanceSheetPage', () => {
  it('sends the file as text/csv and shows the totals and every row: registered, matched, rejected with its reason', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop()), json(workshop())],
      [importPath]: [
        json({
          rows: [
            { row: 2, outcome: 'created', participantId: ids.aminata, reason: null },
            { row: 3, outcome: 'rejected', participantId: null, reason: 'Both the family name and the given names are needed.' },
            { row: 4, outcome: 'matched', participantId: ids.issa, reason: 'Already enrolled in this workshop.' },
          ],
          created: 1,
          matched: 1,
          rejected: 1,
        }),
      ],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />);
    await screen.findByRole('heading', { name: 'Upload an attendance sheet to The Revised Arusha Declaration in practice' });

    choose(new File([sheet], 'presence.csv', { type: 'text/csv' }));

    const table = await screen.findByRole('table', { name: 'What became of each row of the sheet' });
    const upload = api.sent.find((request) => request.method === 'POST')!;
    expect(upload.headers.get('Content-Type')).toBe('text/csv');
    expect(upload.body).toBe(sheet);
    expect(screen.getByText('1 registered, 1 matched to people already registered, 1 rejected.')).toBeTruthy();
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['2', 'Registered', 'Participant of line 2', ''],
      ['3', 'Rejected', '', 'Both the family name and the given names are needed.'],
      ['4', 'Matched', 'Participant of line 4', 'Already enrolled in this workshop.'],
    ]);
    expect(within(table).getByRole('link', { name: 'Participant of line 4' }).getAttribute('href')).toBe(`/participants/${ids.issa}`);
  });

  it('says beside the file input why the sheet was refused, and asks for a file before sending anything', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop())],
      [importPath]: [problem(400, 'One or more validation errors occurred.', undefined, { errors: { sheet: ['The sheet is not UTF-8 text.'] } })],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />);
    await screen.findByLabelText('Attendance sheet (CSV)');

    fireEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByText('Choose a file first.')).toBeTruthy();
    expect(api.requests()).not.toContain(importPath);

    choose(new File([new Uint8Array([0xff, 0xfe, 0x41])], 'latin1.csv', { type: 'text/csv' }));
    await screen.findByText('The sheet is not UTF-8 text.');
    expect(screen.getByLabelText('Attendance sheet (CSV)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('reads in French', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop()), json(workshop())],
      [importPath]: [json({ rows: [{ row: 2, outcome: 'matched', participantId: ids.issa }], created: 0, matched: 1, rejected: 0 })],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />, 'fr');
    fireEvent.change(await screen.findByLabelText('Feuille de présence (CSV)'), { target: { files: [new File([sheet], 'f.csv')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Téléverser' }));

    await screen.findByRole('table', { name: 'Ce que chaque ligne de la feuille est devenue' });
    expect(screen.getByText('Reconnu')).toBeTruthy();
    expect(screen.getByText('0 enregistré(s), 1 reconnu(s) parmi les personnes déjà enregistrées, 0 rejeté(s).')).toBeTruthy();
  });
});
