import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useCallback, useState, type ComponentType, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import type { ApiClient } from '@/api/client';
import { useCommand, type Command } from '@/api/useCommand';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';

/** What the form shows, typed by the user; kept as it is when a save fails or the record is reloaded. */
export function useFormValues<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const set = useCallback(
    <K extends keyof V>(key: K) =>
      (value: V[K]) =>
        setValues((current) => ({ ...current, [key]: value })),
    [],
  );
  return { values, set, setValues };
}

export interface Versioned {
  id: string;
  version: number;
}

/**
 * Registers a new record (with an Idempotency-Key), or updates the edited one at the version that
 * was read (If-Match, so a concurrent change answers 412), then goes back to `doneTo`.
 */
export function useSaveCommand<B>({
  record,
  register,
  update,
  invalidates,
  doneTo,
}: {
  record?: Versioned;
  register: (client: ApiClient, body: B, idempotencyKey: string) => Promise<unknown>;
  update: (client: ApiClient, id: string, body: B, version: number) => Promise<unknown>;
  invalidates: readonly QueryKey[];
  doneTo: string;
}) {
  const client = useApiClient();
  const navigate = useNavigate();
  return useCommand<B, unknown>(
    (body, { idempotencyKey }) =>
      record ? update(client, record.id, body, record.version) : register(client, body, idempotencyKey),
    { invalidates, onDone: () => void navigate(doneTo) },
  );
}

/**
 * The frame of every form that sends a command: its fields, what went wrong (field messages sit next to their
 * fields; a 412 offers to reload the record), Save and Cancel. Cancel goes to `cancelTo`, or calls `onCancel`
 * for a form shown inside a page or one that goes back where the user came from.
 */
export function RecordForm({
  command,
  onSubmit,
  onReload,
  placedFields,
  cancelTo,
  onCancel,
  label,
  submitLabel,
  pendingLabel,
  cancelLabel,
  problemLead,
  children,
}: {
  command: Pick<Command<never, unknown>, 'pending' | 'error' | 'reset'>;
  onSubmit: () => void;
  onReload?: () => void;
  /** The fields whose API messages show beside them. */
  placedFields: readonly string[];
  cancelTo?: string;
  onCancel?: () => void;
  /** The form's accessible name, when a page holds several forms. */
  label?: string;
  submitLabel?: string;
  /** The submit button's text while the command is sent ("Uploading…"); "Saving…" when not given. */
  pendingLabel?: string;
  cancelLabel?: string;
  /** What the failure means here, said before the API's words. */
  problemLead?: string;
  children: ReactNode;
}) {
  const t = useMessages(common);
  return (
    <form
      className="form"
      aria-label={label}
      // noValidate: the API's messages are the ones shown, the same in every browser.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!command.pending) onSubmit();
      }}
    >
      {/* Shown only when the form has a required field (styles.css): their labels carry the star. */}
      <p className="form-wide form-required-note">{t.requiredNote}</p>
      {children}
      {command.error && (
        <div className="form-wide">
          <ProblemAlert
            error={command.error}
            lead={problemLead}
            placedFields={placedFields}
            onReload={
              onReload &&
              (() => {
                command.reset();
                onReload();
              })
            }
          />
        </div>
      )}
      <div className="form-buttons">
        <button type="submit" disabled={command.pending}>
          {command.pending ? (pendingLabel ?? t.actions.saving) : (submitLabel ?? t.actions.save)}
        </button>
        {cancelTo !== undefined && (
          <Link className="button secondary" to={cancelTo}>
            {cancelLabel ?? t.actions.cancel}
          </Link>
        )}
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {cancelLabel ?? t.actions.cancel}
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * The screen that edits the record named by the route's `:id`. The record is read afresh on every
 * visit and then only on Reload: a background refetch would move the version under the user's
 * typing and let their save overwrite a change they never saw.
 */
export function EditRecordPage<R>({
  title,
  queryKey,
  load,
  children,
}: {
  title: string;
  queryKey: QueryKey;
  load: (client: ApiClient, id: string, signal: AbortSignal) => Promise<R>;
  children: (record: R, reload: () => void) => ReactNode;
}) {
  const { id = '' } = useParams();
  const client = useApiClient();
  const query = useQuery({
    queryKey: [...queryKey, 'one', id],
    queryFn: ({ signal }) => load(client, id, signal),
    staleTime: Infinity,
    refetchOnMount: 'always',
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  let content: ReactNode;
  if (query.data && query.isFetchedAfterMount) {
    // A failed reload keeps the form (and what was typed) and says why.
    content = (
      <>
        {query.error && <ProblemAlert error={query.error} />}
        {children(query.data, () => void query.refetch())}
      </>
    );
  } else if (query.error && !query.isFetching) {
    content = <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />;
  } else {
    content = <Loading />;
  }
  return <Page title={title}>{content}</Page>;
}

/** The props of a record's form: no record to register one, the record read to update it. */
export interface RecordFormProps<R> {
  record?: R;
  onReload?: () => void;
}

/** The two screens of a record's form: register a new one, and update the one at `:id`. */
export function formPages<R>(
  Form: ComponentType<RecordFormProps<R>>,
  {
    useTitles,
    queryKey,
    load,
  }: {
    useTitles: () => { register: string; edit: string };
    queryKey: QueryKey;
    load: (client: ApiClient, id: string, signal: AbortSignal) => Promise<R>;
  },
) {
  return {
    Register: function Register() {
      return (
        <Page title={useTitles().register}>
          <Form />
        </Page>
      );
    },
    Update: function Update() {
      return (
        <EditRecordPage title={useTitles().edit} queryKey={queryKey} load={load}>
          {(record, reload) => <Form record={record} onReload={reload} />}
        </EditRecordPage>
      );
    },
  };
}
