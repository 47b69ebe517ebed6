import type { RouteObject } from 'react-router';

export const outboxRoutes: RouteObject[] = [{ path: 'outbox', lazy: async () => ({ Component: (await import('./OutboxPage')).OutboxPage }) }];
