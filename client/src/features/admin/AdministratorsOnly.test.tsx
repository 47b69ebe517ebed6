import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/App';
import { me } from '@/test/training';
import { stubApi } from '@/test/stubApi';

describe('AdministratorsOnly', () => {
  it('tells a coordinator who opens /admin that it is for administrators, and asks the API for nothing', async () => {
    const api = stubApi({ 'GET /api/v1/auth/me': [me('coordinator')] });
    render(<App client={api.client} at="/admin/users" locale="en" />);

    expect((await screen.findByRole('alert')).textContent).toBe('Only administrators manage accounts and reference data.');
    expect(api.requests()).toEqual(['GET /api/v1/auth/me']);
  });
});
