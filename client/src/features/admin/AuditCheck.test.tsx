import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '@/test/render';
import { json, stubApi } from '@/test/stubApi';
import { AuditCheck } from './AuditCheck';

describe('AuditCheck', () => {
  it('verifies the audit trail only when asked, and says what it found', async () => {
    const api = stubApi({
      'GET /api/v1/audit/verify': [
        json({ valid: true, entries: 1234 }),
        json({ valid: false, entries: 1234, firstBrokenPosition: 17, problem: 'Entry 17 does not follow from entry 16.' }),
      ],
    });
    renderWithApi(<AuditCheck />, api.client);
    expect(api.requests()).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Verify the audit trail' }));
    expect((await screen.findByRole('status')).textContent).not.toBe('');
    await screen.findByText('The audit trail is intact: 1,234 entries checked.');

    fireEvent.click(screen.getByRole('button', { name: 'Verify the audit trail' }));
    await screen.findByText(/The audit trail is broken at entry 17\. Entry 17 does not follow from entry 16\./);
    expect(api.requests()).toEqual(['GET /api/v1/audit/verify', 'GET /api/v1/audit/verify']);
  });

  it('speaks French', async () => {
    const api = stubApi({ 'GET /api/v1/audit/verify': [json({ valid: true, entries: 1234 })] });
    renderWithApi(<AuditCheck />, api.client, { locale: 'fr' });
    fireEvent.click(screen.getByRole('button', { name: "Vérifier la piste d'audit" }));
    await screen.findByText(/La piste d'audit est intacte : 1\s234 entrées vérifiées\./);
  });
});
