import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { AuditCheck } from './AuditCheck';
import { DuplicateReviews } from './DuplicateReviews';
import { adminMessages } from './messages';
import { SectionLinks, accountSections, referenceSections } from './sections';

/** /admin: where administrators find accounts, tokens, reference data and the audit trail. */
export function AdminPage() {
  const t = useMessages(adminMessages);
  return (
    <Page title={t.overview.heading}>
      <div className="cards">
        <section aria-labelledby="admin-accounts" className="card">
          <h2 id="admin-accounts">{t.overview.accounts}</h2>
          <SectionLinks sections={accountSections} />
        </section>
        <section aria-labelledby="admin-reference" className="card">
          <h2 id="admin-reference">{t.overview.referenceData}</h2>
          <SectionLinks sections={referenceSections} />
        </section>
        <AuditCheck />
        <DuplicateReviews />
      </div>
    </Page>
  );
}
