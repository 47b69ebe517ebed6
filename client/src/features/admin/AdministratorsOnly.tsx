import { RolesOnly } from '@/lib/session';
import { useMessages } from '@/i18n/LocaleProvider';
import { adminMessages } from './messages';

/** The /admin screens are for administrators (the API refuses anyone else anyway: this says why). */
export function AdministratorsOnly() {
  const t = useMessages(adminMessages);
  return <RolesOnly roles={['administrator']} forbidden={t.forbidden} />;
}
