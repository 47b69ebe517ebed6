import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubApi } from '@/test/stubApi';
import { enrolment, ids, me, renderScreen, workshop } from '@/test/training';
import { PrintAttendanceSheetPage } from './PrintAttendanceSheetPage';

const path = '/workshops/:id/attendance-sheet';
const at = `/workshops/${ids.workshop}/attendance-sheet`;

/**
 * A regional workshop of three sessions on two days (two on the first), delivered by two trainers:
 * Aminata of the host's customs, Issa of Mali's, taking part.
 */
function regionalWorkshop() {
  const [first] = workshop().sessions;
  return workshop({
    scope: 'regional',
    administrations: [{ id: ids.mali, nameEn: 'Mali Customs', nameFr: 'Douanes maliennes' }],
    sessions: [
      first!,
      { ...first!, id: '40000000-0000-4000-8000-000000000002', heldOn: '2023-11-29', trainers: [{ id: ids.trainer, fullName: 'Issa Kaboré' }] },
      { ...first!, id: '40000000-0000-4000-8000-000000000003', heldOn: '2023-11-30', trainers: [{ id: '60000000-0000-4000-8000-000000000002', fullName: 'Aïcha Sawadogo' }] },
    ],
  });
}

function stub() {
  return stubApi({
    'GET /api/v1/auth/me': [me('trainer')],
    'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001': [json(regionalWorkshop())],
    'GET /api/v1/workshops/30000000-0000-4000-8000-000000000001/participants': [
      json({
        items: [enrolment(ids.aminata, 'Ouédraogo', 'Aminata'), enrolment(ids.issa, 'Traoré', 'Issa', { administrationId: ids.mali, countryCode: 'ML' })],
        nextCursor: null,
      }),
    ],
  });
}

/** The sheet's rows as they print: each cell's text. */
function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent));
}

describe('PrintAttendanceSheetPage', () => {
  afterEach(() => vi.restoreAllMocks());

  it('lists everyone enrolled with their administration, a column per session day and one to sign, then blank numbered lines, and prints', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    renderScreen(stub().client, path, at, <PrintAttendanceSheetPage />);

    const table = await screen.findByRole('table', { name: 'Attendance of the participants of The Revised Arusha Declaration in practice' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Attendance sheet: The Revised Arusha Declaration in practice');
    const details = Array.from(document.querySelectorAll('dl.details dd'), (value) => value.textContent);
    expect(details).toEqual(['A-CIP', '29 Nov 2023 – 1 Dec 2023', 'Ouagadougou, Burkina Faso Customs', 'Issa Kaboré, Aïcha Sawadogo']);
    expect(screen.getByText('In each day’s column: P present, R late, E excused, A absent. Sign in the last column.')).toBeTruthy();

    const [header, ...rows] = rowsOf(table);
    expect(header).toEqual(['No.', 'Family name', 'Given names', 'Administration', '29 Nov 2023', '30 Nov 2023', 'Signature']);
    expect(rows).toEqual([
      ['1', 'Ouédraogo', 'Aminata', 'Burkina Faso Customs', '', '', ''],
      ['2', 'Traoré', 'Issa', 'Mali Customs', '', '', ''],
      ...['3', '4', '5', '6', '7'].map((line) => [line, '', '', '', '', '', '']),
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: 'Back to the workshop' }).getAttribute('href')).toBe(`/workshops/${ids.workshop}`);
  });

  it('speaks French', async () => {
    renderScreen(stub().client, path, at, <PrintAttendanceSheetPage />, 'fr');

    const table = await screen.findByRole('table', { name: 'Présence des participants de The Revised Arusha Declaration in practice' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Feuille de présence : The Revised Arusha Declaration in practice');
    const [header, aminata, issa] = rowsOf(table);
    expect(header).toEqual(['N°', 'Nom', 'Prénoms', 'Administration', '29 nov. 2023', '30 nov. 2023', 'Signature']);
    expect(aminata![3]).toBe('Douanes burkinabè');
    expect(issa![3]).toBe('Douanes maliennes');
    expect(screen.getByRole('button', { name: 'Imprimer' })).toBeTruthy();
    expect(screen.getByText('Dans la colonne de chaque jour : P présent, R en retard, E excusé, A absent. Signez dans la dernière colonne.')).toBeTruthy();
  });
});
