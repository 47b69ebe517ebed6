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
    columns: {
      code: 'Code',
      name: 'Name',
      period: 'Period',
      donors: 'Donors',
      administrations: 'Administrations',
    },
    loading: 'Loading programmes…',
    loadingMore: 'Loading…',
    loadMore: 'Load more',
    empty: 'No programmes yet.',
    noDonors: 'None',
    noAdministrations: 'None',
    shown: (count: number) => (count === 1 ? '1 programme shown' : `${count} programmes shown`),
  },
  session: {
    pageTitle: 'Integrity — Sign in',
    checking: 'Checking your session…',
    checkFailed: 'Could not check whether you are signed in.',
    heading: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    ended: 'Your session has ended; sign in again.',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signingOut: 'Signing out…',
    signOutFailed: 'Could not sign out; you are still signed in.',
    roles: {
      administrator: 'Administrator',
      coordinator: 'Coordinator',
      trainer: 'Trainer',
      donor: 'Donor',
    },
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
