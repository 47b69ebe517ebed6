import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { programmeMessages } from './messages';
import { ProgrammeList } from './ProgrammeList';

export function ProgrammesPage() {
  const t = useMessages(programmeMessages);
  return (
    <Page title={t.heading}>
      <ProgrammeList />
    </Page>
  );
}
