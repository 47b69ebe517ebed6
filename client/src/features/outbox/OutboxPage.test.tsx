import { fireEvent, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { OutboxProvider, OutboxStatus } from '@/lib/offline';
import { forgetOutbox, keepForLater, sendWaiting } from '@/lib/offline/outbox';
import { deliverThrough } from '@/lib/offline/deliver';
import { renderWithApi } from '@/test/render';
import { problem, stubApi } from '@/test/stubApi';
import { OutboxPage } from './OutboxPage';

const trainer = 'trainer@integrity.demo';

function registration(familyName: string) {
  return {
    account: trainer,
    about: familyName,
    method: 'POST',
    path: '/api/v1/participants',
    operation: '/api/v1/participants',
    headers: [['idempotency-key', familyName]] as [string, string][],
    body: JSON.stringify({ familyName }),
    idempotencyKey: familyName,
  };
}

beforeEach(forgetOutbox);

describe('OutboxPage', () => {
  it('lists in French what waits and what was refused with the API’s words, says so in the header, and drops a refusal', async () => {
    await keepForLater(registration('Ouédraogo'));
    await keepForLater(registration('Zongo'));
    // Ouédraogo refused; Zongo then waits, the server not answering.
    await sendWaiting(trainer, deliverThrough(stubApi({ 'POST /api/v1/participants': [() => problem(400, 'Saisie invalide', 'Donnez les prénoms.')] }).client));
    const api = stubApi({ 'POST /api/v1/participants': [() => problem(503, 'Indisponible')] });

    renderWithApi(
      <OutboxProvider account={trainer}>
        <OutboxStatus />
        <OutboxPage />
      </OutboxProvider>,
      api.client,
      { locale: 'fr' },
    );

    await screen.findByRole('link', { name: '1 modification en attente d’envoi · 1 modification demande votre attention' });
    const refused = screen.getByRole('region', { name: 'Refusées (1)' });
    expect(within(refused).getByText('Enregistrement d’une personne : Ouédraogo')).toBeTruthy();
    expect(within(refused).getByText('Donnez les prénoms.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'En attente d’envoi (1)' })).getByText('Enregistrement d’une personne : Zongo')).toBeTruthy();

    fireEvent.click(within(refused).getByRole('button', { name: 'Supprimer : Enregistrement d’une personne : Ouédraogo' }));
    await screen.findByRole('region', { name: 'Refusées (0)' });
    expect(screen.getByRole('link', { name: '1 modification en attente d’envoi' })).toBeTruthy();
    // The provider tried the waiting one as it started, and the server's 503 kept it waiting.
    expect(api.requests()).toEqual(['POST /api/v1/participants']);
  });
});
