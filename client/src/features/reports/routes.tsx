import type { RouteObject } from 'react-router';

export const reportRoutes: RouteObject[] = [
  { path: 'reports', lazy: async () => ({ Component: (await import('./ReportsPage')).ReportsPage }) },
  { path: 'reports/:programmeId', lazy: async () => ({ Component: (await import('./ProgressReportPage')).ProgressReportPage }) },
];
