import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, problem, stubApi } from '@/test/stubApi';
import { ActionPlansPage } from './ActionPlansPage';
import { ids, page, planSummary } from './testData';

const programmes = page({
  id: ids.programme,
  code: 'A-CIP',
  name: 'Anti-Corruption and Integrity Promotion',
  startsOn: '2015-01-01',
  endsOn: '2027-12-31',
  donors: [],
  administrations: [{ id: ids.burkina, countryCode: 'BF', nameEn: 'Burkina Faso Customs', nameFr: 'Douanes du Burkina Faso' }],
  version: 1,
});

function openList(routes: Record<string, Response[]>, at = '/action-plans') {
  const api = stubApi({ 'GET /api/v1/programmes': [json(programmes)], ...routes });
  renderWithApi(
    <Routes>
      <Route path="/action-plans" element={<ActionPlansPage />} />
      <Route path="/action-plans/:id" element={<p>Plan page</p>} />
    </Routes>,
    api.client,
    { at },
  );
  return api;
}

describe('ActionPlansPage', () => {
  it('lists the plans, then asks again with the filters chosen, which stay in the address', async () => {
    const api = openList({
      'GET /api/v1/action-plans': [
        json({ items: [planSummary()], nextCursor: 'next' }),
        json(page(planSummary({ status: 'closed', title: 'HRM strategy' }))),
      ],
    });
    const table = await screen.findByRole('table', { name: 'Integrity action plans' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe(
      'Integrity action plan 2024–2026Burkina Faso CustomsA-CIP1 Jan 2024 – 31 Dec 2026In implementation11',
    );
    expect(screen.getByRole('button', { name: 'Load more' })).toBeTruthy();

    const filters = screen.getByRole('form', { name: 'Filter plans' });
    await within(filters).findByRole('option', { name: 'A-CIP — Anti-Corruption and Integrity Promotion' });
    fireEvent.change(within(filters).getByLabelText('Programme'), { target: { value: ids.programme } });
    fireEvent.change(within(filters).getByLabelText('Administration'), { target: { value: ids.burkina } });
    fireEvent.change(within(filters).getByLabelText('Status'), { target: { value: 'closed' } });
    fireEvent.change(within(filters).getByLabelText('Title contains'), { target: { value: 'HRM' } });
    fireEvent.click(within(filters).getByRole('button', { name: 'Filter' }));

    await screen.findByRole('link', { name: 'HRM strategy' });
    const [first, second] = api.sent.filter((request) => request.path === '/api/v1/action-plans');
    expect(first!.query.get('limit')).toBe('25');
    expect(Object.fromEntries(second!.query)).toEqual({ programmeId: ids.programme, administrationId: ids.burkina, status: 'closed', q: 'HRM', limit: '25' });
    expect(within(screen.getByRole('form', { name: 'Filter plans' })).getByLabelText<HTMLInputElement>('Title contains').value).toBe('HRM');
  });

  it('records a plan with an Idempotency-Key, its field errors beside the fields, then opens it', async () => {
    const api = openList({
      'GET /api/v1/action-plans': [json(page())],
      'POST /api/v1/action-plans': [
        problem(400, 'Invalid input', undefined, { errors: { endsOn: ["'Ends On' must be on or after the start."] } }),
        json({ id: ids.plan, version: 1 }, 201),
      ],
    });
    await screen.findByText('No action plan matches.');
    fireEvent.click(screen.getByRole('button', { name: 'Record an action plan' }));
    const form = screen.getByRole('form', { name: 'Record an action plan' });
    await within(form).findByRole('option', { name: 'A-CIP — Anti-Corruption and Integrity Promotion' });
    fireEvent.change(within(form).getByLabelText('Programme'), { target: { value: ids.programme } });
    fireEvent.change(within(form).getByLabelText('Administration'), { target: { value: ids.burkina } });
    fireEvent.change(within(form).getByLabelText('Title'), { target: { value: 'Integrity action plan 2027–2029' } });
    fireEvent.change(within(form).getByLabelText('Starts on'), { target: { value: '2027-01-01' } });
    fireEvent.change(within(form).getByLabelText('Ends on'), { target: { value: '2026-12-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the plan' }));

    const endsOn = within(form).getByLabelText('Ends on');
    await within(form).findByText("'Ends On' must be on or after the start.");
    expect(endsOn.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(endsOn, { target: { value: '2029-12-31' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the plan' }));

    await screen.findByText('Plan page');
    const posts = api.sent.filter((request) => request.method === 'POST');
    expect(JSON.parse(posts[1]!.body)).toEqual({
      programmeId: ids.programme,
      administrationId: ids.burkina,
      title: 'Integrity action plan 2027–2029',
      startsOn: '2027-01-01',
      endsOn: '2029-12-31',
    });
    expect(posts[0]!.headers.get('Idempotency-Key')).toBe(posts[1]!.headers.get('Idempotency-Key'));
  });

  it('speaks French', async () => {
    const api = stubApi({ 'GET /api/v1/programmes': [json(programmes)], 'GET /api/v1/action-plans': [json(page(planSummary()))] });
    renderWithApi(<ActionPlansPage />, api.client, { locale: 'fr' });
    const table = await screen.findByRole('table', { name: "Plans d'action pour l'éthique" });
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe(
      'Integrity action plan 2024–2026Douanes du Burkina FasoA-CIP1 janv. 2024 – 31 déc. 2026En cours de mise en œuvre11',
    );
    expect(screen.getByRole('button', { name: "Enregistrer un plan d'action" })).toBeTruthy();
    expect(screen.getByLabelText('Titre contenant')).toBeTruthy();
  });
});
