import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@/i18n/catalog';
import { renderWithApi } from '@/test/render';
import { json, problem, stubApi } from '@/test/stubApi';
import type { ActionPlanStatus } from './api';
import { ActionPage } from './ActionPage';
import { action, ids, page, plan, update } from './testData';

const actionPath = `GET /api/v1/actions/${ids.action}`;
const updatesPath = `GET /api/v1/actions/${ids.action}/updates`;
const recordPath = `POST /api/v1/actions/${ids.action}/updates`;

function openAction(routes: Record<string, Response[]> = {}, { locale = 'en', status = 'in_implementation' }: { locale?: Locale; status?: ActionPlanStatus } = {}) {
  const api = stubApi({
    [actionPath]: [json(action())],
    [`GET /api/v1/action-plans/${ids.plan}`]: [json(plan({ status })), json(plan({ status }))],
    [updatesPath]: [json(page(update()))],
    ...routes,
  });
  renderWithApi(
    <Routes>
      <Route path="/actions/:id" element={<ActionPage />} />
    </Routes>,
    api.client,
    { at: `/actions/${ids.action}`, locale },
  );
  return api;
}

const progressForm = () => screen.getByRole('form', { name: 'Report progress' });

async function fillInProgress() {
  const form = await screen.findByRole('form', { name: 'Report progress' });
  fireEvent.change(within(form).getByLabelText('Day observed'), { target: { value: '2024-09-20' } });
  fireEvent.change(within(form).getByLabelText('Status'), { target: { value: 'done' } });
  fireEvent.change(within(form).getByLabelText('What was done, what holds it up'), { target: { value: 'Revised code signed.' } });
  // Two link rows, the first left blank: only the second is sent.
  fireEvent.click(within(form).getByRole('button', { name: 'Add another link' }));
  fireEvent.change(within(form).getByLabelText('Evidence link 2'), { target: { value: 'ftp://douanes.bf/code.pdf' } });
  return form;
}

describe('ActionPage', () => {
  it('shows the action, where it stands, and its history latest first, with no way to edit or delete an update', async () => {
    openAction({ [updatesPath]: [json(page(update({ evidenceLinks: ['https://www.douanes.bf/procedures'] }), update({ id: 'older', reportedOn: '2024-04-01', narrative: 'Started.' })))] });
    await screen.findByRole('heading', { level: 1, name: 'Revise the code of conduct with staff representatives' });
    const history = await screen.findByRole('table', { name: 'Progress updates, latest first' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('15 May 2024 Latest update');
    expect(within(rows[0]!).getByRole('link', { name: 'https://www.douanes.bf/procedures' })).toBeTruthy();
    expect(rows[1]!.textContent).not.toContain('Latest update');
    expect(within(history).queryAllByRole('button')).toEqual([]);
    expect(screen.getByRole('link', { name: 'Back to the plan: Integrity action plan 2024–2026' }).getAttribute('href')).toBe(`/action-plans/${ids.plan}`);
  });

  it('records progress with an Idempotency-Key (no If-Match: updates are appended), then shows the new status', async () => {
    const api = openAction({
      [recordPath]: [json({ id: 'new-update', version: 1 }, 201)],
      [actionPath]: [json(action()), json(action({ status: 'done', percentDone: 100, reportedOn: '2024-09-20', updateCount: 2 }))],
      [updatesPath]: [json(page(update())), json(page(update({ id: 'new', status: 'done', percentDone: 100, narrative: 'Revised code signed.' }), update()))],
    });
    const form = await fillInProgress();
    fireEvent.change(within(form).getByLabelText('Evidence link 2'), { target: { value: ' https://www.douanes.bf/code.pdf ' } });
    // Choosing "done" set the percent to 100, as the API requires.
    expect(within(form).getByLabelText<HTMLInputElement>('Percent done').value).toBe('100');
    fireEvent.click(within(form).getByRole('button', { name: 'Record the update' }));

    await screen.findByText('Progress recorded.');
    const sent = api.sent.find((request) => request.method === 'POST')!;
    expect(JSON.parse(sent.body)).toEqual({
      reportedOn: '2024-09-20',
      status: 'done',
      percentDone: 100,
      narrative: 'Revised code signed.',
      evidenceLinks: ['https://www.douanes.bf/code.pdf'],
    });
    expect(sent.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.headers.get('If-Match')).toBeNull();
    const facts = screen.getByText('Status', { selector: 'dt' }).nextElementSibling!;
    expect(facts.textContent).toBe('Done');
    const history = screen.getByRole('table', { name: 'Progress updates, latest first' });
    expect(within(history).getAllByRole('row')[1]!.textContent).toContain('Revised code signed.');
    // The form is ready for the next update.
    expect(within(progressForm()).getByLabelText<HTMLTextAreaElement>('What was done, what holds it up').value).toBe('');
  });

  it('shows the API’s messages next to their fields, the link’s next to the row it came from, keeps what was typed, and retries with the same key', async () => {
    const api = openAction({
      [recordPath]: [
        problem(400, 'Invalid input', 'Some fields are missing or wrong; see errors for what to change.', {
          errors: {
            reportedOn: ['This action starts on 2024-03-01: progress cannot be reported before that.'],
            'evidenceLinks[0]': ['Give the full address of the evidence, starting with https:// or http://.'],
          },
        }),
        problem(503, 'Service Unavailable'),
      ],
    });
    const form = await fillInProgress();
    fireEvent.click(within(form).getByRole('button', { name: 'Record the update' }));

    const link = within(form).getByLabelText<HTMLInputElement>('Evidence link 2');
    await within(form).findByText(/starting with https:\/\//);
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(link.getAttribute('aria-describedby')!)!.textContent).toContain('starting with https://');
    expect(within(form).getByLabelText('Evidence link 1').getAttribute('aria-invalid')).toBeNull();
    const day = within(form).getByLabelText('Day observed');
    expect(document.getElementById(day.getAttribute('aria-describedby')!)!.textContent).toContain('progress cannot be reported before that');
    // Every message sits next to its field: no alert repeats them.
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(link.value).toBe('ftp://douanes.bf/code.pdf');
    expect(within(form).getByLabelText<HTMLTextAreaElement>('What was done, what holds it up').value).toBe('Revised code signed.');

    fireEvent.click(within(form).getByRole('button', { name: 'Record the update' }));
    await within(form).findByRole('alert');
    const keys = api.sent.filter((request) => request.method === 'POST').map((request) => request.headers.get('Idempotency-Key'));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it.each(['draft', 'closed'] as const)('offers no progress form while the plan is %s (the API takes none)', async (status) => {
    openAction({}, { status });
    await screen.findByRole('table', { name: 'Progress updates, latest first' });
    await screen.findByRole('link', { name: /Back to the plan: / });
    expect(screen.queryByRole('form', { name: 'Report progress' })).toBeNull();
  });

  it('speaks French', async () => {
    openAction({}, { locale: 'fr' });
    const form = await screen.findByRole('form', { name: "Signaler l'avancement" });
    expect(within(form).getByLabelText('Date constatée')).toBeTruthy();
    expect(within(form).getByLabelText('Pourcentage réalisé')).toBeTruthy();
    expect(within(form).getByLabelText('Lien justificatif 1')).toBeTruthy();
    expect(within(form).getByRole('option', { name: 'Réalisée' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Enregistrer le point' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: "Historique de l'avancement" })).toBeTruthy();
    expect(await screen.findByText('15 mai 2024')).toBeTruthy();
  });
});
