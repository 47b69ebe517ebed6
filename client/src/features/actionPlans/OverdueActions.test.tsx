import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, stubApi } from '@/test/stubApi';
import { OverdueActions } from './OverdueActions';
import { action, dashboard, page, planSummary } from './testData';

describe('OverdueActions', () => {
  it('reads one page of plans and the dashboards of those being carried out only, longest overdue first', async () => {
    const running = planSummary({ id: 'plan-running' });
    const adopted = planSummary({ id: 'plan-adopted', title: 'Plan adopted', administrationNameEn: 'Mali Customs' });
    const api = stubApi({
      'GET /api/v1/action-plans': [json(page(running, planSummary({ id: 'plan-draft', status: 'draft' }), planSummary({ id: 'plan-closed', status: 'closed' }), adopted))],
      'GET /api/v1/action-plans/plan-running/dashboard': [json(dashboard({ overdue: [action({ id: 'late', title: 'Late action', dueOn: '2026-06-30' })] }))],
      'GET /api/v1/action-plans/plan-adopted/dashboard': [json(dashboard({ overdue: [action({ id: 'later', title: 'Older action', dueOn: '2025-01-31' })] }))],
    });
    renderWithApi(<OverdueActions />, api.client);

    const table = await screen.findByRole('table', { name: 'Overdue actions of your plans' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('link').map((link) => link.getAttribute('href')))).toEqual([
      ['/actions/later', '/action-plans/plan-adopted'],
      ['/actions/late', '/action-plans/plan-running'],
    ]);
    expect(rows[0]!.textContent).toContain('Mali Customs: Plan adopted');
    expect(api.requests()).toHaveLength(3);
    expect(api.sent[0]!.query.get('limit')).toBe('10');
  });

  it('says when nothing is overdue, in French too', async () => {
    const api = stubApi({
      'GET /api/v1/action-plans': [json(page(planSummary()))],
      [`GET /api/v1/action-plans/${planSummary().id}/dashboard`]: [json(dashboard({ overdue: [] }))],
    });
    renderWithApi(<OverdueActions />, api.client, { locale: 'fr' });
    expect(await screen.findByText("Aucune action de vos plans n'est en retard.")).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Actions en retard' })).toBeTruthy();
  });
});
