import type { RouteObject } from 'react-router';

export const participantRoutes: RouteObject[] = [
  { path: 'participants', lazy: async () => ({ Component: (await import('./ParticipantsPage')).ParticipantsPage }) },
  { path: 'participants/new', lazy: async () => ({ Component: (await import('./RegisterParticipantPage')).RegisterParticipantPage }) },
  { path: 'participants/:id', lazy: async () => ({ Component: (await import('./ParticipantPage')).ParticipantPage }) },
  { path: 'participants/:id/edit', lazy: async () => ({ Component: (await import('./EditParticipantPage')).EditParticipantPage }) },
  { path: 'participants/:id/merge', lazy: async () => ({ Component: (await import('./MergeParticipantsPage')).MergeParticipantsPage }) },
];
