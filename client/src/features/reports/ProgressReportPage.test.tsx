import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RequireSession, SessionProvider, type Me, type Role } from '@/lib/session';
import { renderWithApi } from '@/test/render';
import { json, stubApi } from '@/test/stubApi';
import type { KeyFactor, Programme, ProgressReport } from './api';
import { ProgressReportPage } from './ProgressReportPage';

const programmeId = '00000000-0000-4000-8000-000000000001';
const burkina = '00000000-0000-4000-8000-0000000000bf';
const p2023 = '00000000-0000-4000-8000-000000002023';
const reportPath = `GET /api/v1/programmes/${programmeId}/reports/progress`;

const programme: Programme = {
  id: programmeId,
  code: 'A-CIP',
  name: 'Anti-Corruption and Integrity Promotion Programme',
  startsOn: '2016-01-01',
  endsOn: '2027-12-31',
  donors: [],
  administrations: [{ id: burkina, countryCode: 'BF', nameEn: 'Burkina Faso Customs', nameFr: 'Douanes burkinabè' }],
  version: 1,
};

const keyFactors: KeyFactor[] = [
  ['Leadership and Commitment', 'Leadership et engagement'],
  ['Regulatory Framework', 'Cadre réglementaire'],
  ['Transparency', 'Transparence'],
  ['Automation', 'Automatisation'],
  ['Reform and Modernization', 'Réforme et modernisation'],
  ['Audit and Investigation', 'Audit et enquêtes'],
  ['Code of Conduct', 'Code de conduite'],
  ['Human Resource Management', 'Gestion des ressources humaines'],
  ['Morale and Organizational Culture', 'Moral et culture organisationnelle'],
  ['Relationship with the Private Sector', 'Relations avec le secteur privé'],
].map(([nameEn, nameFr], index) => ({ code: `RAD-${String(index + 1).padStart(2, '0')}`, position: index + 1, nameEn: nameEn!, nameFr: nameFr! }));

function progress(groupBy: string, includesUnapproved = false): ProgressReport {
  return {
    programmeId,
    programmeCode: 'A-CIP',
    programmeName: programme.name,
    groupBy,
    includesUnapproved,
    indicators: [{ code: '1.1', titleEn: 'Officials trained', titleFr: 'Fonctionnaires formés', unit: 'officials', measure: 'unit' }],
    periods: [{ periodId: p2023, label: '2023', startsOn: '2023-01-01', endsOn: '2023-12-31', fullyReported: false, status: 'partly_approved' }],
    leftOut: [{ periodId: p2023, periodLabel: '2023', administrationId: burkina, administration: 'Burkina Faso Customs', state: 'submitted' }],
    suppression: { minimumCellSize: 5, applied: !includesUnapproved, rule: 'Cells counting fewer than 5 people are suppressed.' },
    administrations: [{ id: burkina, nameEn: 'Burkina Faso Customs', nameFr: 'Douanes burkinabè', regionCode: 'WCA' }],
    regions: [{ code: 'WCA', nameEn: 'West and Central Africa', nameFr: 'Afrique occidentale et centrale' }],
    keyFactors: keyFactors.map(({ code, nameEn, nameFr }) => ({ code, nameEn, nameFr })),
    approvals: [{ periodId: p2023, administrationId: burkina, state: 'submitted' }],
    values: ([
      { periodId: p2023, period: '2023', figure: 'officials_trained', value: 26, suppressed: false },
      { periodId: p2023, period: '2023', figure: 'officials_trained', sex: 'female', value: 13, suppressed: false },
      { periodId: p2023, period: '2023', figure: 'modules_delivered', value: 3, suppressed: false },
      // As the API: modules delivered by key factor in every view but by period.
      ...(groupBy === 'period' ? [] : [{ periodId: p2023, period: '2023', figure: 'modules_delivered', keyFactor: 'RAD-07', value: 2, suppressed: false }]),
      { periodId: p2023, period: '2023', figure: 'indicator_target', indicator: '1.1', value: 30, suppressed: false },
      { periodId: p2023, period: '2023', figure: 'indicator_actual', indicator: '1.1', value: 26, suppressed: false },
    ] satisfies ProgressReport['values']).map((value) =>
      groupBy === 'administration'
        ? { ...value, administrationId: burkina, administration: 'Burkina Faso Customs', region: 'WCA' }
        : groupBy === 'region'
          ? { ...value, region: 'WCA' }
          : value,
    ),
  };
}

function account(role: Role): Me {
  return { userId: 'u', name: `${role}@x`, displayName: role, role, donorId: role === 'donor' ? 'd' : null, programmeIds: [], administrationIds: [] };
}

function renderReport(role: Role, reports: Response[], locale: 'en' | 'fr' = 'en') {
  const api = stubApi({
    'GET /api/v1/auth/me': [json(account(role))],
    [`GET /api/v1/programmes/${programmeId}`]: [json(programme)],
    'GET /api/v1/key-factors': [json({ items: keyFactors, nextCursor: null })],
    [reportPath]: reports,
  });
  renderWithApi(
    <SessionProvider>
      <RequireSession>
        <Routes>
          <Route path="/reports/:programmeId" element={<ProgressReportPage />} />
        </Routes>
      </RequireSession>
    </SessionProvider>,
    api.client,
    { at: `/reports/${programmeId}`, locale },
  );
  const reportsAsked = () => api.sent.filter((sent) => `${sent.method} ${sent.path}` === reportPath).map((sent) => Object.fromEntries(sent.query));
  return { api, reportsAsked };
}

const p2024 = '00000000-0000-4000-8000-000000002024';

/** 2023 approved with one withheld small count; 2024 not approved, waiting for Burkina Faso's report. */
function withheld(groupBy: string): ProgressReport {
  const approved = progress(groupBy);
  return {
    ...approved,
    periods: [
      { ...approved.periods[0]!, fullyReported: true, status: 'approved' },
      { periodId: p2024, label: '2024', startsOn: '2024-01-01', endsOn: '2024-12-31', fullyReported: false, status: 'not_approved' },
    ],
    leftOut: [{ periodId: p2024, periodLabel: '2024', administrationId: burkina, administration: 'Burkina Faso Customs', state: 'returned' }],
    values: [
      ...approved.values,
      { ...approved.values[1]!, sex: 'male', value: null, suppressed: true },
    ],
  };
}

const links = () => Object.fromEntries(screen.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]));

describe('ProgressReportPage', () => {
  it('shows a donor the approved report, what it leaves out, the key factor grid and the files, with no preview offered', async () => {
    const { reportsAsked } = renderReport('donor', [json(progress('period')), json(progress('administration'))]);

    const figures = await screen.findByRole('table', { name: 'Figures of 2023' });
    expect(within(figures).getByRole('row', { name: /^Officials trained/ }).textContent).toContain('26');
    expect(screen.getByText('Burkina Faso Customs, 2023: submitted, awaiting approval')).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(reportsAsked()).toEqual([{ groupBy: 'period' }, { groupBy: 'administration' }]);
    // The report names its indicators, which a donor cannot list.
    expect(screen.getByText('Indicator 1.1 Officials trained: targets vs actuals')).toBeTruthy();

    const grid = screen.getByRole('table', { name: /^Modules delivered covering each key factor/ });
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(11);
    // Key factor coverage per administration: a row per administration, a column per key factor.
    const burkinaRow = within(grid).getByRole('row', { name: /^Burkina Faso Customs/ });
    expect(within(burkinaRow).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['0', '0', '0', '0', '0', '0', '2', '0', '0', '0']);

    const base = `/api/v1/programmes/${programmeId}`;
    expect(links()).toEqual({
      'A-CIP progress report (CSV)': `${base}/reports/progress?format=csv&groupBy=period&lang=en`,
      'A-CIP progress report (Excel)': `${base}/reports/progress?format=xlsx&groupBy=period&lang=en`,
      'A-CIP activities (IATI XML)': `${base}/iati`,
    });
    expect(screen.getByRole('link', { name: 'A-CIP activities (IATI XML)' }).hasAttribute('download')).toBe(true);
  });

  it('lets a coordinator group by administration and preview unapproved figures, in the request and the file links', async () => {
    const { reportsAsked } = renderReport('coordinator', [
      json(progress('period')),
      json(progress('administration')),
      json(progress('administration', true)),
    ]);
    await screen.findByRole('table', { name: 'Figures of 2023' });

    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'administration' } });
    await screen.findByRole('table', { name: 'Figures of 2023' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Preview: include periods not yet approved' }));

    await screen.findByText(/^Preview: this report includes figures not yet approved/);
    // Grouped by administration, the figures and the key factor grid are one request.
    expect(reportsAsked()).toEqual([
      { groupBy: 'period' },
      { groupBy: 'administration' },
      { groupBy: 'administration', includeUnapproved: 'true' },
    ]);
    expect(links()['A-CIP progress report (CSV)']).toBe(
      `/api/v1/programmes/${programmeId}/reports/progress?format=csv&groupBy=administration&lang=en&includeUnapproved=true`,
    );
    expect(links()['A-CIP activities (IATI XML)']).toBe(`/api/v1/programmes/${programmeId}/iati?includeUnapproved=true`);
  });

  it('tells apart the rows of a figure by administration: each names its key factor, the total all of them', async () => {
    renderReport('coordinator', [json(progress('period')), json(progress('administration'))]);
    await screen.findByRole('table', { name: 'Figures of 2023' });
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'administration' } });
    // Wait for the table of the new grouping, not the one it replaces.
    await screen.findByRole('columnheader', { name: 'Key factor' });
    const figures = screen.getByRole('table', { name: 'Figures of 2023' });
    const headers = within(figures).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers.slice(0, 4)).toEqual(['Figure', 'Administration', 'Key factor', 'Total']);
    const modules = within(figures).getAllByRole('row', { name: /^Modules delivered/ });
    expect(modules.map((row) => within(row).getAllByRole('cell').slice(0, 3).map((cell) => cell.textContent))).toEqual([
      ['Burkina Faso Customs', 'All key factors', '3'],
      ['Burkina Faso Customs', 'RAD-07 Code of Conduct', '2'],
    ]);
  });

  it('names a region in French rather than by its code', async () => {
    renderReport('coordinator', [json(progress('period')), json(progress('administration')), json(progress('region'))], 'fr');
    await screen.findByRole('table', { name: 'Chiffres de 2023' });
    fireEvent.change(screen.getByLabelText('Regrouper par'), { target: { value: 'region' } });
    await screen.findByRole('columnheader', { name: 'Région' });
    const figures = screen.getByRole('table', { name: 'Chiffres de 2023' });
    const trained = within(figures).getByRole('row', { name: /^Fonctionnaires formés Afrique occidentale et centrale/ });
    expect(within(trained).getAllByRole('cell')[0]!.textContent).toBe('Afrique occidentale et centrale');
    expect(within(figures).queryByText('WCA')).toBeNull();
    expect(links()['Rapport d’avancement A-CIP (Excel)']).toBe(`/api/v1/programmes/${programmeId}/reports/progress?format=xlsx&groupBy=region&lang=fr`);
  });

  it('says there are no figures when the approved periods carry none, rather than showing nothing', async () => {
    const empty: ProgressReport = { ...withheld('period'), periods: [{ ...progress('period').periods[0]!, status: 'approved' }], leftOut: [], values: [] };
    renderReport('donor', [json(empty), json({ ...empty, groupBy: 'administration' })]);
    expect(await screen.findByText('No figures in this report.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Figures of 2023' })).toBeNull();
  });

  it('names the key factors and administrations in French', async () => {
    renderReport('donor', [json(progress('period')), json(progress('administration'))], 'fr');
    const grid = await screen.findByRole('table', { name: /^Modules dispensés couvrant chaque facteur clé/ });
    const headers = within(grid).getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers[0]).toBe('Administration');
    expect(headers[7]).toBe('RAD-07 Code de conduite');
    expect(headers[10]).toBe('RAD-10 Relations avec le secteur privé');
    expect(within(grid).getByRole('row', { name: /^Douanes burkinabè/ })).toBeTruthy();
    expect(screen.getByText('Indicateur 1.1 Fonctionnaires formés : cibles et réalisations')).toBeTruthy();
    expect(screen.getByText('Douanes burkinabè, 2023 : soumis, en attente d’approbation')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Activités A-CIP (XML IITA)' })).toBeTruthy();
  });

  it('shows a donor a withheld small count as suppressed with the threshold, and a period not approved with why, never zeros', async () => {
    renderReport('donor', [json(withheld('period')), json(withheld('administration'))]);

    const figures = await screen.findByRole('table', { name: 'Figures of 2023' });
    const trained = within(figures).getByRole('row', { name: /^Officials trained/ });
    expect(within(trained).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['26', '13', 'suppressed', '']);
    expect(within(trained).getByText('suppressed').getAttribute('title')).toMatch(/^Fewer than 5 people/);
    expect(screen.getByText(/^A figure counting, or adding up, fewer than 5 people is shown as “suppressed”, never as 0/)).toBeTruthy();

    expect(screen.queryByRole('table', { name: 'Figures of 2024' })).toBeNull();
    const notApproved = screen.getByRole('region', { name: '2024' });
    expect(within(notApproved).getByText(/^2024: not approved yet\./)).toBeTruthy();
    expect(within(notApproved).getByText('Burkina Faso Customs, 2024: returned for corrections')).toBeTruthy();
    expect(screen.getByText(/^2024 \(.*\): not approved yet$/)).toBeTruthy();
  });

  it('says the same in French', async () => {
    renderReport('donor', [json(withheld('period')), json(withheld('administration'))], 'fr');

    const figures = await screen.findByRole('table', { name: 'Chiffres de 2023' });
    const trained = within(figures).getByRole('row', { name: /^Fonctionnaires formés/ });
    expect(within(trained).getByText('masqué').getAttribute('title')).toMatch(/^Moins de 5 personnes/);
    expect(screen.getByText(/^Un chiffre qui compte, ou additionne, moins de 5 personnes apparaît comme « masqué »/)).toBeTruthy();
    const notApproved = screen.getByRole('region', { name: '2024' });
    expect(within(notApproved).getByText(/^2024 : pas encore approuvé\./)).toBeTruthy();
    expect(within(notApproved).getByText('Douanes burkinabè, 2024 : renvoyé pour corrections')).toBeTruthy();
  });
});
