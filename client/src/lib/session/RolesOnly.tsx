import { Outlet } from 'react-router';
import type { Role } from './api';
import { useMe } from './SessionProvider';

/**
 * Screens for some roles only. The API refuses anyone else anyway (403): this says why, in the
 * words of the feature (`forbidden`), instead of showing the API's refusal.
 */
export function RolesOnly({ roles, forbidden }: { roles: readonly Role[]; forbidden: string }) {
  const me = useMe();
  if (!roles.includes(me.role)) return <p role="alert">{forbidden}</p>;
  return <Outlet />;
}
