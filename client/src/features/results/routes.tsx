import type { RouteObject } from 'react-router';

const results = 'results/:programmeId';

export const resultRoutes: RouteObject[] = [
  { path: 'results', lazy: async () => ({ Component: (await import('./ResultsPage')).ResultsPage }) },
  { path: results, lazy: async () => ({ Component: (await import('./ResultsPage')).ResultsPage }) },
  { path: `${results}/indicators/new`, lazy: async () => ({ Component: (await import('./IndicatorForm')).DefineIndicatorPage }) },
  { path: `${results}/indicators/:indicatorId`, lazy: async () => ({ Component: (await import('./IndicatorPage')).IndicatorPage }) },
  { path: `${results}/indicators/:indicatorId/edit`, lazy: async () => ({ Component: (await import('./IndicatorForm')).EditIndicatorPage }) },
  {
    path: `${results}/indicators/:indicatorId/periods/:periodId`,
    lazy: async () => ({ Component: (await import('./RecordValuesPage')).RecordValuesPage }),
  },
  { path: `${results}/periods/:periodId`, lazy: async () => ({ Component: (await import('./PeriodReports')).PeriodReportsPage }) },
];
