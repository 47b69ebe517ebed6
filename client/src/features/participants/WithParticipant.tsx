import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMessages } from '@/i18n/LocaleProvider';
import { fetchParticipant, participantKeys, type ParticipantDetails } from '@/lib/people/api';
import { participantMessages } from '@/lib/people/messages';

/** The participant of the address (/participants/:id) once read; `reload` reads them again (after a 412) keeping the screen. */
export function WithParticipant({ children }: { children: (participant: ParticipantDetails, reload: () => void) => ReactNode }) {
  const client = useApiClient();
  const t = useMessages(participantMessages);
  const id = useParams().id ?? '';
  const participant = useQuery({ queryKey: participantKeys.one(id), queryFn: ({ signal }) => fetchParticipant(client, id, signal) });
  if (participant.isPending) return <Loading label={t.loading} />;
  if (!participant.data) return <ProblemAlert error={participant.error} onRetry={() => void participant.refetch()} />;
  return children(participant.data, () => void participant.refetch());
}
