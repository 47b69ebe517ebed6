import type { ReactNode } from 'react';
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
        <table>
          <caption>{t.duplicate.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.columns.name}</th>
              <th scope="col">{t.columns.administration}</th>
              <th scope="col">{t.columns.position}</th>
              <th scope="col">{t.duplicate.matchedOn}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {duplicate.candidates.map((candidate) => (
              <tr key={candidate.id}>
                <th scope="row">{fullName(candidate)}</th>
                <td>{name(candidate, 'administrationNameEn', 'administrationNameFr')}</td>
                <td>{candidate.position}</td>
                <td>{candidate.matchedOn.map((rule) => t.duplicate.rules[rule]).join(', ')}</td>
                <td>{use(candidate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {duplicate.outsideScope && <p>{t.duplicate.outsideScope}</p>}
      <button type="button" className="secondary" onClick={confirm} disabled={pending}>
        {confirmLabel}
      </button>
    </section>
  );
}
