import { useKeyFactors } from '@/lib/referenceData';
import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { useCountries, useRegions } from '@/lib/referenceData';
import { QueryTable } from '@/components/RecordTable';
import { referenceMessages } from './messages';

type Bilingual = { code: string; nameEn: string; nameFr: string };

/** Reference data fixed by the migrations: read here, never edited. Both names are shown, each in its language. */
function BilingualList<T extends Bilingual>({
  labels,
  query,
}: {
  labels: { heading: string; caption: string; loading: string };
  query: { data?: { items: T[] }; error: unknown; isPending: boolean; refetch: () => unknown };
}) {
  const t = useMessages(referenceMessages);
  return (
    <Page title={labels.heading}>
      <QueryTable
        query={query}
        loadingLabel={labels.loading}
        caption={labels.caption}
        rowKey={(row) => row.code}
        columns={[
          { header: t.code, cell: (row) => row.code },
          { header: t.nameEn, cell: (row) => <span lang="en">{row.nameEn}</span> },
          { header: t.nameFr, cell: (row) => <span lang="fr">{row.nameFr}</span> },
        ]}
      />
    </Page>
  );
}

export function KeyFactorsPage() {
  return <BilingualList labels={useMessages(referenceMessages).keyFactors} query={useKeyFactors()} />;
}

export function RegionsPage() {
  return <BilingualList labels={useMessages(referenceMessages).regions} query={useRegions()} />;
}

export function CountriesPage() {
  return <BilingualList labels={useMessages(referenceMessages).countries} query={useCountries()} />;
}
