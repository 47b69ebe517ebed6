import { ApiError, call } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';

export type Me = components['schemas']['Me'];
export type Role = Me['role'];
export type Credentials = components['schemas']['SignIn'];

/** The one path whose 401 means "these credentials are wrong", not "the session has ended". */
export const SIGN_IN_PATH = '/api/v1/auth/sign-in';

/** Who is signed in (the session cookie goes with the request); null when nobody is. */
export async function fetchMe(client: ApiClient, signal?: AbortSignal): Promise<Me | null> {
  try {
    return await call(client.GET('/api/v1/auth/me', { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Signs in; the API answers with a session cookie (HttpOnly, so never seen here) and the account. */
export function signIn(client: ApiClient, credentials: Credentials): Promise<Me> {
  return call(client.POST(SIGN_IN_PATH, { body: credentials }));
}

export async function signOut(client: ApiClient): Promise<void> {
  await call(client.POST('/api/v1/auth/sign-out'));
}
