import { toFieldErrors, toProblem, type Problem } from './problem';

/**
 * A request that did not succeed. `status` 0 means the server could not be reached; the
 * problem and field errors are the API's own words.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  static fromResponse(error: unknown, status: number): ApiError {
    return new ApiError(status, toProblem(error), toFieldErrors(error));
  }

  get unreachable(): boolean {
    return this.status === 0;
  }

  /** 412: the record changed since it was read (If-Match no longer matches). */
  get lostRace(): boolean {
    return this.status === 412;
  }
}

/**
 * The server could not be reached, so the command waits in this device's outbox and is sent when the
 * network returns: nothing typed is lost, and the form says where it went instead of showing a failure.
 */
export class KeptInOutbox extends ApiError {
  constructor() {
    super(0, {}, {});
    this.name = 'KeptInOutbox';
  }
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Awaits an openapi-fetch call: its data when it succeeded, else throws an ApiError. */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (thrown) {
    // A middleware may have answered the failure already (the outbox keeps a command for later).
    if (thrown instanceof ApiError || (thrown instanceof DOMException && thrown.name === 'AbortError')) throw thrown;
    throw new ApiError(0, {}, {});
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.error, result.response.status);
  return result.data as T;
}

/** If-Match for a record at `version` (the API's ETags are strong: version 3 is "3"). */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}

/** Idempotency-Key, so a create retried after a lost answer makes one record, not two. */
export function idempotent(key: string): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}
