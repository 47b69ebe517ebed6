import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { actionPlanRoutes } from '@/features/actionPlans/routes';
import { adminRoutes } from '@/features/admin/routes';
import { outboxRoutes } from '@/features/outbox/routes';
import { perceptionRoutes } from '@/features/perception/routes';
import { participantRoutes } from '@/features/participants/routes';
import { programmeRoutes } from '@/features/programmes/routes';
import { reportRoutes } from '@/features/reports/routes';
import { resultRoutes } from '@/features/results/routes';
import { trainerRoutes } from '@/features/trainers/routes';
import { workshopRoutes } from '@/features/workshops/routes';
import { AppShell } from './AppShell';
import { NotFound } from './NotFound';

// The home page loads when it is shown, not with the sign-in screen that comes before it on a first visit
// (a route's own `lazy` would load it as soon as the address matches, signed in or not).
const Home = lazy(async () => ({ default: (await import('@/app/home/Home')).Home }));

/** Every screen; each feature's pages load with their first visit (see the features' routes.tsx). */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [
      {
        index: true,
        element: (
          <Suspense fallback={null}>
            <Home />
          </Suspense>
        ),
      },
      ...programmeRoutes,
      ...workshopRoutes,
      ...participantRoutes,
      ...trainerRoutes,
      ...actionPlanRoutes,
      ...resultRoutes,
      ...perceptionRoutes,
      ...reportRoutes,
      ...adminRoutes,
      ...outboxRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];
