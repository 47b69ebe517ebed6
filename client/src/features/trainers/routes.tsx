import type { RouteObject } from 'react-router';

/**
 * Trainers: the list, the cascade, and each trainer with their accreditations, for administrators,
 * coordinators and trainers (in their scope); registering one, for administrators and coordinators.
 * Anyone else is told the screen is not for their role.
 */
export const trainerRoutes: RouteObject[] = [
  {
    path: 'trainers',
    lazy: async () => ({ Component: (await import('./TrainersOnly')).StaffOnly }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./TrainersPage')).TrainersPage }) },
      {
        path: 'new',
        lazy: async () => ({ Component: (await import('./TrainersOnly')).CoordinatorsOnly }),
        children: [{ index: true, lazy: async () => ({ Component: (await import('./TrainerForm')).RegisterTrainerPage }) }],
      },
      { path: 'cascade', lazy: async () => ({ Component: (await import('./CascadePage')).CascadePage }) },
      { path: ':id', lazy: async () => ({ Component: (await import('./TrainerForm')).UpdateTrainerPage }) },
    ],
  },
];
