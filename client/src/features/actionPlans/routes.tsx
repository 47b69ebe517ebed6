import type { RouteObject } from 'react-router';

export const actionPlanRoutes: RouteObject[] = [
  { path: 'action-plans', lazy: async () => ({ Component: (await import('./ActionPlansPage')).ActionPlansPage }) },
  { path: 'action-plans/:id', lazy: async () => ({ Component: (await import('./ActionPlanPage')).ActionPlanPage }) },
  { path: 'actions/:id', lazy: async () => ({ Component: (await import('./ActionPage')).ActionPage }) },
];
