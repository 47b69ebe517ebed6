import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import { useBilingual } from '@/i18n/LocaleProvider';
import { administrationKeys, fetchAdministrations } from '@/lib/people/api';

/** The administrations as choices for a select or checkboxes, named in the chosen language. */
export function useAdministrationOptions() {
  const client = useApiClient();
  const name = useBilingual();
  const query = useQuery({ queryKey: administrationKeys.all, queryFn: ({ signal }) => fetchAdministrations(client, signal) });
  const options = (query.data ?? []).map((administration) => ({ value: administration.id, label: name(administration, 'nameEn', 'nameFr') }));
  return { options, error: query.error, retry: () => void query.refetch() };
}
