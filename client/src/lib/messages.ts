/**
 * Every user-facing string, in one place so a French catalogue can be added beside `en`
 * (and an i18n library introduced) without hunting through components.
 */
const en = {
  appTitle: 'Integrity',
  programmes: {
    pageTitle: 'Integrity — Programmes',
    heading: 'Programmes',
    caption: 'Anti-corruption programmes',
    columns: { code: 'Code', name: 'Name', period: 'Period', donors: 'Donors' },
    loading: 'Loading programmes…',
    loadingMore: 'Loading…',
    loadMore: 'Load more',
    empty: 'No programmes yet.',
    noDonors: 'None',
    shown: (count: number) => (count === 1 ? '1 programme shown' : `${count} programmes shown`),
  },
  errors: {
    requestFailed: (status?: number) =>
      status ? `The request failed (HTTP ${status}).` : 'The request failed.',
    network: 'Could not reach the server.',
    networkDetail: 'Check your connection and try again.',
    retry: 'Try again',
  },
} as const;

export const locale = 'en-GB';
export const messages = en;
