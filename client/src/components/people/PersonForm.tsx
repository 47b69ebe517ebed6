import type { ReactNode } from 'react';
import type { Command } from '@/api/useCommand';
import { RecordForm } from '@/components/RecordForm';
import { LikelyDuplicate, type DuplicateCandidate, type PersonValues } from '@/lib/people/api';
import type { Choice } from '@/lib/referenceData';
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
  moreAdministrations,
}: {
  values: PersonValues;
  onChange: (values: PersonValues) => void;
  command: Command<boolean, unknown>;
  use: (candidate: DuplicateCandidate) => ReactNode;
  confirmLabel: string;
  submitLabel?: string;
  cancelTo?: string;
  onReload?: () => void;
  /** See PersonFields. */
  moreAdministrations?: Choice[];
}) {
  const duplicate = command.error instanceof LikelyDuplicate ? command.error : null;
  return (
    <>
      {duplicate && (
        <DuplicatePrompt duplicate={duplicate} use={use} confirm={() => void command.run(true)} confirmLabel={confirmLabel} pending={command.pending} />
      )}
      <RecordForm
        // The prompt above answers a likely duplicate; the frame shows every other failure.
        command={duplicate ? { ...command, error: null } : command}
        onSubmit={() => void command.run(false)}
        onReload={onReload}
        placedFields={personFieldNames}
        submitLabel={submitLabel}
        cancelTo={cancelTo}
      >
        <PersonFields values={values} onChange={onChange} errorsFor={command.errorsFor} moreAdministrations={moreAdministrations} />
      </RecordForm>
    </>
  );
}
