import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/App';
import { me } from '@/test/training';
import { stubApi } from '@/test/stubApi';

describe('RequestLanguage', () => {
  it('asks the API to answer in the language of the screen, and in the new one once switched', async () => {
    const api = stubApi({ 'GET /api/v1/auth/me': [me('coordinator'), me('coordinator')] });
    render(<App client={api.client} at="/admin/users" locale="fr" />);

    await screen.findByRole('alert');
    expect(api.sent.map((request) => request.headers.get('Accept-Language'))).toEqual(['fr']);

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByText('Only administrators manage accounts and reference data.');
    api.client.GET('/api/v1/auth/me').catch(() => undefined);
    await waitFor(() => expect(api.sent.map((request) => request.headers.get('Accept-Language'))).toEqual(['fr', 'en']));
  });
});
