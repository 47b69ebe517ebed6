import { useEffect, useState } from 'react';
import { call } from '@/api/call';
import { useApiClient } from '@/api/ApiClientProvider';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';
import { useCommand } from '@/api/useCommand';
import { ProblemAlert } from '@/components/ProblemAlert';
import { defineMessages } from '@/i18n/catalog';
import { useMessages } from '@/i18n/LocaleProvider';

type DuplicateReview = components['schemas']['DuplicateReview'];
type Person = components['schemas']['DuplicateReviewPerson'];

const listReviews = (client: ApiClient, signal?: AbortSignal) =>
  call(client.GET('/api/v1/participants/duplicate-reviews', { params: { query: { limit: 50 } }, signal }));
const dismissReview = (client: ApiClient, id: string) =>
  call(client.POST('/api/v1/participants/duplicate-reviews/{id}/dismiss', { params: { path: { id } } }));
const mergePair = (client: ApiClient, review: DuplicateReview) =>
  call(client.POST('/api/v1/participants/{id}/merge', { params: { path: { id: review.candidate.id } }, body: { duplicateId: review.participant.id } }));

const messages = defineMessages(
  {
    heading: 'Likely duplicates across scopes',
    intro: 'Someone registered or corrected a person who likely is already registered where they cannot see. They were not told: decide here.',
    none: 'No likely duplicate is waiting.',
    registered: 'Registered',
    existing: 'Already in the registry',
    matchedOn: 'Same',
    merge: 'Merge into the existing record',
    dismiss: 'Two different people',
  },
  {
    heading: 'Doublons probables hors périmètre',
    intro: "Quelqu'un a enregistré ou corrigé une personne probablement déjà enregistrée là où il ne voit pas. Il n'en a pas été informé : décidez ici.",
    none: 'Aucun doublon probable en attente.',
    registered: 'Enregistré',
    existing: 'Déjà dans le registre',
    matchedOn: 'Identique',
    merge: "Fusionner dans l'enregistrement existant",
    dismiss: 'Deux personnes différentes',
  },
);

function PersonCell({ person }: { person: Person }) {
  return (
    <>
      {person.familyName} {person.givenNames} · {person.administrationNameEn}
      {person.staffNumber ? ` · ${person.staffNumber}` : ''}
      {person.email ? ` · ${person.email}` : ''}
    </>
  );
}

/** The administrators' review list of likely duplicates across scopes: merge a pair, or dismiss it as two people. */
export function DuplicateReviews() {
  const t = useMessages(messages);
  const client = useApiClient();
  const [reviews, setReviews] = useState<DuplicateReview[]>([]);
  const [round, setRound] = useState(0);
  const reload = () => setRound((current) => current + 1);
  const merge = useCommand((review: DuplicateReview) => mergePair(client, review), { onDone: reload });
  const dismiss = useCommand((review: DuplicateReview) => dismissReview(client, review.id), { onDone: reload });

  useEffect(() => {
    const abort = new AbortController();
    listReviews(client, abort.signal).then((page) => setReviews(page.items), () => undefined);
    return () => abort.abort();
  }, [client, round]);

  return (
    <section aria-labelledby="duplicate-reviews-heading" className="card">
      <h2 id="duplicate-reviews-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      {reviews.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {reviews.map((review) => (
            <li key={review.id}>
              <p>
                {t.registered}: <PersonCell person={review.participant} />
              </p>
              <p>
                {t.existing}: <PersonCell person={review.candidate} />
              </p>
              <p>
                {t.matchedOn}: {review.matchedOn.join(', ')}
              </p>
              <button type="button" disabled={merge.pending || dismiss.pending} onClick={() => void merge.run(review)}>
                {t.merge}
              </button>{' '}
              <button type="button" disabled={merge.pending || dismiss.pending} onClick={() => void dismiss.run(review)}>
                {t.dismiss}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={merge.error ?? dismiss.error} />
    </section>
  );
}
