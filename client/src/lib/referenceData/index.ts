import { queryOptions, useQuery, type QueryKey } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import { call } from '@/api/call';
import type { ApiClient } from '@/api/client';
import type { components } from '@/api/schema';
import { useBilingual } from '@/i18n/LocaleProvider';

/**
 * Reference data: programmes, administrations, donors, modules, key factors, regions and countries, which every
 * feature picks from and names ids with. One cache policy for all of it: one query key per kind (a feature's own
 * lists of the kind live under the same key, so invalidating it after a create or an update refreshes every list
 * and picker at once), one page size, one staleTime.
 */
type Schemas = components['schemas'];
export type ProgrammeSummary = Schemas['ProgrammeDetails'];
export type DonorDetails = Schemas['DonorDetails'];
export type AdministrationDetails = Schemas['AdministrationDetails'];
export type ModuleDetails = Schemas['ModuleDetails'];
export type KeyFactor = Schemas['KeyFactor'];
export type Region = Schemas['Region'];
export type Country = Schemas['Country'];
type Role = Schemas['Role'];

export const referenceKeys = {
  programmes: ['programmes'],
  administrations: ['administrations'],
  donors: ['donors'],
  modules: ['modules'],
  keyFactors: ['key-factors'],
  regions: ['regions'],
  countries: ['countries'],
  users: ['users'],
} as const;

/** The API's largest page: reference lists hold tens of records, so one request usually brings them all. */
export const REFERENCE_PAGE_SIZE = 200;

/** Kept fresh for five minutes; a change made here invalidates its kind's key at once, so this only bounds others' changes. */
export const REFERENCE_STALE_TIME = 5 * 60_000;

type Page<T> = { items: T[]; nextCursor?: string | null };

/** Every page of one kind, under its key. */
function useEveryPage<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>, enabled = true) {
  return useQuery({ ...everyPage(queryKey, fetchPage), enabled });
}

function everyPage<T>(queryKey: QueryKey, fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>) {
  return queryOptions({
    queryKey: [...queryKey, 'every'],
    staleTime: REFERENCE_STALE_TIME,
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

const limit = (cursor: string | undefined) => ({ limit: REFERENCE_PAGE_SIZE, cursor });

export const fetchProgramme = (client: ApiClient, id: string, signal?: AbortSignal) =>
  call(client.GET('/api/v1/programmes/{id}', { params: { path: { id } }, signal }));

/** One programme, under the key its edit form reads and writes too. */
export function useProgramme(id: string, enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: [...referenceKeys.programmes, 'one', id],
    queryFn: ({ signal }) => fetchProgramme(client, id, signal),
    staleTime: REFERENCE_STALE_TIME,
    enabled,
  });
}

/** Rows per page of a screen that lists programmes a page at a time ("Load more"). */
export const PROGRAMME_LIST_PAGE = 50;

/** The key of such a list: the programmes in the caller's scope, or those a donor funds; both under the programmes' key. */
export const programmeListKey = (donorId?: string | null) => (donorId ? [...referenceKeys.programmes, 'funded-by', donorId] : referenceKeys.programmes);

export function fetchProgrammePage(client: ApiClient, cursor: string | undefined, signal?: AbortSignal, donorId?: string | null) {
  const query = { limit: PROGRAMME_LIST_PAGE, cursor, donorId: donorId ?? undefined };
  return call(client.GET('/api/v1/programmes', { params: { query }, signal }));
}

export function useProgrammes() {
  const client = useApiClient();
  return useEveryPage(referenceKeys.programmes, (cursor, signal) => call(client.GET('/api/v1/programmes', { params: { query: limit(cursor) }, signal })));
}

/** Every administration, as the pickers read them: also what keeping a workshop for offline use fetches. */
export const everyAdministration = (client: ApiClient) =>
  everyPage(referenceKeys.administrations, (cursor, signal) => call(client.GET('/api/v1/administrations', { params: { query: limit(cursor) }, signal })));

export function useAdministrations() {
  return useQuery(everyAdministration(useApiClient()));
}

export function useDonors() {
  const client = useApiClient();
  return useEveryPage(referenceKeys.donors, (cursor, signal) => call(client.GET('/api/v1/donors', { params: { query: limit(cursor) }, signal })));
}

export function useModules() {
  const client = useApiClient();
  return useEveryPage(referenceKeys.modules, (cursor, signal) => call(client.GET('/api/v1/modules', { params: { query: limit(cursor) }, signal })));
}

/** Accounts of one role (administrators only: the trainers' sign-in accounts). */
export function useAccounts(role: Role, enabled = true) {
  const client = useApiClient();
  return useEveryPage(
    [...referenceKeys.users, role],
    (cursor, signal) => call(client.GET('/api/v1/users', { params: { query: { role, ...limit(cursor) } }, signal })),
    enabled,
  );
}

/** The ten key factors RAD-01…RAD-10, as the API's page. */
export function useKeyFactors(enabled = true) {
  const client = useApiClient();
  return useQuery({
    queryKey: referenceKeys.keyFactors,
    queryFn: ({ signal }) => call(client.GET('/api/v1/key-factors', { signal })),
    staleTime: REFERENCE_STALE_TIME,
    enabled,
  });
}

export function useRegions() {
  const client = useApiClient();
  return useQuery({ queryKey: referenceKeys.regions, queryFn: ({ signal }) => call(client.GET('/api/v1/regions', { signal })), staleTime: REFERENCE_STALE_TIME });
}

export function useCountries() {
  const client = useApiClient();
  return useQuery({ queryKey: referenceKeys.countries, queryFn: ({ signal }) => call(client.GET('/api/v1/countries', { signal })), staleTime: REFERENCE_STALE_TIME });
}

export type Choice = { value: string; label: string };

/** A picker's choices, with the error of loading them and a way to try again. */
export interface Choices {
  options: Choice[];
  error: Error | null;
  retry: () => void;
}

function choices<T>(query: { data?: T[]; error: Error | null; refetch: () => unknown }, toChoice: (item: T) => Choice): Choices {
  return { options: (query.data ?? []).map(toChoice), error: query.error, retry: () => void query.refetch() };
}

/** Donors by name, programmes by code, administrations, modules and key factors in the chosen language. */
export function useDonorOptions() {
  return choices(useDonors(), (donor) => ({ value: donor.id, label: donor.name }));
}

export function useProgrammeOptions() {
  return choices(useProgrammes(), (programme) => ({ value: programme.id, label: `${programme.code} — ${programme.name}` }));
}

export function useAdministrationOptions() {
  const name = useBilingual();
  return choices(useAdministrations(), (administration) => ({ value: administration.id, label: name(administration, 'nameEn', 'nameFr') }));
}

export function useModuleOptions() {
  const title = useBilingual();
  return choices(useModules(), (module) => ({ value: module.id, label: `${module.code} — ${title(module, 'titleEn', 'titleFr')}` }));
}

export function useKeyFactorOptions() {
  const name = useBilingual();
  const query = useKeyFactors();
  return choices({ data: query.data?.items, error: query.error, refetch: query.refetch }, (factor) => ({
    value: factor.code,
    label: `${factor.code} ${name(factor, 'nameEn', 'nameFr')}`,
  }));
}

export { useProgrammeChoices } from './programmeChoices';
export { useReportedProgrammes } from './reportedProgrammes';
