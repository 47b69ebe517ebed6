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
  it('sends the file as text/csv and shows the totals and only the rows that need attention', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop()), json(workshop())],
      [importPath]: [
        json({
          rowsRead: 4,
          registered: 1,
          matched: 2,
          enrolled: 2,
          alreadyEnrolled: 1,
          rejected: 1,
          needingAttention: [
            { row: 3, outcome: 'rejected', participantId: null, reason: 'Both the family name and the given names are needed.' },
            { row: 5, outcome: 'matched', participantId: ids.aminata, reason: 'The same person as row 2: check that this is not someone else.' },
          ],
        }),
      ],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />);
    await screen.findByRole('heading', { name: 'Upload an attendance sheet to The Revised Arusha Declaration in practice' });

    choose(new File([sheet], 'presence.csv', { type: 'text/csv' }));

    const table = await screen.findByRole('table', { name: 'Rows of the sheet that need attention' });
    const upload = api.sent.find((request) => request.method === 'POST')!;
    expect(upload.headers.get('Content-Type')).toBe('text/csv');
    expect(upload.body).toBe(sheet);
    expect(screen.getByRole('status').textContent).toBe('4 row(s) read, 1 rejected: see the rows below.');
    const totals = Array.from(document.querySelectorAll('.sheet-totals div'), (total) => [
      total.querySelector('dt')!.textContent,
      total.querySelector('dd')!.textContent,
    ]);
    expect(totals).toEqual([
      ['Rows read', '4'],
      ['Registered', '1'],
      ['Matched to people already registered', '2'],
      ['Enrolled in the workshop', '2'],
      ['Already enrolled', '1'],
      ['Rejected', '1'],
    ]);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => Array.from(row.children, (cell) => cell.textContent));
    expect(rows).toEqual([
      ['3', 'Rejected', '', 'Both the family name and the given names are needed.'],
      ['5', 'Matched', 'Participant of line 5', 'The same person as row 2: check that this is not someone else.'],
    ]);
    expect(within(table).getByRole('link', { name: 'Participant of line 5' }).getAttribute('href')).toBe(`/participants/${ids.aminata}`);
  });

  it('says so when no row needs attention, however long the sheet', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(workshop()), json(workshop())],
      [importPath]: [
        json({ rowsRead: 5000, registered: 5000, matched: 0, enrolled: 5000, alreadyEnrolled: 0, rejected: 0, needingAttention: [] }),
      ],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />);
    await screen.findByLabelText('Attendance sheet (CSV)');
    choose(new File([sheet], 'presence.csv', { type: 'text/csv' }));

    await screen.findByText('No row needs attention.');
    expect(screen.getByRole('status').textContent).toBe('5,000 row(s) read, none rejected.');
    expect(screen.queryByRole('table')).toBeNull();
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
      [importPath]: [
        json({
          rowsRead: 2,
          registered: 0,
          matched: 2,
          enrolled: 1,
          alreadyEnrolled: 1,
          rejected: 0,
          needingAttention: [{ row: 3, outcome: 'matched', participantId: ids.issa, reason: 'The same person as row 2.' }],
        }),
      ],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />, 'fr');
    fireEvent.change(await screen.findByLabelText('Feuille de présence (CSV)'), { target: { files: [new File([sheet], 'f.csv')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Téléverser' }));

    await screen.findByRole('table', { name: 'Lignes de la feuille à vérifier' });
    expect(screen.getByText('Reconnu')).toBeTruthy();
    expect(screen.getByText('Déjà inscrites')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('2 ligne(s) lue(s), aucune rejetée.');
  });
});
