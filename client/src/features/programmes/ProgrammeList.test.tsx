import { screen, within, fireEvent } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '@/api/client';
import { renderWithApi } from '@/test/render';
import { json, origin, problem, stubApi } from '@/test/stubApi';
import { ProgrammeList } from './ProgrammeList';
import type { ProgrammeSummary } from '@/lib/referenceData';

function programme(code: string, overrides: Partial<ProgrammeSummary> = {}): ProgrammeSummary {
  return {
    id: `00000000-0000-4000-8000-${code.replace(/\D/g, '').padStart(12, '0')}`,
    code,
    name: `Programme ${code}`,
    startsOn: '2024-01-01',
    endsOn: '2025-12-31',
    donors: [],
    administrations: [],
    version: 1,
    ...overrides,
  };
}

/** The programmes endpoint answering with these responses, one per request, in order. */
function stubServer(...responses: Response[]) {
  return stubApi({ 'GET /api/v1/programmes': responses });
}

function renderList(client: ReturnType<typeof createApiClient>) {
  return renderWithApi(<ProgrammeList />, client);
}

/** Body rows as arrays of cell texts. */
function bodyRows(): string[][] {
  const table = screen.getByRole('table', { name: 'Anti-corruption programmes' });
  const [, body] = within(table).getAllByRole('rowgroup');
  return within(body!)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent ?? ''));
}

describe('ProgrammeList', () => {
  it('shows a loading state, then one row per programme with code, name, period, donors and administrations', async () => {
    const { client, sent } = stubServer(
      json({
        items: [
          programme('P1', {
            name: 'Integrity in West African customs',
            startsOn: '2024-03-01',
            endsOn: '2026-02-28',
            donors: [
              { id: '11111111-1111-4111-8111-111111111111', code: 'EU', name: 'European Union' },
              { id: '22222222-2222-4222-8222-222222222222', code: 'NO', name: 'Norway' },
            ],
            administrations: [
              {
                id: '33333333-3333-4333-8333-333333333333',
                countryCode: 'GH',
                nameEn: 'Ghana Revenue Authority',
                nameFr: 'Autorité fiscale du Ghana',
              },
              {
                id: '44444444-4444-4444-8444-444444444444',
                countryCode: 'SN',
                nameEn: 'Senegal Customs',
                nameFr: 'Douanes sénégalaises',
              },
            ],
          }),
          programme('P2', { name: 'Mercator Integrity' }),
        ],
        nextCursor: null,
      }),
    );

    renderList(client);

    expect(screen.getByRole('status').textContent).toBe('Loading programmes…');
    await screen.findByRole('table');

    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Code',
      'Name',
      'Period',
      'Donors',
      'Administrations',
    ]);
    expect(bodyRows()).toEqual([
      [
        'P1',
        'Integrity in West African customs',
        '1 Mar 2024 – 28 Feb 2026',
        'European Union, Norway',
        'Ghana Revenue Authority, Senegal Customs',
      ],
      ['P2', 'Mercator Integrity', '1 Jan 2024 – 31 Dec 2025', 'None', 'None'],
    ]);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path).toBe('/api/v1/programmes');
    expect(sent[0]!.query.get('limit')).toBe('50');
    expect(sent[0]!.query.has('cursor')).toBe(false);
  });

  it('"Load more" asks for the next cursor and appends its rows', async () => {
    const { client, sent } = stubServer(
      json({ items: [programme('P1'), programme('P2')], nextCursor: 'cursor-after-P2' }),
      json({ items: [programme('P3')], nextCursor: null }),
    );

    renderList(client);
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    await screen.findByText('P3');
    expect(bodyRows().map(([code]) => code)).toEqual(['P1', 'P2', 'P3']);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.query.get('cursor')).toBe('cursor-after-P2');
    expect(sent[1]!.query.get('limit')).toBe('50');
    // The last page has no next cursor, so there is nothing more to load.
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
    expect(screen.getByText('3 shown')).toBeTruthy();
  });

  it('shows the title and detail of a problem response instead of the table', async () => {
    const { client } = stubServer(
      problem(401, 'Unauthorized', 'Sign in to see programmes.', { type: 'https://tools.ietf.org/html/rfc9110#section-15.5.2' }),
    );

    renderList(client);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Unauthorized');
    expect(alert.textContent).toContain('Sign in to see programmes.');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('keeps the rows already shown when loading more fails, and lets the user retry', async () => {
    const { client, sent } = stubServer(
      json({ items: [programme('P1')], nextCursor: 'c2' }),
      problem(400, 'Invalid cursor', 'The cursor has expired.'),
      json({ items: [programme('P2')], nextCursor: null }),
    );

    renderList(client);
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The cursor has expired.');
    expect(bodyRows().map(([code]) => code)).toEqual(['P1']);

    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    await screen.findByText('P2');
    expect(bodyRows().map(([code]) => code)).toEqual(['P1', 'P2']);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(sent.map((request) => request.query.get('cursor'))).toEqual([null, 'c2', 'c2']);
  });

  it('says when the server cannot be reached', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    renderList(createApiClient({ baseUrl: origin, fetch }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not reach the server.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
