import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { ApiError, KeptInOutbox } from './call';
import { commandsThatMayWait } from './mayWait';

export interface CommandContext {
  /** The same key for every retry of one submission, a new one after it succeeded. */
  idempotencyKey: string;
}

export interface Command<V, R> {
  /** Sends the command; resolves to its answer, or undefined when it failed (the error is kept). */
  run: (variables: V) => Promise<R | undefined>;
  pending: boolean;
  error: ApiError | null;
  /** The API's messages for one field (`startsOn`, `sessions[0].endsAt`), for the form to show beside it. */
  errorsFor: (field: string) => string[] | undefined;
  reset: () => void;
}

export interface CommandOptions<V, R> {
  invalidates?: readonly QueryKey[];
  onDone?: (result: R, variables: V) => void;
  /**
   * Lets the command wait in the outbox when the server cannot be reached (no network): what it is about,
   * as the outbox lists it ("Adama Zongo", "Leadership workshop, 10 Mar 2025"). Its request must carry the
   * Idempotency-Key it is given. It then fails with KeptInOutbox, which ProblemAlert shows as kept, not failed.
   */
  offline?: (variables: V) => string;
}

/**
 * A use case sent from a form. The form keeps its own values, so nothing typed is lost when this
 * fails; the failure is kept for ProblemAlert and errorsFor, and the focus goes to the first field the
 * API named in the form that was sent. On success the listed queries are refetched and `onDone` runs.
 */
export function useCommand<V, R>(send: (variables: V, context: CommandContext) => Promise<R>, options: CommandOptions<V, R> = {}): Command<V, R> {
  const queryClient = useQueryClient();
  const key = useRef<string>(crypto.randomUUID());
  const mutation = useMutation<R, ApiError, V>({
    mutationFn: async (variables) => {
      const idempotencyKey = key.current;
      if (!options.offline) return send(variables, { idempotencyKey });
      commandsThatMayWait.add(idempotencyKey, options.offline(variables));
      try {
        return await send(variables, { idempotencyKey });
      } finally {
        commandsThatMayWait.remove(idempotencyKey);
      }
    },
    // Kept in the outbox, the submission is made: the next one is another (enrolling someone else).
    onError: (error) => {
      if (error instanceof KeptInOutbox) key.current = crypto.randomUUID();
    },
    onSuccess: async (result, variables) => {
      key.current = crypto.randomUUID();
      await Promise.all((options.invalidates ?? []).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      options.onDone?.(result, variables);
    },
  });
  const { mutateAsync, reset } = mutation;
  // The form being sent is the one holding the focus (its submit button, or the field Enter was pressed in).
  const sentFrom = useRef<HTMLFormElement | null>(null);
  const run = useCallback(
    (variables: V) => {
      sentFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement.closest('form') : null;
      return mutateAsync(variables).catch((error: unknown) => {
        if (error instanceof ApiError) return undefined;
        throw error;
      });
    },
    [mutateAsync],
  );
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  useEffect(() => {
    if (error && Object.keys(error.fieldErrors).length > 0)
      sentFrom.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);
  const errorsFor = useCallback((field: string) => error?.fieldErrors[field.toLowerCase()], [error]);
  return { run, pending: mutation.isPending, error, errorsFor, reset };
}
