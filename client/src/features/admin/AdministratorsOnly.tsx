import { Outlet } from 'react-router';
import { useMe } from '@/features/session';
import { useMessages } from '@/i18n/LocaleProvider';
import { adminMessages } from './messages';

/** The /admin screens are for administrators (the API refuses anyone else anyway: this says why). */
export function AdministratorsOnly() {
  const t = useMessages(adminMessages);
  const me = useMe();
  if (me.role !== 'administrator') return <p role="alert">{t.forbidden}</p>;
  return <Outlet />;
}
