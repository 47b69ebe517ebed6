import { announceChange, database, type NewEntry, type OutboxEntry } from './store';

/** Sent entries stay listed this long, as long as the API remembers their Idempotency-Key (Idempotency:KeepHours). */
const SENT_KEPT_MS = 24 * 3_600_000;

/** Keeps a command for later, behind those already waiting. */
export async function keepForLater(entry: NewEntry): Promise<OutboxEntry> {
  const kept = { ...entry, state: 'waiting' as const, madeAt: new Date().toISOString() };
  const id = await (await database()).add('outbox', kept as OutboxEntry);
  announceChange();
  return { ...kept, id };
}

/** The account's entries in the order they were made; sent ones only for a day. */
export async function entriesOf(account: string): Promise<OutboxEntry[]> {
  const since = Date.now() - SENT_KEPT_MS;
  return (await (await database()).getAll('outbox')).filter(
    (entry) => entry.account === account && !(entry.state === 'sent' && Date.parse(entry.triedAt ?? entry.madeAt) < since),
  );
}

async function change(id: number, update: (entry: OutboxEntry) => OutboxEntry | null) {
  const db = await database();
  const transaction = db.transaction('outbox', 'readwrite');
  const entry = await transaction.store.get(id);
  const updated = entry && update(entry);
  if (updated) await transaction.store.put(updated);
  await transaction.done;
  announceChange();
}

/** A failed entry goes back in line, after the user fixed what the API said (a conflict is never sent again). */
export const retry = (id: number) => change(id, (entry) => (entry.state === 'failed' ? { ...entry, state: 'waiting' } : null));

export async function drop(id: number) {
  await (await database()).delete('outbox', id);
  announceChange();
}

/** What the API's answer means for an entry; `wait` keeps it, and those after it, for the next try. */
export type Outcome = 'sent' | 'conflict' | 'failed' | 'wait';

/**
 * 0 is no answer at all. A 409 or 412 means the record moved on (someone changed it, or it exists already):
 * sending again could overwrite their change, so it never is. Other 4xx say what is wrong with the command,
 * except 401 (the session ended: sent after signing in again), 408 and 429 (try later). A 5xx is the server's.
 */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 0 || status === 401 || status === 408 || status === 429 || status >= 500) return 'wait';
  return 'failed';
}

export interface Answer {
  status: number;
  problem?: OutboxEntry['problem'];
}

/**
 * Sends the account's waiting entries one after the other, in the order they were made, and records each
 * answer. The first that must wait stops the run: those after it may depend on it (a person registered,
 * then enrolled). Resolves to how many were sent.
 */
export async function sendWaiting(account: string, deliver: (entry: OutboxEntry) => Promise<Answer>): Promise<number> {
  let sent = 0;
  for (const entry of (await entriesOf(account)).filter((candidate) => candidate.state === 'waiting')) {
    const answer = await deliver(entry);
    const outcome = outcomeOf(answer.status);
    const triedAt = new Date().toISOString();
    await change(entry.id, (current) =>
      // Dropped meanwhile (or dropped and made again): nothing to record.
      current.state !== 'waiting' ? null : { ...current, triedAt, status: answer.status, problem: answer.problem, state: outcome === 'wait' ? 'waiting' : outcome },
    );
    if (outcome === 'wait') break;
    if (outcome === 'sent') sent++;
  }
  return sent;
}

/** Everything this device kept for the signed-in person: another person may use it next. */
export async function forgetOutbox() {
  const db = await database();
  await Promise.all([db.clear('outbox'), db.clear('kept')]);
  announceChange();
}
