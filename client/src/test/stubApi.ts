import { vi } from 'vitest';
import { createApiClient } from '@/api/client';

export const origin = 'http://integrity.test';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

export function problem(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}): Response {
  return new Response(JSON.stringify({ title, status, ...(detail ? { detail } : {}), ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

type Answer = Response | Promise<Response> | (() => Response | Promise<Response>);

export interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: string;
}

/**
 * A fake API: each "METHOD /path" answers with the next of its responses, in order; anything
 * else fails the test. Records every request (query, headers, body) for assertions.
 */
export function stubApi(routes: Record<string, Answer[]>) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    const key = `${request.method} ${url.pathname}`;
    sent.push({ method: request.method, path: url.pathname, query: url.searchParams, headers: request.headers, body: await request.text() });
    const answer = routes[key]?.shift();
    if (!answer) throw new Error(`unexpected request ${key}`);
    return typeof answer === 'function' ? answer() : answer;
  });
  // Node's Request (used under jsdom) rejects relative URLs, so tests give an absolute origin.
  const client = createApiClient({ baseUrl: origin, fetch });
  return { client, sent, requests: () => sent.map(({ method, path }) => `${method} ${path}`) };
}
