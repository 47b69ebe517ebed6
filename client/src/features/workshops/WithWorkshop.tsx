import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMessages } from '@/i18n/LocaleProvider';
import { fetchEveryEnrolment, fetchWorkshop, workshopKeys, type Enrolment, type WorkshopDetails } from './api';
import { workshopMessages } from './messages';

/**
 * The workshop of the address (/workshops/:id) once read, for a screen about it; `reload` reads it
 * again (after a 412) without losing the screen, which keeps what was typed.
 */
export function WithWorkshop({ children }: { children: (workshop: WorkshopDetails, reload: () => void) => ReactNode }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const id = useParams().id ?? '';
  const workshop = useQuery({ queryKey: workshopKeys.one(id), queryFn: ({ signal }) => fetchWorkshop(client, id, signal) });
  if (workshop.isPending) return <Loading label={t.loading} />;
  if (!workshop.data) return <ProblemAlert error={workshop.error} onRetry={() => void workshop.refetch()} />;
  return children(workshop.data, () => void workshop.refetch());
}

/** Everyone enrolled in the workshop, every page, once read: for a screen that lists them all (attendance, the printed sheet). */
export function WithEveryEnrolment({ workshop, children }: { workshop: WorkshopDetails; children: (enrolments: Enrolment[]) => ReactNode }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const enrolments = useQuery({
    queryKey: workshopKeys.everyEnrolment(workshop.id),
    queryFn: ({ signal }) => fetchEveryEnrolment(client, workshop.id, signal),
  });
  if (enrolments.isPending) return <Loading label={t.enrolments.loading} />;
  if (!enrolments.data) return <ProblemAlert error={enrolments.error} onRetry={() => void enrolments.refetch()} />;
  return children(enrolments.data);
}
