import { messages } from '@/lib/messages';

/** What the user is shown when a request fails: an RFC 9457 problem's title and detail. */
export interface Problem {
  title: string;
  detail?: string;
}

/**
 * Reads an error body from openapi-fetch (parsed problem+json, or plain text when the server
 * or a proxy answered something else) into a Problem, never showing raw markup or a blank message.
 */
export function toProblem(error: unknown, status?: number): Problem {
  if (typeof error === 'object' && error !== null) {
    const { title, detail } = error as { title?: unknown; detail?: unknown };
    if (typeof title === 'string' && title.trim() !== '') {
      return { title, detail: typeof detail === 'string' && detail.trim() !== '' ? detail : undefined };
    }
    if (typeof detail === 'string' && detail.trim() !== '') {
      return { title: messages.errors.requestFailed(status), detail };
    }
  }
  return { title: messages.errors.requestFailed(status) };
}
