import type { ReactNode } from 'react';
import { Page } from '@/components/Page';
import { OverdueActions } from '@/features/actionPlans/OverdueActions';
import { AdminOverview } from '@/features/admin/AdminOverview';
import { DonorReports } from '@/features/reports/DonorReports';
import { PeriodStates } from '@/features/results/PeriodStates';
import { useMe, type Role } from '@/lib/session';
import { UpcomingWorkshops } from '@/features/workshops/UpcomingWorkshops';
import { useMessages } from '@/i18n/LocaleProvider';
import { homeMessages } from './messages';

/** What each role looks at first; each card reads only what it shows. */
const cards: Record<Role, () => ReactNode> = {
  administrator: () => (
    <>
      <AdminOverview />
      <UpcomingWorkshops />
      <PeriodStates />
    </>
  ),
  coordinator: () => (
    <>
      <UpcomingWorkshops />
      <PeriodStates />
      {/* Its table needs the page's width, not a third of it. */}
      <div className="cards-row">
        <OverdueActions />
      </div>
    </>
  ),
  trainer: () => <UpcomingWorkshops />,
  donor: () => <DonorReports />,
};

/** The first screen after signing in, fitted to the role. */
export function Home() {
  const me = useMe();
  const t = useMessages(homeMessages);
  return (
    <Page title={t.title}>
      <p className="lead">
        <strong>{t.welcome(me.displayName?.trim() || me.name)}</strong> {t.intro[me.role]}
      </p>
      <div className="cards">{cards[me.role]()}</div>
    </Page>
  );
}
