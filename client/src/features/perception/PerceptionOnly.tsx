import { RolesOnly } from '@/lib/session';
import { useMessages } from '@/i18n/LocaleProvider';
import { perceptionMessages } from './messages';

/** Rounds, scores, trends and questionnaires: administrators and coordinators (the API answers anyone else 403). */
export function CoordinatorsOnly() {
  const t = useMessages(perceptionMessages);
  return <RolesOnly roles={['administrator', 'coordinator']} forbidden={t.forbidden} />;
}

/** Writing a questionnaire is for administrators. */
export function AdministratorsOnly() {
  const t = useMessages(perceptionMessages).questionnaires;
  return <RolesOnly roles={['administrator']} forbidden={t.readOnly} />;
}
