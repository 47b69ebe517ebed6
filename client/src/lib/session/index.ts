export { SessionProvider, useSession, useMe, type Session, type SessionState } from './SessionProvider';
export { RequireSession } from './RequireSession';
export { SessionBar } from './SessionBar';
export type { Me, Role } from './api';
export { RolesOnly } from './RolesOnly';
