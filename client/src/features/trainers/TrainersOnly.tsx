import { RolesOnly } from '@/lib/session';
import { useMessages } from '@/i18n/LocaleProvider';
import { trainerMessages } from './messages';

/** The /trainers screens: administrators, coordinators and trainers read trainers; a donor sees none (the API answers 403). */
export function StaffOnly() {
  const t = useMessages(trainerMessages);
  return <RolesOnly roles={['administrator', 'coordinator', 'trainer']} forbidden={t.forbidden} />;
}

/** Registering a trainer is for administrators and coordinators. */
export function CoordinatorsOnly() {
  const t = useMessages(trainerMessages);
  return <RolesOnly roles={['administrator', 'coordinator']} forbidden={t.registerForbidden} />;
}
