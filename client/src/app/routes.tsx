import type { RouteObject } from 'react-router';
import { adminRoutes } from '@/features/admin/routes';
import { Home } from '@/features/home/Home';
import { programmeRoutes } from '@/features/programmes/routes';
import { trainerRoutes } from '@/features/trainers/routes';
import { AppShell } from './AppShell';
import { NotFound } from './NotFound';

/** Every screen; each feature's pages load with their first visit (see the features' routes.tsx). */
export const routes: RouteObject[] = [
  {
    path: '/',
    element: <AppShell />,
    children: [{ index: true, element: <Home /> }, ...programmeRoutes, ...adminRoutes, ...trainerRoutes, { path: '*', element: <NotFound /> }],
  },
];
