import type { RouteObject } from 'react-router';

/** The administration screens, under /admin, for administrators only; each loads on its first visit. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    lazy: async () => ({ Component: (await import('./AdministratorsOnly')).AdministratorsOnly }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./AdminPage')).AdminPage }) },
      { path: 'users', lazy: async () => ({ Component: (await import('./users/UsersPage')).UsersPage }) },
      { path: 'users/new', lazy: async () => ({ Component: (await import('./users/UserForm')).AddUserPage }) },
      { path: 'users/:id', lazy: async () => ({ Component: (await import('./users/UserForm')).UpdateUserPage }) },
      { path: 'api-tokens', lazy: async () => ({ Component: (await import('./tokens/ApiTokensPage')).ApiTokensPage }) },
      { path: 'donors', lazy: async () => ({ Component: (await import('./reference/Donors')).DonorsPage }) },
      { path: 'donors/new', lazy: async () => ({ Component: (await import('./reference/Donors')).RegisterDonorPage }) },
      { path: 'donors/:id', lazy: async () => ({ Component: (await import('./reference/Donors')).UpdateDonorPage }) },
      { path: 'administrations', lazy: async () => ({ Component: (await import('./reference/Administrations')).AdministrationsPage }) },
      {
        path: 'administrations/new',
        lazy: async () => ({ Component: (await import('./reference/Administrations')).RegisterAdministrationPage }),
      },
      {
        path: 'administrations/:id',
        lazy: async () => ({ Component: (await import('./reference/Administrations')).UpdateAdministrationPage }),
      },
      { path: 'modules', lazy: async () => ({ Component: (await import('./reference/Modules')).ModulesPage }) },
      { path: 'modules/new', lazy: async () => ({ Component: (await import('./reference/Modules')).RegisterModulePage }) },
      { path: 'modules/:id', lazy: async () => ({ Component: (await import('./reference/Modules')).UpdateModulePage }) },
      { path: 'key-factors', lazy: async () => ({ Component: (await import('./reference/ReadOnlyLists')).KeyFactorsPage }) },
      { path: 'regions', lazy: async () => ({ Component: (await import('./reference/ReadOnlyLists')).RegionsPage }) },
      { path: 'countries', lazy: async () => ({ Component: (await import('./reference/ReadOnlyLists')).CountriesPage }) },
    ],
  },
];
