import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { RequireSession, SessionProvider, type Me, type Role } from '@/lib/session';
import { renderWithApi } from '@/test/render';
import { json, problem, stubApi } from '@/test/stubApi';
import type { AdministrationReport, ReportingPeriod, ReportState } from './api';
import { PeriodReportsPage } from './PeriodReports';
import { reportMoves } from './periodActions';

const programmeId = '00000000-0000-4000-8000-000000000001';
const periodId = '00000000-0000-4000-8000-000000000002';
const burkina = '00000000-0000-4000-8000-000000000003';
const periodPath = `/api/v1/programmes/${programmeId}/periods/${periodId}`;

function account(role: Role): Me {
  return { userId: 'u', name: `${role}@x`, displayName: role, role, donorId: null, programmeIds: [programmeId], administrationIds: [] };
}

function period(state: ReportState, extra: Partial<AdministrationReport> = {}): ReportingPeriod {
  return {
    id: periodId,
    programmeId,
    label: '2024',
    startsOn: '2024-01-01',
    endsOn: '2024-12-31',
    version: 1,
    administrations: [
      { administrationId: burkina, nameEn: 'Burkina Faso Customs', nameFr: 'Douanes burkinabè', state, locked: state === 'submitted' || state === 'approved', ...extra },
    ],
  };
}

function renderPeriod(role: Role, routes: Parameters<typeof stubApi>[0], locale: 'en' | 'fr' = 'en') {
  const api = stubApi({ 'GET /api/v1/auth/me': [json(account(role))], ...routes });
  renderWithApi(
    <SessionProvider>
      <RequireSession>
        <Routes>
          <Route path="/results/:programmeId/periods/:periodId" element={<PeriodReportsPage />} />
        </Routes>
      </RequireSession>
    </SessionProvider>,
    api.client,
    { at: `/results/${programmeId}/periods/${periodId}`, locale },
  );
  return api;
}

const burkinaRow = async () => screen.findByRole('row', { name: /Burkina Faso Customs|Douanes burkinabè/ });

describe('reportMoves', () => {
  it('lets coordinators submit a report in progress or returned, and only administrators approve or return a submitted one', () => {
    expect(reportMoves('coordinator', 'in_progress')).toEqual(['submit']);
    expect(reportMoves('coordinator', 'returned')).toEqual(['submit']);
    expect(reportMoves('coordinator', 'submitted')).toEqual([]);
    expect(reportMoves('administrator', 'submitted')).toEqual(['approve', 'return']);
    expect(reportMoves('administrator', 'approved')).toEqual([]);
    expect(reportMoves('trainer', 'in_progress')).toEqual([]);
    expect(reportMoves('donor', 'submitted')).toEqual([]);
  });
});

describe('PeriodReportsPage', () => {
  it('shows a coordinator the Submit button only, sends SubmitPeriodReport and shows the new state with who and when', async () => {
    const api = renderPeriod('coordinator', {
      [`GET ${periodPath}`]: [
        json(period('in_progress')),
        json(period('submitted', { submittedAt: '2026-11-20T09:30:00Z', submittedByName: 'Claire Coordinator' })),
      ],
      [`POST ${periodPath}/administrations/${burkina}/submit`]: [json({ id: 'r', state: 'submitted', version: 2 })],
    });

    const row = await burkinaRow();
    expect(within(row).getByText('In progress')).toBeTruthy();
    expect(within(row).getAllByRole('button').map((button) => button.textContent)).toEqual(['Submit']);

    fireEvent.click(within(row).getByRole('button', { name: 'Submit' }));

    await within(await burkinaRow()).findByText(/^Submitted by Claire Coordinator, 20 Nov 2026/);
    expect(within(await burkinaRow()).getByText('locked')).toBeTruthy();
    expect(within(await burkinaRow()).queryByRole('button')).toBeNull();
    expect(api.requests()).toContain(`POST ${periodPath}/administrations/${burkina}/submit`);
  });

  it('lets an administrator return a submitted report with a comment, and keeps the comment when the API refuses it', async () => {
    const api = renderPeriod('administrator', {
      [`GET ${periodPath}`]: [json(period('submitted', { submittedAt: '2026-11-20T09:30:00Z', submittedByName: 'Claire' }))],
      [`POST ${periodPath}/administrations/${burkina}/return`]: [
        problem(400, 'Validation failed', undefined, { errors: { Comment: ['Say what to correct.'] } }),
        problem(409, 'The report is not submitted', 'It was approved meanwhile.'),
      ],
    });

    const row = await burkinaRow();
    expect(within(row).getAllByRole('button').map((button) => button.textContent)).toEqual(['Approve', 'Return']);
    fireEvent.click(within(row).getByRole('button', { name: 'Return' }));
    const comment = within(row).getByLabelText<HTMLTextAreaElement>('What to correct');
    fireEvent.change(comment, { target: { value: '  ' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Return the report' }));

    await within(row).findByText('Say what to correct.');
    expect(comment.getAttribute('aria-invalid')).toBe('true');
    expect(JSON.parse(api.sent.at(-1)!.body)).toEqual({ comment: '  ' });

    fireEvent.change(comment, { target: { value: 'Figures by sex missing' } });
    fireEvent.click(within(row).getByRole('button', { name: 'Return the report' }));
    const alert = await within(row).findByRole('alert');
    expect(alert.textContent).toContain('Could not change the report of Burkina Faso Customs');
    expect(alert.textContent).toContain('It was approved meanwhile.');
    expect(comment.value).toBe('Figures by sex missing');
  });

  it('speaks French: state, buttons and administration names', async () => {
    renderPeriod('administrator', { [`GET ${periodPath}`]: [json(period('submitted'))] }, 'fr');
    const row = await burkinaRow();
    expect(within(row).getByRole('rowheader').textContent).toBe('Douanes burkinabè');
    expect(within(row).getByText('Soumis')).toBeTruthy();
    expect(within(row).getAllByRole('button').map((button) => button.textContent)).toEqual(['Approuver', 'Renvoyer']);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Période de rapport 2024'));
  });

  it('shows an administrator how an approved report drifted from the live figures, approved → live', async () => {
    const approvedAt = '2026-11-25T10:00:00Z';
    const api = renderPeriod('administrator', {
      [`GET ${periodPath}`]: [json(period('approved', { approvedAt, approvedByName: 'Ada Admin' }))],
      [`GET ${periodPath}/administrations/${burkina}/drift`]: [
        json({
          approvedAt,
          snapshotHash: 'a',
          liveHash: 'b',
          drifted: true,
          changes: [
            { figure: 'officials_trained', sex: 'female', approved: 13, live: 12 },
            { figure: 'officials_trained', sex: 'male', approved: 13, live: 14 },
            { figure: 'indicator_actual', indicator: '1.1', approved: 26, live: null },
          ],
        }),
      ],
    });

    const row = await burkinaRow();
    // Nothing is asked before the administrator wants to know.
    expect(api.sent.some((sent) => sent.path.endsWith('/drift'))).toBe(false);
    fireEvent.click(within(row).getByRole('button', { name: 'Drift' }));

    const changes = await within(row).findByRole('table', { name: 'Figures of Burkina Faso Customs changed since approval: approved → live' });
    expect(within(row).getByText(/^3 figures have changed since approval\./)).toBeTruthy();
    expect(within(changes).getAllByRole('row').slice(1).map((one) => [...one.children].map((cell) => cell.textContent))).toEqual([
      ['Officials trained', 'Female', '13 → 12'],
      ['Officials trained', 'Male', '13 → 14'],
      ['Indicator 1.1', 'Total', '26 → none'],
    ]);
  });

  it('says « aucun écart » in French when the live figures are the approved ones', async () => {
    renderPeriod(
      'coordinator',
      {
        [`GET ${periodPath}`]: [json(period('approved', { approvedAt: '2026-11-25T10:00:00Z' }))],
        [`GET ${periodPath}/administrations/${burkina}/drift`]: [
          json({ approvedAt: '2026-11-25T10:00:00Z', snapshotHash: 'a', liveHash: 'a', drifted: false, changes: [] }),
        ],
      },
      'fr',
    );
    const row = await burkinaRow();
    fireEvent.click(within(row).getByRole('button', { name: 'Écart' }));
    expect(await within(row).findByText('Aucun écart : les chiffres actuels sont ceux approuvés.')).toBeTruthy();
  });
});
