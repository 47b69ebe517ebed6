import { useQuery } from '@tanstack/react-query';
import { call } from '@/api/call';
import { useApiClient } from '@/api/ApiClientProvider';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';
import { useCommand } from '@/api/useCommand';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { defineMessages } from '@/i18n/catalog';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { mergeParticipants } from '@/lib/people/api';

type DuplicateReview = components['schemas']['DuplicateReview'];
type Person = components['schemas']['DuplicateReviewPerson'];

const reviewsKey = ['participants', 'duplicate-reviews'] as const;

const listReviews = (client: ApiClient, signal?: AbortSignal) =>
  call(client.GET('/api/v1/participants/duplicate-reviews', { params: { query: { limit: 50 } }, signal }));
const dismissReview = (client: ApiClient, id: string) =>
  call(client.POST('/api/v1/participants/duplicate-reviews/{id}/dismiss', { params: { path: { id } } }));

const messages = defineMessages(
  {
    heading: 'Likely duplicates across scopes',
    intro: 'Someone registered or corrected a person who likely is already registered where they cannot see. They were not told: decide here.',
    loading: 'Loading the likely duplicates…',
    none: 'No likely duplicate is waiting.',
    pair: (registered: string, existing: string) => `${registered} and ${existing}`,
    registered: 'Registered',
    existing: 'Already in the registry',
    matchedOn: 'Same',
    rules: { staff_number: 'staff number', email: 'e-mail', name: 'name' },
    merge: 'Merge into the existing record',
    dismiss: 'Two different people',
  },
  {
    heading: 'Doublons probables hors périmètre',
    intro: "Quelqu'un a enregistré ou corrigé une personne probablement déjà enregistrée là où il ne voit pas. Il n'en a pas été informé : décidez ici.",
    loading: 'Chargement des doublons probables…',
    none: 'Aucun doublon probable en attente.',
    pair: (registered: string, existing: string) => `${registered} et ${existing}`,
    registered: 'Enregistré',
    existing: 'Déjà dans le registre',
    matchedOn: 'Identique',
    rules: { staff_number: 'matricule', email: 'adresse électronique', name: 'nom' },
    merge: "Fusionner dans l'enregistrement existant",
    dismiss: 'Deux personnes différentes',
  },
);

const fullName = (person: Person) => `${person.familyName} ${person.givenNames}`;

function PersonCell({ person }: { person: Person }) {
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
  const t = useMessages(messages);
  const client = useApiClient();
  const reviews = useQuery({ queryKey: reviewsKey, queryFn: ({ signal }) => listReviews(client, signal) });
  // The existing record is kept; the one just registered is folded into it.
  const merge = useCommand((review: DuplicateReview) => mergeParticipants(client, review.candidate.id, review.participant.id), { invalidates: [reviewsKey] });
  const dismiss = useCommand((review: DuplicateReview) => dismissReview(client, review.id), { invalidates: [reviewsKey] });

  return (
    <section aria-labelledby="duplicate-reviews-heading" className="card">
      <h2 id="duplicate-reviews-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      {reviews.error ? (
        <ProblemAlert error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : !reviews.data ? (
        <Loading label={t.loading} />
      ) : reviews.data.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {reviews.data.items.map((review) => (
            <li key={review.id} aria-label={t.pair(fullName(review.participant), fullName(review.candidate))}>
              <p>
                {t.registered}: <PersonCell person={review.participant} />
              </p>
              <p>
                {t.existing}: <PersonCell person={review.candidate} />
              </p>
              <p>
                {t.matchedOn}: {review.matchedOn.map((rule) => t.rules[rule] ?? rule).join(', ')}
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
      <ProblemAlert error={merge.error ?? dismiss.error} />
    </section>
  );
}
