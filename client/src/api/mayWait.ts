/**
 * The Idempotency-Keys of commands being sent that may wait in the outbox if the network fails, each with
 * what the command is about (as the outbox lists it). useCommand fills it; the outbox's middleware reads it,
 * since a request carries its key but not the form it came from.
 */
const waiting = new Map<string, string>();

export const commandsThatMayWait = {
  add: (idempotencyKey: string, about: string) => void waiting.set(idempotencyKey, about),
  remove: (idempotencyKey: string) => void waiting.delete(idempotencyKey),
  about: (idempotencyKey: string | null): string | undefined => (idempotencyKey === null ? undefined : waiting.get(idempotencyKey)),
};
