import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { useCursorList } from '@/api/useCursorList';
import { PagedList } from '@/components/PagedList';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { mergeParticipants, participantKeys } from '@/lib/people/api';
import { participantMessages } from '@/lib/people/messages';
import { adminKeys, dismissDuplicateReview, fetchDuplicateReviewPage, type DuplicateReview, type DuplicateReviewPerson } from './api';
import { adminMessages } from './messages';

const fullName = (person: DuplicateReviewPerson) => `${person.familyName} ${person.givenNames}`;

function PersonCell({ person }: { person: DuplicateReviewPerson }) {
  const name = useBilingual();
  return (
    <>
      {fullName(person)} · {name(person, 'administrationNameEn', 'administrationNameFr')}
      {person.staffNumber ? ` · ${person.staffNumber}` : ''}
      {person.email ? ` · ${person.email}` : ''}
    </>
  );
}

/** The administrators' review list of likely duplicates across scopes: merge a pair, or dismiss it as two people. */
export function DuplicateReviews() {
  const t = useMessages(adminMessages).duplicates;
  const people = useMessages(participantMessages).duplicate;
  const client = useApiClient();
  const reviews = useCursorList(adminKeys.duplicateReviews, (cursor, signal) => fetchDuplicateReviewPage(client, cursor, signal));
  // The existing record is kept; the one just registered is folded into it (every participant view, reviews included, refreshes).
  const merge = useCommand((review: DuplicateReview) => mergeParticipants(client, review.candidate.id, review.participant.id), {
    invalidates: [participantKeys.all],
  });
  const dismiss = useCommand((review: DuplicateReview) => dismissDuplicateReview(client, review.id), { invalidates: [adminKeys.duplicateReviews] });

  return (
    <section aria-labelledby="duplicate-reviews-heading" className="card">
      <h2 id="duplicate-reviews-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <PagedList list={reviews} loading={t.loading} empty={t.none}>
        {(items) => (
          <ul>
            {items.map((review) => (
              <li key={review.id} aria-label={t.pair(fullName(review.participant), fullName(review.candidate))}>
                <p>
                  {t.registered}: <PersonCell person={review.participant} />
                </p>
                <p>
                  {t.existing}: <PersonCell person={review.candidate} />
                </p>
                <p>
                  {people.matchedOn}: {review.matchedOn.map((rule) => people.rules[rule]).join(', ')}
                </p>
                <button type="button" disabled={merge.pending || dismiss.pending} onClick={() => void merge.run(review)}>
                  {t.merge}
                </button>{' '}
                <button type="button" className="secondary" disabled={merge.pending || dismiss.pending} onClick={() => void dismiss.run(review)}>
                  {t.dismiss}
                </button>
              </li>
            ))}
          </ul>
        )}
      </PagedList>
      <ProblemAlert error={merge.error ?? dismiss.error} />
    </section>
  );
}
