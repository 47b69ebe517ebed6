import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { components } from '@/api/schema';
import { json, problem, stubApi } from '@/test/stubApi';
import { ImportAttendanceSheetPage } from './ImportAttendanceSheetPage';
import { administrations, ids, me, renderScreen, workshop } from '@/test/training';

const path = '/workshops/:id/sheet';
const at = `/workshops/${ids.workshop}/sheet`;
const workshopPath = `GET /api/v1/workshops/${ids.workshop}`;
const importPath = `POST /api/v1/workshops/${ids.workshop}/participants/import`;
const previewPath = `${importPath}/preview`;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// French Excel's "CSV (séparateur : point-virgule)": Windows-1252, so "é" is the one byte 0xE9.
const sheet = new Uint8Array([...new TextEncoder().encode('Nom;Pr'), 0xe9, ...new TextEncoder().encode('noms;Structure;Observations;29/11/2023\r\n')]);

type SheetReport = components['schemas']['SheetReport'];

/** What the API answers for the sheet above: Aminata's row names her administration in a way no administration answers to. */
function report(overrides: Partial<SheetReport> = {}): SheetReport {
  return {
    format: 'csv',
    encoding: 'windows-1252',
    rowsRead: 3,
    registered: 1,
    matched: 1,
    enrolled: 2,
    alreadyEnrolled: 0,
    rejected: 1,
    attendanceRecorded: 2,
    attendanceByDay: [{ day: '2023-11-29', marks: 2 }],
    unknownColumns: ['Observations'],
    unknownAdministrations: ['Douane du Faso'],
    needingAttention: [
      {
        row: 3,
        outcome: 'rejected',
        participantId: null,
        reason: "Aminata Ouédraogo (line 3): Administration 'Douane du Faso' is not … Aminata Ouédraogo (line 3): 'Q' is not an attendance mark …",
        problems: [
          "Aminata Ouédraogo (line 3): Administration 'Douane du Faso' is not a country code, an id, a name or another name of a registered administration: choose which administration it is (it is then kept as one of its other names).",
          "Aminata Ouédraogo (line 3): 'Q' on 29/11/2023 is not an attendance mark: use P, R, E or A.",
        ],
      },
    ],
    ...overrides,
  };
}

function choose(file: File, label = 'Attendance sheet (CSV or Excel)') {
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => Array.from(row.children, (cell) => cell.textContent));

const totalsOf = (section: HTMLElement) =>
  Array.from(section.querySelectorAll('.sheet-totals div'), (total) => [total.querySelector('dt')!.textContent, total.querySelector('dd')!.textContent]);

describe('ImportAttendanceSheetPage', () => {
  it('previews the chosen sheet as sent, byte for byte, and shows what the import would do without importing', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      [workshopPath]: [json(workshop()), json(workshop())],
      'GET /api/v1/administrations': [administrations()],
      [previewPath]: [json(report())],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />);
    await screen.findByRole('heading', { name: 'Upload an attendance sheet to The Revised Arusha Declaration in practice' });

    choose(new File([sheet], 'presence.csv', { type: 'text/csv' }));

    const preview = await screen.findByRole('region', { name: 'What the import would do' });
    const sent = api.sent.find((request) => request.method === 'POST')!;
    expect(sent.headers.get('Content-Type')).toBe('text/csv');
    // Not decoded and re-encoded on the way: the lone Windows-1252 byte reaches the API, where UTF-8 cannot read it.
    expect(sent.body).toBe('Nom;Pr\uFFFDnoms;Structure;Observations;29/11/2023\r\n');
    expect(sent.query.getAll('administrationMap')).toEqual([]);
    expect(within(preview).getByRole('status').textContent).toBe('3 row(s) read, 1 would be rejected: see the rows below.');
    expect(within(preview).getByText('Read as CSV, Windows-1252 (French Excel).')).toBeTruthy();
    expect(totalsOf(preview)).toEqual([
      ['Rows read', '3'],
      ['To register', '1'],
      ['Matched to people already registered', '1'],
      ['To enrol in the workshop', '2'],
      ['Already enrolled', '0'],
      ['To be rejected', '1'],
      ['29 Nov 2023', '2'],
    ]);
    const table = within(preview).getByRole('table', { name: 'Rows of the sheet that need attention' });
    expect(rowsOf(table)).toEqual([['3', 'To be rejected', report().needingAttention[0]!.problems.join('')]]);
    expect(within(table).getAllByRole('listitem').map((item) => item.textContent)).toEqual(report().needingAttention[0]!.problems);
    expect(screen.getByRole('group', { name: 'Administrations to choose' })).toBeTruthy();
    const administration = screen.getByRole('combobox', { name: '“Douane du Faso” is' });
    await within(administration).findByRole('option', { name: 'Mali Customs' });
    // The workshop's host first, and once.
    expect(within(administration).getAllByRole('option').map((option) => option.textContent)).toEqual(['Choose…', 'Burkina Faso Customs', 'Mali Customs']);
    expect(screen.getByRole('checkbox', { name: 'Leave “Observations” alone' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import' })).toBeTruthy();
    expect(api.requests()).not.toContain(importPath);
  });

  it('sends the chosen administration and the columns to leave alone with the check and with the import, then shows what the import did', async () => {
    const mapped = report({ rejected: 0, registered: 2, enrolled: 3, unknownColumns: [], unknownAdministrations: [], needingAttention: [] });
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      [workshopPath]: [json(workshop()), json(workshop())],
      // A trainer's scope may hold no administration: the workshop's host is offered all the same.
      'GET /api/v1/administrations': [json({ items: [], nextCursor: null })],
      [previewPath]: [json(report({ format: 'xlsx', encoding: null })), json({ ...mapped, format: 'xlsx', encoding: null })],
      [importPath]: [
        json({
          ...mapped,
          format: 'xlsx',
          encoding: null,
          needingAttention: [
            { row: 4, outcome: 'matched', participantId: ids.aminata, reason: 'Aminata Ouédraogo (line 4): the same person as line 3.', problems: ['Aminata Ouédraogo (line 4): the same person as line 3.'] },
          ],
        }),
      ],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />);
    await screen.findByRole('heading', { level: 1 });
    choose(new File([sheet], 'présence.xlsx'));
    const administration = await screen.findByRole('combobox', { name: '“Douane du Faso” is' });
    await screen.findByRole('option', { name: 'Burkina Faso Customs' });
    await waitFor(() => expect(api.requests()).toContain('GET /api/v1/administrations'));

    fireEvent.change(administration, { target: { value: ids.burkina } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Leave “Observations” alone' }));
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await screen.findByText('3 row(s) read, none would be rejected.');
    // Answered, the choices stay on screen to be changed.
    expect((screen.getByRole('combobox', { name: '“Douane du Faso” is' }) as HTMLSelectElement).value).toBe(ids.burkina);
    expect((screen.getByRole('checkbox', { name: 'Leave “Observations” alone' }) as HTMLInputElement).checked).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const done = await screen.findByRole('region', { name: 'What the sheet did' });
    const [first, again, imported] = api.sent.filter((request) => request.method === 'POST');
    expect(first!.query.getAll('administrationMap')).toEqual([]);
    for (const request of [again!, imported!]) {
      expect(request.headers.get('Content-Type')).toBe(xlsx);
      expect(request.query.getAll('administrationMap')).toEqual([`Douane du Faso=${ids.burkina}`]);
      expect(request.query.getAll('ignoredColumns')).toEqual(['Observations']);
    }
    expect(imported!.path).toBe(importPath.slice('POST '.length));
    expect(within(done).getByRole('status').textContent).toBe('3 row(s) read, none rejected.');
    expect(within(done).getByText('Read as Excel workbook (.xlsx).')).toBeTruthy();
    const table = within(done).getByRole('table', { name: 'Rows of the sheet that need attention' });
    expect(rowsOf(table)).toEqual([['4', 'Matched', 'Participant of line 4', 'Aminata Ouédraogo (line 4): the same person as line 3.']]);
    expect(within(table).getByRole('link', { name: 'Participant of line 4' }).getAttribute('href')).toBe(`/participants/${ids.aminata}`);
    expect(screen.queryByRole('region', { name: 'What the import would do' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('says beside the file input why the sheet was refused, and asks for a file before sending anything', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      [workshopPath]: [json(workshop())],
      [previewPath]: [problem(400, 'One or more validation errors occurred.', undefined, { errors: { sheet: ['The header has no family name column.'] } })],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />);
    await screen.findByLabelText('Attendance sheet (CSV or Excel)');

    fireEvent.click(screen.getByRole('button', { name: 'Check the sheet' }));
    expect(screen.getByText('Choose a file first.')).toBeTruthy();
    expect(api.requests()).not.toContain(previewPath);

    choose(new File(['Fonction\r\nChef\r\n'], 'feuille.csv', { type: 'text/csv' }));
    await screen.findByText('The header has no family name column.');
    expect(screen.getByLabelText('Attendance sheet (CSV or Excel)').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
  });

  it('reads in French and offers the templates in French', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [me('trainer')],
      [workshopPath]: [json(workshop()), json(workshop())],
      'GET /api/v1/administrations': [administrations()],
      [previewPath]: [json(report())],
    });
    renderScreen(api.client, path, at, <ImportAttendanceSheetPage />, 'fr');
    await screen.findByLabelText('Feuille de présence (CSV ou Excel)');
    const templates = screen.getByRole('navigation', { name: 'Modèles' });
    expect(within(templates).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Modèle Excel (.xlsx)', `/api/v1/workshops/${ids.workshop}/attendance-sheet/template?format=xlsx&lang=fr`],
      ['Modèle CSV (.csv)', `/api/v1/workshops/${ids.workshop}/attendance-sheet/template?format=csv&lang=fr`],
    ]);

    choose(new File([sheet], 'presence.csv'), 'Feuille de présence (CSV ou Excel)');

    const preview = await screen.findByRole('region', { name: "Ce que l'import ferait" });
    expect(within(preview).getByRole('status').textContent).toBe('3 ligne(s) lue(s), 1 seraient rejetée(s) : voir les lignes ci-dessous.');
    expect(within(preview).getByText('Lu comme CSV, Windows-1252 (Excel en français).')).toBeTruthy();
    expect(totalsOf(preview).slice(0, 2)).toEqual([
      ['Lignes lues', '3'],
      ['À enregistrer', '1'],
    ]);
    expect(within(preview).getByRole('heading', { name: 'Présences par jour de séance' })).toBeTruthy();
    expect(within(preview).getByRole('table', { name: 'Lignes de la feuille à vérifier' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '« Douane du Faso » est' })).toBeTruthy();
    await screen.findByRole('option', { name: 'Douanes burkinabè' });
    expect(screen.getByRole('checkbox', { name: 'Laisser « Observations » de côté' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Vérifier à nouveau' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Importer' })).toBeTruthy();
  });
});
