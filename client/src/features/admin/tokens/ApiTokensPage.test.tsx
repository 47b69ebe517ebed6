import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, problem, stubApi } from '@/test/stubApi';
import type { ApiTokenSummary } from '../api';
import { norad, page } from '@/test/world';
import { ApiTokensPage } from './ApiTokensPage';

const secret = 'itk_7f3a9c1e5b2d4f6a8c0e2b4d6f8a0c2e';

const dashboard: ApiTokenSummary = {
  id: 't0000000-0000-4000-8000-000000000001',
  donorId: norad.id,
  donorCode: 'NORAD',
  name: 'Norad results dashboard',
  createdAt: '2025-01-10T09:00:00Z',
  expiresAt: '2099-01-10T00:00:00Z',
  revokedAt: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('ApiTokensPage', () => {
  it('issues a token and shows its secret once, with a warning and a copy button; the list never shows it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const api = stubApi({
      'GET /api/v1/donors': [page(norad)],
      'GET /api/v1/api-tokens': [page(), page(dashboard)],
      'POST /api/v1/api-tokens': [json({ id: dashboard.id, token: secret, expiresAt: dashboard.expiresAt }, 201)],
    });
    renderWithApi(<ApiTokensPage />, api.client);

    await screen.findByText('No token issued yet.');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Norad' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Donor'), { target: { value: norad.id } });
    fireEvent.change(screen.getByLabelText('What it is for'), { target: { value: 'Norad results dashboard' } });
    fireEvent.change(screen.getByLabelText('Last valid day'), { target: { value: '2027-01-10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue the token' }));

    const shown = await screen.findByLabelText<HTMLInputElement>('API token');
    expect(shown.value).toBe(secret);
    expect(shown.readOnly).toBe(true);
    expect(screen.getByRole('alert').textContent).toContain('This is the only time the token is shown');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Copy the token now' }));
    expect(JSON.parse(api.sent.find((request) => request.method === 'POST')!.body)).toEqual({
      donorId: norad.id,
      name: 'Norad results dashboard',
      expiresOn: '2027-01-10',
    });

    fireEvent.click(screen.getByRole('button', { name: 'Copy the token' }));
    await screen.findByText('Copied.');
    expect(writeText).toHaveBeenCalledWith(secret);

    // The refreshed list has the token by name, not its secret.
    const table = await screen.findByRole('table', { name: 'API tokens' });
    expect(within(table).getByText('Norad results dashboard')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('API token')).toBeNull();
    expect(document.body.textContent).not.toContain(secret);
    expect(screen.getByRole('button', { name: 'Issue the token' })).toBeTruthy();
  });

  it('retries an issue that failed with the same Idempotency-Key, so a lost answer issues no second token', async () => {
    const api = stubApi({
      'GET /api/v1/donors': [page(norad)],
      'GET /api/v1/api-tokens': [page(), page(dashboard)],
      'POST /api/v1/api-tokens': [
        problem(503, 'Service Unavailable', 'Try again.'),
        json({ id: dashboard.id, token: secret, expiresAt: dashboard.expiresAt }, 201),
      ],
    });
    renderWithApi(<ApiTokensPage />, api.client);

    await waitFor(() => expect(screen.getByRole('option', { name: 'Norad' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Donor'), { target: { value: norad.id } });
    fireEvent.change(screen.getByLabelText('What it is for'), { target: { value: 'Norad results dashboard' } });
    fireEvent.click(screen.getByRole('button', { name: 'Issue the token' }));
    await screen.findByText('Try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Issue the token' }));

    expect((await screen.findByLabelText<HTMLInputElement>('API token')).value).toBe(secret);
    const posts = api.sent.filter((request) => request.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[0]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]!.headers.get('Idempotency-Key')).toBe(posts[0]!.headers.get('Idempotency-Key'));
  });

  it('revokes a token after asking, and shows it revoked', async () => {
    const api = stubApi({
      'GET /api/v1/donors': [page(norad)],
      'GET /api/v1/api-tokens': [page(dashboard), page({ ...dashboard, revokedAt: '2025-02-01T08:30:00Z' })],
      'POST /api/v1/api-tokens/t0000000-0000-4000-8000-000000000001/revoke': [new Response(null, { status: 204 })],
    });
    renderWithApi(<ApiTokensPage />, api.client);

    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Norad results dashboard' }));
    expect(screen.getByText('Revoke "Norad results dashboard"? It stops working at once.')).toBeTruthy();
    expect(api.requests()).not.toContain('POST /api/v1/api-tokens/t0000000-0000-4000-8000-000000000001/revoke');
    fireEvent.click(screen.getByRole('button', { name: 'Yes, revoke' }));

    await screen.findByText(/^Revoked /);
    expect(screen.queryByRole('button', { name: 'Revoke Norad results dashboard' })).toBeNull();
    expect(api.requests()).toContain('POST /api/v1/api-tokens/t0000000-0000-4000-8000-000000000001/revoke');
  });

  it('speaks French', async () => {
    const api = stubApi({ 'GET /api/v1/donors': [page(norad)], 'GET /api/v1/api-tokens': [page(dashboard)] });
    renderWithApi(<ApiTokensPage />, api.client, { locale: 'fr' });
    await screen.findByRole('table', { name: "Jetons d'API" });
    expect(screen.getByRole('heading', { name: "Jetons d'API des bailleurs" })).toBeTruthy();
    expect(screen.getByLabelText('Dernier jour de validité')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Révoquer Norad results dashboard' })).toBeTruthy();
  });
});
