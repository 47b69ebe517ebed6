import type { RouteObject } from 'react-router';

/** Trainers (coordinators and administrators): the list, the cascade, and each trainer with their accreditations. */
export const trainerRoutes: RouteObject[] = [
  { path: 'trainers', lazy: async () => ({ Component: (await import('./TrainersPage')).TrainersPage }) },
  { path: 'trainers/new', lazy: async () => ({ Component: (await import('./TrainerForm')).RegisterTrainerPage }) },
  { path: 'trainers/cascade', lazy: async () => ({ Component: (await import('./CascadePage')).CascadePage }) },
  { path: 'trainers/:id', lazy: async () => ({ Component: (await import('./TrainerForm')).UpdateTrainerPage }) },
];
