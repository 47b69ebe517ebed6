import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import type { ApiClient } from '@/api/client';
import { fetchKeyFactors, keyFactorsKey } from '@/api/keyFactors';
import { useBilingual } from '@/i18n/LocaleProvider';
import { fetchModules, fetchProgrammes, fetchTrainers, referenceKeys } from './api';

type Choice = { value: string; label: string };

/** Reference data for a form's choices; it changes seldom, so it is kept for the visit. */
function useReference<T>(queryKey: readonly string[], fetch: (client: ApiClient, signal: AbortSignal) => Promise<{ items: T[] }>, toChoice: (item: T) => Choice) {
  const client = useApiClient();
  const query = useQuery({ queryKey, queryFn: ({ signal }) => fetch(client, signal), staleTime: Infinity });
  return { options: (query.data?.items ?? []).map(toChoice), error: query.error, retry: () => void query.refetch() };
}

/** The ten key factors RAD-01…RAD-10, named in the chosen language. */
export function useKeyFactorChoices() {
  const name = useBilingual();
  return useReference(keyFactorsKey, fetchKeyFactors, (factor) => ({ value: factor.code, label: `${factor.code} ${name(factor, 'nameEn', 'nameFr')}` }));
}

export function useProgrammeChoices() {
  return useReference(referenceKeys.programmes, fetchProgrammes, (programme) => ({ value: programme.id, label: `${programme.code} — ${programme.name}` }));
}

export function useModuleChoices() {
  const name = useBilingual();
  return useReference(referenceKeys.modules, fetchModules, (module) => ({ value: module.id, label: `${module.code} — ${name(module, 'titleEn', 'titleFr')}` }));
}

export function useTrainerChoices() {
  return useReference(referenceKeys.trainers, fetchTrainers, (trainer) => ({ value: trainer.id, label: trainer.fullName }));
}
