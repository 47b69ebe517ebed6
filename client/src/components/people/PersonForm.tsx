import type { FormEvent, ReactNode } from 'react';
import { Link } from 'react-router';
import type { Command } from '@/api/useCommand';
import { ProblemAlert } from '@/components/ProblemAlert';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';
import { LikelyDuplicate, type DuplicateCandidate, type PersonValues } from '@/lib/people/api';
import { DuplicatePrompt } from './DuplicatePrompt';
import { personFieldNames, PersonFields } from './PersonFields';

/**
 * A person's fields and the command that sends them, run with `false` first; when the API answers that
 * the registry likely holds this person, the prompt offers `use` on each candidate, or runs the command
 * again with `true` (confirmNewPerson or confirmDistinctPerson, as the command sends it).
 */
export function PersonForm({
  values,
  onChange,
  command,
  use,
  confirmLabel,
  submitLabel,
  cancelTo,
  onReload,
}: {
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  command: Command<boolean, unknown>;
  use: (candidate: DuplicateCandidate) => ReactNode;
  confirmLabel: string;
  submitLabel?: string;
  cancelTo?: string;
  onReload?: () => void;
}) {
  const shared = useMessages(common);

  function submit(event: FormEvent) {
    event.preventDefault();
    void command.run(false);
  }

  return (
    <>
      {command.error instanceof LikelyDuplicate ? (
        <DuplicatePrompt duplicate={command.error} use={use} confirm={() => void command.run(true)} confirmLabel={confirmLabel} pending={command.pending} />
      ) : (
        <ProblemAlert error={command.error} placedFields={personFieldNames} onReload={onReload} />
      )}
      <form className="form" onSubmit={submit} noValidate>
        <PersonFields values={values} onChange={onChange} errorsFor={command.errorsFor} />
        <div className="form-buttons">
          <button type="submit" disabled={command.pending}>
            {command.pending ? shared.actions.saving : (submitLabel ?? shared.actions.save)}
          </button>
          {cancelTo && (
            <Link className="button secondary" to={cancelTo}>
              {shared.actions.cancel}
            </Link>
          )}
        </div>
      </form>
    </>
  );
}
