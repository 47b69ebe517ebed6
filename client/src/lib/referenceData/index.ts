import { useQuery, type QueryKey } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import { call } from '@/api/call';
import type { Page } from '@/api/useCursorList';
import { fetchProgrammePage, programmeKeys } from '@/features/programmes/api';
import { useBilingual } from '@/i18n/LocaleProvider';
import { adminKeys, fetchAdministrationPage, fetchDonorPage, fetchModulePage, fetchUserPage, type Role } from '@/features/admin/api';

/**
 * Every page of a short list (reference data: tens of records), for pickers and for naming the ids
 * that records carry. Other features pick donors, administrations and modules through these too.
 */
function useEveryPage<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  enabled = true,
) {
  return useQuery({
    queryKey: [...queryKey, 'every'],
    enabled,
    queryFn: async ({ signal }) => {
      const items: T[] = [];
      let cursor: string | undefined;
      do {
        const page = await fetchPage(cursor, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
  });
}

export function useDonors() {
  const client = useApiClient();
  return useEveryPage(adminKeys.donors, (cursor, signal) => fetchDonorPage(client, '', cursor, signal));
}

export function useAdministrations() {
  const client = useApiClient();
  return useEveryPage(adminKeys.administrations, (cursor, signal) =>
    fetchAdministrationPage(client, { q: '', regionCode: '' }, cursor, signal),
  );
}

export function useModules() {
  const client = useApiClient();
  return useEveryPage(adminKeys.modules, (cursor, signal) => fetchModulePage(client, '', cursor, signal));
}

export function useProgrammes() {
  const client = useApiClient();
  return useEveryPage(programmeKeys.list, (cursor, signal) => fetchProgrammePage(client, cursor, signal));
}

/** Accounts of one role (administrators only: the trainers' sign-in accounts). */
export function useAccounts(role: Role, enabled = true) {
  const client = useApiClient();
  return useEveryPage([...adminKeys.users, role], (cursor, signal) => fetchUserPage(client, { q: '', role }, cursor, signal), enabled);
}

export function useRegions() {
  const client = useApiClient();
  return useQuery({ queryKey: adminKeys.regions, queryFn: ({ signal }) => call(client.GET('/api/v1/regions', { signal })) });
}

export function useCountries() {
  const client = useApiClient();
  return useQuery({ queryKey: adminKeys.countries, queryFn: ({ signal }) => call(client.GET('/api/v1/countries', { signal })) });
}

/** Choices for pickers: donors by name, programmes by code, administrations and modules in the chosen language. */
export function useDonorOptions() {
  const { data = [] } = useDonors();
  return data.map((donor) => ({ value: donor.id, label: donor.name }));
}

export function useProgrammeOptions() {
  const { data = [] } = useProgrammes();
  return data.map((programme) => ({ value: programme.id, label: `${programme.code} — ${programme.name}` }));
}

export function useAdministrationOptions() {
  const { data = [] } = useAdministrations();
  const name = useBilingual();
  return data.map((administration) => ({ value: administration.id, label: name(administration, 'nameEn', 'nameFr') }));
}

export function useModuleOptions() {
  const { data = [] } = useModules();
  const title = useBilingual();
  return data.map((module) => ({ value: module.id, label: `${module.code} — ${title(module, 'titleEn', 'titleFr')}` }));
}
