import type { RouteObject } from 'react-router';

export const programmeRoutes: RouteObject[] = [
  { path: 'programmes', lazy: async () => ({ Component: (await import('./ProgrammesPage')).ProgrammesPage }) },
  { path: 'programmes/new', lazy: async () => ({ Component: (await import('./ProgrammeForm')).RegisterProgrammePage }) },
  { path: 'programmes/:id', lazy: async () => ({ Component: (await import('./ProgrammeForm')).UpdateProgrammePage }) },
];
