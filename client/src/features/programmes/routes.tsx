import type { RouteObject } from 'react-router';

export const programmeRoutes: RouteObject[] = [
  { path: 'programmes', lazy: async () => ({ Component: (await import('./ProgrammesPage')).ProgrammesPage }) },
];
