import type { ApiClient } from '@/api/client';
import { toProblem, type Problem } from '@/api/problem';
import type { components } from '@/api/schema';
import { messages } from '@/lib/messages';

export type Me = components['schemas']['Me'];
export type Role = Me['role'];
export type Credentials = components['schemas']['SignIn'];
export type CredentialField = keyof Credentials;

/** The one path whose 401 means "these credentials are wrong", not "the session has ended". */
export const SIGN_IN_PATH = '/api/v1/auth/sign-in';

export const networkProblem: Problem = { title: messages.errors.network, detail: messages.errors.networkDetail };

export type MeResult =
  | { kind: 'signedIn'; me: Me }
  | { kind: 'signedOut' }
  | { kind: 'failed'; problem: Problem };

/** Who is signed in: the session cookie goes with the request; a 401 means nobody is. */
export async function fetchMe(client: ApiClient, signal?: AbortSignal): Promise<MeResult> {
  try {
    const { data, error, response } = await client.GET('/api/v1/auth/me', { signal });
    if (data) return { kind: 'signedIn', me: data };
    if (response.status === 401) return { kind: 'signedOut' };
    return { kind: 'failed', problem: toProblem(error, response.status) };
  } catch (thrown) {
    if (signal?.aborted) throw thrown;
    return { kind: 'failed', problem: networkProblem };
  }
}

export type FieldErrors = Partial<Record<CredentialField, string[]>>;

export type SignInResult =
  | { ok: true; me: Me }
  /** `problem` is null when every error has a field to be shown next to. */
  | { ok: false; status?: number; problem: Problem | null; fieldErrors: FieldErrors };

const fields: readonly CredentialField[] = ['email', 'password'];

/**
 * Reads the `errors` of a validation problem into the form's fields (the API names them in
 * camelCase; compared without case to be safe). Messages for anything else are returned apart.
 */
export function toFieldErrors(error: unknown): { fieldErrors: FieldErrors; otherErrors: string[] } {
  const fieldErrors: FieldErrors = {};
  const otherErrors: string[] = [];
  const errors = typeof error === 'object' && error !== null ? (error as { errors?: unknown }).errors : undefined;
  if (typeof errors !== 'object' || errors === null) return { fieldErrors, otherErrors };
  for (const [key, value] of Object.entries(errors)) {
    const list = (Array.isArray(value) ? value : [value]).filter(
      (message): message is string => typeof message === 'string' && message.trim() !== '',
    );
    if (list.length === 0) continue;
    const field = fields.find((name) => name.toLowerCase() === key.toLowerCase());
    if (field) fieldErrors[field] = [...(fieldErrors[field] ?? []), ...list];
    else otherErrors.push(...list);
  }
  return { fieldErrors, otherErrors };
}

/** Signs in; the API answers with a session cookie (HttpOnly, so never seen here) and the account. */
export async function signIn(client: ApiClient, credentials: Credentials): Promise<SignInResult> {
  try {
    const { data, error, response } = await client.POST(SIGN_IN_PATH, { body: credentials });
    if (data) return { ok: true, me: data };
    const problem = toProblem(error, response.status);
    if (response.status !== 400) return { ok: false, status: response.status, problem, fieldErrors: {} };
    const { fieldErrors, otherErrors } = toFieldErrors(error);
    const placed = Object.keys(fieldErrors).length > 0;
    return {
      ok: false,
      status: 400,
      // Errors the form cannot put next to a field are shown in the alert instead.
      problem:
        otherErrors.length > 0 ? { title: problem.title, detail: otherErrors.join(' ') } : placed ? null : problem,
      fieldErrors,
    };
  } catch {
    return { ok: false, problem: networkProblem, fieldErrors: {} };
  }
}

/** Ends the session; null when it has ended, else the problem to show. */
export async function signOut(client: ApiClient): Promise<Problem | null> {
  try {
    const { error, response } = await client.POST('/api/v1/auth/sign-out');
    return response.ok ? null : toProblem(error, response.status);
  } catch {
    return networkProblem;
  }
}
