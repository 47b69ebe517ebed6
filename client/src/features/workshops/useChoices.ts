import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import { REFERENCE_STALE_TIME, type Choices } from '@/lib/referenceData';
import { fetchTrainers, trainerChoicesKey } from './api';

/** The trainers as a session's choices, kept as long as reference data (programmes, modules … come from lib/referenceData). */
export function useTrainerChoices(): Choices {
  const client = useApiClient();
  const query = useQuery({ queryKey: trainerChoicesKey, queryFn: ({ signal }) => fetchTrainers(client, signal), staleTime: REFERENCE_STALE_TIME });
  return { options: (query.data?.items ?? []).map((trainer) => ({ value: trainer.id, label: trainer.fullName })), error: query.error, retry: () => void query.refetch() };
}
