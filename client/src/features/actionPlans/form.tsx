import type { FormEvent, ReactNode } from 'react';
import type { Command } from '@/api/useCommand';
import { ProblemAlert } from '@/components/ProblemAlert';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';

/**
 * The frame every form of these screens shares: the API's problem above (field messages sit next
 * to their fields; a lost race offers to reload the record), the fields, and Save / Cancel.
 */
export function CommandForm({
  command,
  label,
  submitLabel,
  placedFields,
  onSubmit,
  onCancel,
  onReload,
  children,
}: {
  command: Pick<Command<never, unknown>, 'pending' | 'error'>;
  /** The form's accessible name (its heading's text). */
  label: string;
  submitLabel?: string;
  placedFields: readonly string[];
  onSubmit: () => void;
  onCancel?: () => void;
  onReload?: () => void;
  children: ReactNode;
}) {
  const t = useMessages(common);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!command.pending) onSubmit();
  }
  return (
    // noValidate: the API's messages are the ones shown, the same in every browser.
    <form className="form" aria-label={label} onSubmit={submit} noValidate>
      <div className="form-wide">
        <ProblemAlert error={command.error} placedFields={placedFields} onReload={onReload} />
      </div>
      {children}
      <div className="form-buttons">
        <button type="submit" disabled={command.pending}>
          {command.pending ? t.actions.saving : (submitLabel ?? t.actions.save)}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t.actions.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
