import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequireSession, SessionProvider, type Me } from '@/lib/session';
import { renderWithApi } from '@/test/render';
import { json, stubApi } from '@/test/stubApi';
import { DonorReports } from './DonorReports';

const programmeId = '00000000-0000-4000-8000-000000000001';
const norad = '00000000-0000-4000-8000-00000000000a';
const p2023 = '00000000-0000-4000-8000-000000002023';

const analyst: Me = { userId: 'u', name: 'analyst@norad.demo', displayName: 'Nora', role: 'donor', donorId: norad, programmeIds: [], administrationIds: [] };

describe('DonorReports', () => {
  it('lists the programmes the donor funds with the headline figures of the approved report and the files', async () => {
    const api = stubApi({
      'GET /api/v1/auth/me': [json(analyst)],
      'GET /api/v1/programmes': [
        json({ items: [{ id: programmeId, code: 'A-CIP', name: 'Integrity', startsOn: '2016-01-01', endsOn: '2027-12-31', donors: [], administrations: [], version: 1 }], nextCursor: null }),
      ],
      [`GET /api/v1/programmes/${programmeId}/reports/progress`]: [
        json({
          programmeId,
          programmeCode: 'A-CIP',
          programmeName: 'Integrity',
          groupBy: 'period',
          includesUnapproved: false,
          periods: [],
          leftOut: [],
          suppression: { minimumCellSize: 5, applied: true, rule: '' },
          values: [
            { periodId: p2023, period: '2023', figure: 'officials_trained', value: 1026, suppressed: false },
            { periodId: p2023, period: '2023', figure: 'officials_trained', sex: 'female', value: 513, suppressed: false },
            { periodId: p2023, period: '2023', figure: 'workshops_held', value: 1, suppressed: false },
            { periodId: p2023, period: '2023', figure: 'participant_hours', value: null, suppressed: true },
          ],
        }),
      ],
    });
    renderWithApi(
      <SessionProvider>
        <RequireSession>
          <DonorReports />
        </RequireSession>
      </SessionProvider>,
      api.client,
    );

    const card = (await screen.findByRole('heading', { name: 'A-CIP: Integrity' })).closest('li')!;
    const trained = await within(card).findByText('Officials trained');
    expect(trained.nextElementSibling!.textContent).toBe('1,026');
    expect(within(card).getByText('Workshops and missions held').nextElementSibling!.textContent).toBe('1');
    // A withheld small count reads "suppressed", never 0; a figure no approved period carries is a dash.
    expect(within(card).getByText('Participant-hours of training').nextElementSibling!.textContent).toBe('suppressed');
    expect(within(card).getByText('Modules delivered').nextElementSibling!.textContent).toBe('—');
    expect(within(card).getByRole('link', { name: 'A-CIP progress report (Excel)' }).getAttribute('href')).toBe(
      `/api/v1/programmes/${programmeId}/reports/progress?format=xlsx&groupBy=period&lang=en`,
    );
    const asked = api.sent.find((sent) => sent.path === '/api/v1/programmes')!;
    expect(asked.query.get('donorId')).toBe(norad);
    expect(api.sent.find((sent) => sent.path.endsWith('/reports/progress'))!.query.has('includeUnapproved')).toBe(false);
  });
});
