import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Locale } from '@/i18n/catalog';
import { renderWithApi } from '@/test/render';
import { json, problem, stubApi } from '@/test/stubApi';
import type { ActionPlanDetails } from './api';
import { ActionPlanPage } from './ActionPlanPage';
import { dashboard, ids, keyFactors, page, plan, action } from './testData';

// jsdom has no canvas: the chart's figures are read from its table alternative.
vi.mock('@/components/charts/BarCanvas', () => ({ default: () => null }));

const planPath = `GET /api/v1/action-plans/${ids.plan}`;

/** The plan page with its dashboard, key factors and actions answered; `extra` adds the commands. */
function openPlan(record: ActionPlanDetails, extra: Record<string, Response[]> = {}, locale: Locale = 'en') {
  const api = stubApi({
    [planPath]: [json(record)],
    [`GET /api/v1/action-plans/${ids.plan}/dashboard`]: [json(dashboard()), json(dashboard())],
    [`GET /api/v1/action-plans/${ids.plan}/actions`]: [json(page(action())), json(page(action()))],
    'GET /api/v1/key-factors': [json(page(...keyFactors))],
    ...extra,
  });
  renderWithApi(
    <Routes>
      <Route path="/action-plans/:id" element={<ActionPlanPage />} />
    </Routes>,
    api.client,
    { at: `/action-plans/${ids.plan}`, locale },
  );
  return api;
}

const lifecycleButtons = () =>
  within(screen.getByRole('region', { name: 'Status of the plan' }))
    .queryAllByRole('button')
    .map((button) => button.textContent);

describe('ActionPlanPage', () => {
  it.each([
    ['draft', ['Adopt the plan…']],
    ['adopted', ['Start implementation', 'Close the plan', 'Send back to draft']],
    ['in_implementation', ['Close the plan']],
    ['closed', []],
  ] as const)('offers the moves the API allows from %s', async (status, buttons) => {
    openPlan(plan({ status }));
    await screen.findByRole('heading', { level: 1, name: 'Integrity action plan 2024–2026' });
    expect(lifecycleButtons()).toEqual(buttons);
    // A closed plan is final: no editing, and it says so.
    expect(screen.queryByRole('button', { name: 'Edit title and period' }) === null).toBe(status === 'closed');
    expect(screen.queryByText(/A closed plan is final/) !== null).toBe(status === 'closed');
  });

  it('moves the plan on with If-Match, and shows why the API refused a move (409)', async () => {
    const api = openPlan(plan({ status: 'adopted', version: 3 }), {
      [`PUT /api/v1/action-plans/${ids.plan}/status`]: [
        problem(409, 'Conflict', 'Progress was reported on this plan’s actions: it stays adopted, since that history is never rewritten.'),
      ],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Send back to draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The plan could not be moved on.');
    expect(alert.textContent).toContain('it stays adopted');
    const sent = api.sent.find((request) => request.method === 'PUT')!;
    expect(sent.path).toBe(`/api/v1/action-plans/${ids.plan}/status`);
    expect(JSON.parse(sent.body)).toEqual({ status: 'draft' });
    expect(sent.headers.get('If-Match')).toBe('"3"');
  });

  it('adopts a draft on the day given, with If-Match, and shows the plan as adopted', async () => {
    const api = openPlan(plan({ status: 'draft', adoptedOn: null, version: 1 }), {
      [`POST /api/v1/action-plans/${ids.plan}/adopt`]: [new Response(null, { status: 204 })],
      [planPath]: [json(plan({ status: 'draft', adoptedOn: null, version: 1 })), json(plan({ status: 'adopted', adoptedOn: '2024-02-15', version: 2 }))],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Adopt the plan…' }));
    fireEvent.change(screen.getByLabelText('Adopted on'), { target: { value: '2024-02-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the adoption' }));

    await screen.findByRole('button', { name: 'Start implementation' });
    const sent = api.sent.find((request) => request.method === 'POST')!;
    expect(JSON.parse(sent.body)).toEqual({ adoptedOn: '2024-02-15' });
    expect(sent.headers.get('If-Match')).toBe('"1"');
    expect(screen.getByText('15 Feb 2024')).toBeTruthy();
  });

  it('after a lost race (412), reloads the plan and saves what was typed over the new version', async () => {
    const api = openPlan(plan({ version: 3 }), {
      [planPath]: [json(plan({ version: 3 })), json(plan({ version: 4, title: 'Renamed by a colleague' })), json(plan({ version: 5, title: 'Plan 2024–2027' }))],
      [`PUT /api/v1/action-plans/${ids.plan}`]: [problem(412, 'Precondition Failed'), new Response(null, { status: 204 })],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit title and period' }));
    const form = screen.getByRole('form', { name: 'Title and period' });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Plan 2024–2027' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('Someone else changed this record');
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await screen.findByRole('heading', { level: 1, name: 'Renamed by a colleague' });
    expect(within(form).getByLabelText<HTMLInputElement>('Title').value).toBe('Plan 2024–2027');

    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await screen.findByRole('heading', { level: 1, name: 'Plan 2024–2027' });
    const puts = api.sent.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.headers.get('If-Match'))).toEqual(['"3"', '"4"']);
    expect(JSON.parse(puts[1]!.body)).toEqual({ title: 'Plan 2024–2027', startsOn: '2024-01-01', endsOn: '2026-12-31' });
  });

  it('asks once more before closing, since a closed plan is final', async () => {
    const api = openPlan(plan({ status: 'in_implementation', version: 7 }), {
      [`PUT /api/v1/action-plans/${ids.plan}/status`]: [new Response(null, { status: 204 })],
      [planPath]: [json(plan({ status: 'in_implementation', version: 7 })), json(plan({ status: 'closed', version: 8 }))],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Close the plan' }));
    expect(api.sent.some((request) => request.method === 'PUT')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Close it for good' }));

    await screen.findByText(/A closed plan is final/);
    const sent = api.sent.find((request) => request.method === 'PUT')!;
    expect(JSON.parse(sent.body)).toEqual({ status: 'closed' });
    expect(sent.headers.get('If-Match')).toBe('"7"');
    expect(screen.queryByRole('button', { name: 'Close it for good' })).toBeNull();
  });

  it('edits an objective: key factors as checkboxes, an empty baseline sent as not measured, If-Match with its version', async () => {
    const api = openPlan(plan(), {
      [`PUT /api/v1/action-plans/${ids.plan}/objectives/${ids.objective}`]: [
        problem(400, 'Invalid input', undefined, { errors: { keyFactorCodes: ['Give at least one key factor.'] } }),
        new Response(null, { status: 204 }),
      ],
      [planPath]: [json(plan()), json(plan())],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit objective 1' }));
    const form = screen.getByRole('form', { name: 'Edit objective 1' });
    const factors = within(form).getByRole('group', { name: 'Key factors it serves' });
    await within(factors).findByLabelText('RAD-07 Code of Conduct');
    fireEvent.click(within(factors).getByLabelText('RAD-01 Leadership and Commitment'));
    fireEvent.click(within(factors).getByLabelText('RAD-07 Code of Conduct'));
    fireEvent.change(within(form).getByLabelText('Baseline'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await within(factors).findByText('Give at least one key factor.');
    fireEvent.click(within(factors).getByLabelText('RAD-07 Code of Conduct'));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit objective 1' })).toBeNull());

    const puts = api.sent.filter((request) => request.method === 'PUT');
    expect(JSON.parse(puts[1]!.body)).toEqual({
      title: 'Leadership commitment and a revised code of conduct',
      keyFactorCodes: ['RAD-07'],
      outcomeIndicator: 'Share of officials who signed the revised code of conduct',
      baseline: null,
      target: '100 %',
    });
    expect(puts[1]!.headers.get('If-Match')).toBe('"1"');
  });

  it('filters the actions by objective and status, and plans one with an Idempotency-Key', async () => {
    const api = openPlan(plan(), {
      [`GET /api/v1/action-plans/${ids.plan}/actions`]: [json({ items: [action()], nextCursor: 'c1' }), json(page()), json(page()), json(page(action()))],
      [`POST /api/v1/action-plans/${ids.plan}/actions`]: [json({ id: 'new-action', version: 1 }, 201)],
    });
    await screen.findByRole('button', { name: 'Load more' });
    const filters = screen.getByRole('group', { name: 'Filter actions' });
    fireEvent.change(within(filters).getByLabelText('Objective'), { target: { value: ids.objective } });
    await screen.findByText('No action matches.');
    fireEvent.change(within(filters).getByLabelText('Status'), { target: { value: 'delayed' } });
    await waitFor(() => expect(api.sent.filter((request) => request.path.endsWith('/actions'))).toHaveLength(3));
    const lists = api.sent.filter((request) => request.path.endsWith('/actions'));
    expect(Object.fromEntries(lists[2]!.query)).toEqual({ objectiveId: ids.objective, status: 'delayed', limit: '25' });

    fireEvent.click(screen.getByRole('button', { name: 'Plan an action' }));
    const form = screen.getByRole('form', { name: 'Plan an action' });
    fireEvent.change(within(form).getByLabelText('Objective'), { target: { value: ids.objective } });
    fireEvent.change(within(form).getByLabelText('Action'), { target: { value: 'Train integrity focal points' } });
    fireEvent.change(within(form).getByLabelText('Lead unit'), { target: { value: 'Direction des ressources humaines' } });
    fireEvent.change(within(form).getByLabelText('Owner'), { target: { value: 'Head of training' } });
    fireEvent.change(within(form).getByLabelText('Starts on'), { target: { value: '2026-01-15' } });
    fireEvent.change(within(form).getByLabelText('Due on'), { target: { value: '2026-06-30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('form', { name: 'Plan an action' })).toBeNull());
    const sent = api.sent.find((request) => request.method === 'POST')!;
    expect(JSON.parse(sent.body)).toEqual({
      objectiveId: ids.objective,
      title: 'Train integrity focal points',
      leadUnit: 'Direction des ressources humaines',
      owner: 'Head of training',
      startsOn: '2026-01-15',
      dueOn: '2026-06-30',
    });
    expect(sent.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('shows the dashboard: rate, on time, actions by status, overdue actions and key factors covered', async () => {
    openPlan(plan());
    const region = await screen.findByRole('region', { name: 'Dashboard' });
    await within(region).findByText('66.7%');
    expect(within(region).getByText('4 done of 6 due')).toBeTruthy();
    const byStatus = within(region).getByText('Actions by status').closest('figure')!;
    expect(within(byStatus).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Not started1',
      'In progress3',
      'Done4',
      'Delayed1',
      'Cancelled0',
    ]);
    const overdue = within(region).getByRole('table', { name: 'Overdue actions' });
    expect(within(overdue).getByRole('link', { name: 'Extend electronic payment of duties to every border office' }).getAttribute('href')).toBe(
      `/actions/${ids.action}`,
    );
    const factors = within(region).getByRole('table', { name: 'Key factors of the Revised Arusha Declaration' });
    expect(within(factors).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'RAD-01 Leadership and CommitmentCovered (1 objective)',
      'RAD-07 Code of ConductNot covered',
    ]);
  });

  it('speaks French: statuses, buttons, key factor names', async () => {
    openPlan(plan({ status: 'adopted' }), {}, 'fr');
    await screen.findByRole('button', { name: 'Lancer la mise en œuvre' });
    expect(screen.getByText('Adopté')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Renvoyer en brouillon' })).toBeTruthy();
    const region = screen.getByRole('region', { name: 'Tableau de bord' });
    await within(region).findByText('RAD-07 Code de conduite');
    expect(within(region).getByText('Non couvert')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('table', { name: "Actions du plan, par date d'échéance" })).toBeTruthy());
  });
});
