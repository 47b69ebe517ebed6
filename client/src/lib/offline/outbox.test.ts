import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError, call, idempotent, KeptInOutbox } from '@/api/call';
import { commandsThatMayWait } from '@/api/mayWait';
import { json, problem, stubApi } from '@/test/stubApi';
import { deliverThrough } from './deliver';
import { outboxMiddleware } from './middleware';
import { drop, entriesOf, forgetOutbox, keepForLater, retry, sendWaiting } from './outbox';
import type { NewEntry } from './store';

const trainer = 'trainer@integrity.demo';
const unreachable = () => Promise.reject(new TypeError('Failed to fetch'));

function entry(about: string, account = trainer): NewEntry {
  return {
    account,
    about,
    method: 'POST',
    path: '/api/v1/participants',
    operation: '/api/v1/participants',
    headers: [
      ['content-type', 'application/json'],
      ['idempotency-key', `key-${about}`],
    ],
    body: JSON.stringify({ familyName: about }),
    idempotencyKey: `key-${about}`,
  };
}

const states = async (account = trainer) => (await entriesOf(account)).map((kept) => [kept.about, kept.state]);

beforeEach(forgetOutbox);

describe('the outbox middleware', () => {
  it('keeps a command that may wait, with its key, body and headers, when the server cannot be reached', async () => {
    const api = stubApi({ 'POST /api/v1/participants': [unreachable] });
    api.client.use(outboxMiddleware(() => trainer));
    commandsThatMayWait.add('k-1', 'Awa Compaoré');
    const body = { familyName: 'Compaoré', givenNames: 'Awa', sex: 'female' as const, administrationId: 'a', service: 'operational' as const };

    const failure = await call(api.client.POST('/api/v1/participants', { body, headers: { ...idempotent('k-1'), 'Accept-Language': 'fr' } })).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(KeptInOutbox);
    const [kept, ...others] = await entriesOf(trainer);
    expect(others).toEqual([]);
    expect(kept).toMatchObject({ about: 'Awa Compaoré', state: 'waiting', method: 'POST', path: '/api/v1/participants', idempotencyKey: 'k-1' });
    expect(JSON.parse(kept!.body)).toEqual(body);
    expect(Object.fromEntries(kept!.headers)).toMatchObject({ 'idempotency-key': 'k-1', 'accept-language': 'fr' });
  });

  it('keeps nothing of a command that may not wait, of one the server answered, or when nobody is signed in', async () => {
    const api = stubApi({ 'POST /api/v1/participants': [unreachable, () => problem(400, 'Invalid'), unreachable] });
    let account: string | null = trainer;
    api.client.use(outboxMiddleware(() => account));
    const send = (key: string) => call(api.client.POST('/api/v1/participants', { body: entry(key) as never, headers: idempotent(key) })).catch((error: unknown) => error);

    const notMarked = await send('k-2');
    commandsThatMayWait.add('k-3', 'refused');
    const refused = await send('k-3');
    commandsThatMayWait.add('k-4', 'nobody');
    account = null;
    const nobody = await send('k-4');

    expect([notMarked, refused, nobody].map((error) => [error instanceof KeptInOutbox, (error as ApiError).status])).toEqual([
      [false, 0],
      [false, 400],
      [false, 0],
    ]);
    expect(await entriesOf(trainer)).toEqual([]);
  });
});

describe('sending the outbox', () => {
  it('sends in the order the changes were made, again with their Idempotency-Key, and stops at the first that must wait', async () => {
    for (const about of ['first', 'second', 'third']) await keepForLater(entry(about));
    const api = stubApi({ 'POST /api/v1/participants': [json({ id: '1' }, 201), () => problem(503, 'Unavailable'), json({ id: '2' }, 201), json({ id: '3' }, 201)] });

    expect(await sendWaiting(trainer, deliverThrough(api.client))).toBe(1);
    expect(api.sent.map((request) => [JSON.parse(request.body).familyName, request.headers.get('Idempotency-Key')])).toEqual([
      ['first', 'key-first'],
      ['second', 'key-second'],
    ]);
    expect(await states()).toEqual([
      ['first', 'sent'],
      ['second', 'waiting'],
      ['third', 'waiting'],
    ]);

    // The network back: the rest go, and what was sent is not sent again.
    expect(await sendWaiting(trainer, deliverThrough(api.client))).toBe(2);
    expect(api.sent.map((request) => JSON.parse(request.body).familyName)).toEqual(['first', 'second', 'second', 'third']);
    expect(await states()).toEqual([
      ['first', 'sent'],
      ['second', 'sent'],
      ['third', 'sent'],
    ]);
  });

  it('marks a 409 or 412 a conflict and never sends it again, and keeps on with the next', async () => {
    for (const about of ['duplicate', 'stale', 'fine']) await keepForLater(entry(about));
    const api = stubApi({
      'POST /api/v1/participants': [
        () => problem(409, 'Likely duplicate', 'Ilboudo Rasmané is registered already.'),
        () => problem(412, 'Changed meanwhile'),
        json({ id: '3' }, 201),
      ],
    });

    await sendWaiting(trainer, deliverThrough(api.client));
    await sendWaiting(trainer, deliverThrough(api.client));

    expect(api.sent).toHaveLength(3);
    const kept = await entriesOf(trainer);
    expect(kept.map((one) => [one.about, one.state, one.status])).toEqual([
      ['duplicate', 'conflict', 409],
      ['stale', 'conflict', 412],
      ['fine', 'sent', 201],
    ]);
    expect(kept[0]!.problem).toEqual({ title: 'Likely duplicate', detail: 'Ilboudo Rasmané is registered already.', messages: [] });
    // A conflict is not put back in line.
    await retry(kept[0]!.id);
    expect((await entriesOf(trainer))[0]!.state).toBe('conflict');
  });

  it('marks another 4xx failed with the API’s problem; tried again it is sent, and dropped it is gone', async () => {
    await keepForLater(entry('invalid'));
    await keepForLater(entry('refused'));
    const api = stubApi({
      'POST /api/v1/participants': [
        () => problem(400, 'Invalid input', undefined, { errors: { givenNames: ['Give the given names.'] } }),
        () => problem(403, 'Forbidden'),
        json({ id: '1' }, 201),
      ],
    });

    await sendWaiting(trainer, deliverThrough(api.client));
    const [invalid, refused] = await entriesOf(trainer);
    expect([invalid!.state, invalid!.problem]).toEqual(['failed', { title: 'Invalid input', messages: ['Give the given names.'] }]);
    expect(refused!.state).toBe('failed');

    await retry(invalid!.id);
    await drop(refused!.id);
    await sendWaiting(trainer, deliverThrough(api.client));
    expect(await states()).toEqual([['invalid', 'sent']]);
  });

  it('keeps a session that ended waiting, for after signing in again, and neither lists nor sends another account’s changes', async () => {
    await keepForLater(entry('mine'));
    await keepForLater(entry('theirs', 'coordinator@integrity.demo'));
    const api = stubApi({ 'POST /api/v1/participants': [() => problem(401, 'Unauthorized'), json({ id: '1' }, 201)] });

    expect(await sendWaiting(trainer, deliverThrough(api.client))).toBe(0);
    expect(await states()).toEqual([['mine', 'waiting']]);
    expect(await sendWaiting(trainer, deliverThrough(api.client))).toBe(1);
    expect(api.sent.map((request) => JSON.parse(request.body).familyName)).toEqual(['mine', 'mine']);
    expect(await states('coordinator@integrity.demo')).toEqual([['theirs', 'waiting']]);
  });
});
