import type { ApiClient } from '@/api/client';
import { toFieldErrors, toProblem } from '@/api/problem';
import type { Answer } from './outbox';
import type { OutboxEntry } from './store';

/** openapi-fetch's untyped way to send a request it did not build: the entry's path is already filled in. */
type Send = (
  method: string,
  path: string,
  init: { headers: Record<string, string>; body?: string; bodySerializer: (body: string) => string },
) => Promise<{ response: Response; error?: unknown }>;

/**
 * Sends an entry again as it was made (its body, Idempotency-Key, If-Match and language) through the API
 * client, whose middleware still notices an ended session. No answer at all is status 0.
 */
export function deliverThrough(client: ApiClient): (entry: OutboxEntry) => Promise<Answer> {
  const send = client.request as unknown as Send;
  return async (entry) => {
    try {
      const { response, error } = await send(entry.method, entry.path, {
        headers: Object.fromEntries(entry.headers),
        body: entry.body === '' ? undefined : entry.body,
        bodySerializer: (body) => body,
      });
      if (response.ok) return { status: response.status };
      return { status: response.status, problem: { ...toProblem(error), messages: Object.values(toFieldErrors(error)).flat() } };
    } catch {
      return { status: 0 };
    }
  };
}
