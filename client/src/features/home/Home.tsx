import { Page } from '@/components/Page';
import { ProgrammeList } from '@/features/programmes/ProgrammeList';
import { common } from '@/i18n/common';
import { useMessages } from '@/i18n/LocaleProvider';

/** The first screen after signing in, fitted to the role. */
export function Home() {
  const t = useMessages(common);
  return (
    <Page title={t.nav.home}>
      <ProgrammeList />
    </Page>
  );
}
