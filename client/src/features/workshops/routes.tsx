import type { RouteObject } from 'react-router';

export const workshopRoutes: RouteObject[] = [
  { path: 'workshops', lazy: async () => ({ Component: (await import('./WorkshopsPage')).WorkshopsPage }) },
  { path: 'workshops/new', lazy: async () => ({ Component: (await import('./RecordWorkshopPage')).RecordWorkshopPage }) },
  { path: 'workshops/:id', lazy: async () => ({ Component: (await import('./WorkshopPage')).WorkshopPage }) },
  { path: 'workshops/:id/edit', lazy: async () => ({ Component: (await import('./EditWorkshopPage')).EditWorkshopPage }) },
  { path: 'workshops/:id/sessions/new', lazy: async () => ({ Component: (await import('./PlanSessionPage')).PlanSessionPage }) },
  { path: 'workshops/:id/sessions/:sessionId/edit', lazy: async () => ({ Component: (await import('./EditSessionPage')).EditSessionPage }) },
  {
    path: 'workshops/:id/sessions/:sessionId/attendance',
    lazy: async () => ({ Component: (await import('./TakeAttendancePage')).TakeAttendancePage }),
  },
  { path: 'workshops/:id/enrol', lazy: async () => ({ Component: (await import('./EnrolParticipantPage')).EnrolParticipantPage }) },
  {
    path: 'workshops/:id/attendance-sheet',
    lazy: async () => ({ Component: (await import('./PrintAttendanceSheetPage')).PrintAttendanceSheetPage }),
  },
  { path: 'workshops/:id/sheet', lazy: async () => ({ Component: (await import('./ImportAttendanceSheetPage')).ImportAttendanceSheetPage }) },
  { path: 'workshops/:id/participants/:participantId', lazy: async () => ({ Component: (await import('./RecordTestScoresPage')).RecordTestScoresPage }) },
];
