import type { ReactNode } from 'react';
import { RecordTable } from '@/components/RecordTable';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { DuplicateCandidate, LikelyDuplicate } from '@/lib/people/api';
import { participantMessages } from '@/lib/people/messages';

export function fullName(person: { familyName: string; givenNames: string }) {
  return `${person.givenNames} ${person.familyName}`;
}

/**
 * The API's answer to a likely duplicate: whom the person may be, with a way to use each of them
 * (`use`), and the confirmation that this is someone else (`confirm`, which resends with the flag).
 */
export function DuplicatePrompt({
  duplicate,
  use,
  confirm,
  confirmLabel,
  pending,
}: {
  duplicate: LikelyDuplicate;
  use: (candidate: DuplicateCandidate) => ReactNode;
  confirm: () => void;
  confirmLabel: string;
  pending: boolean;
}) {
  const t = useMessages(participantMessages);
  const name = useBilingual();
  return (
    <section role="alert" className="problem" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">{t.duplicate.heading}</h2>
      <p>{t.duplicate.intro}</p>
      {duplicate.candidates.length > 0 && (
        <RecordTable
          caption={t.duplicate.caption}
          rows={duplicate.candidates}
          rowKey={(candidate) => candidate.id}
          columns={[
            { header: t.columns.name, cell: fullName },
            { header: t.columns.administration, cell: (candidate) => name(candidate, 'administrationNameEn', 'administrationNameFr') },
            { header: t.columns.position, cell: (candidate) => candidate.position },
            { header: t.duplicate.matchedOn, cell: (candidate) => candidate.matchedOn.map((rule) => t.duplicate.rules[rule]).join(', ') },
            { header: '', cell: use },
          ]}
        />
      )}
      {duplicate.outsideScope && <p>{t.duplicate.outsideScope}</p>}
      <button type="button" className="secondary" onClick={confirm} disabled={pending}>
        {confirmLabel}
      </button>
    </section>
  );
}
