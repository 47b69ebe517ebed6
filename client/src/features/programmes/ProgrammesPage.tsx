import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { useMe } from '@/lib/session';
import { useMessages } from '@/i18n/LocaleProvider';
import { programmeMessages } from './messages';
import { ProgrammeList } from './ProgrammeList';

export function ProgrammesPage() {
  const t = useMessages(programmeMessages);
  const { role } = useMe();
  return (
    <Page
      title={t.heading}
      actions={
        role === 'administrator' && (
          <Link className="button" to="/programmes/new">
            {t.register}
          </Link>
        )
      }
    >
      <ProgrammeList editable={role === 'administrator' || role === 'coordinator'} />
    </Page>
  );
}
