import type { Middleware } from 'openapi-fetch';
import { KeptInOutbox } from '@/api/call';
import { commandsThatMayWait } from '@/api/mayWait';
import { keepForLater } from './outbox';
import type { NewEntry } from './store';

/**
 * Keeps a command that may wait (see useCommand's `offline`) in the outbox when its request cannot reach
 * the server, and answers it with KeptInOutbox. The request is copied before it goes, as a sent body cannot
 * be read again. Nobody signed in: nothing is kept, as nobody could send it.
 */
export function outboxMiddleware(account: () => string | null): Middleware {
  const copies = new Map<string, Omit<NewEntry, 'account'>>();
  return {
    async onRequest({ request, schemaPath, id }) {
      const idempotencyKey = request.headers.get('Idempotency-Key');
      const about = commandsThatMayWait.about(idempotencyKey);
      if (request.method === 'GET' || idempotencyKey === null || about === undefined) return;
      const url = new URL(request.url, document.baseURI);
      copies.set(id, {
        about,
        method: request.method,
        path: url.pathname + url.search,
        operation: schemaPath,
        headers: [...request.headers.entries()],
        body: await request.clone().text(),
        idempotencyKey,
      });
    },
    onResponse({ id }) {
      copies.delete(id);
    },
    async onError({ id, error }) {
      const copy = copies.get(id);
      copies.delete(id);
      const who = account();
      if (!copy || who === null || (error instanceof DOMException && error.name === 'AbortError')) return;
      await keepForLater({ ...copy, account: who });
      return new KeptInOutbox();
    },
  };
}
