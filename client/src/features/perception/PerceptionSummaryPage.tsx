import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordTable } from '@/components/RecordTable';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { useProgramme } from '@/lib/referenceData';
import { perceptionKeys } from './api';
import { fetchPerceptionSummary, type PerceptionSummaryItem } from './contract';
import { perceptionMessages } from './messages';
import './perception.css';

/**
 * /perception/:programmeId: for donors (and staff in scope), per key factor in how many of the administrations
 * surveyed twice the perceptions improved; a key factor too few administrations contribute to reads "suppressed"
 * with the API's reason. No administration is named.
 */
export function PerceptionSummaryPage() {
  const { programmeId = '' } = useParams();
  const client = useApiClient();
  const t = useMessages(perceptionMessages).summary;
  const format = useFormat();
  const name = useBilingual();
  const programme = useProgramme(programmeId);
  const summary = useQuery({
    queryKey: perceptionKeys.summary(programmeId),
    queryFn: ({ signal }) => fetchPerceptionSummary(client, programmeId, signal),
  });
  const improved = (item: PerceptionSummaryItem) =>
    item.suppressed ? (
      // One element, so that a phone's stacked row keeps the reason under the mark rather than beside it.
      <span>
        <abbr className="suppressed" title={item.reason ?? undefined}>
          {t.suppressed}
        </abbr>
        {item.reason && <span className="suppressed-reason">{item.reason}</span>}
      </span>
    ) : (
      t.improvedOf(format.number(item.improved ?? 0), format.number(item.administrations ?? 0))
    );

  let content;
  if (summary.isError) content = <ProblemAlert error={summary.error} onRetry={() => void summary.refetch()} />;
  else if (!summary.data) content = <Loading label={t.loading} />;
  else
    content = (
      <>
        <p className="lead">
          {t.intro(format.number(summary.data.administrationsSurveyedTwice), format.number(summary.data.minimumAdministrations))}
        </p>
        <RecordTable
          caption={t.caption}
          rows={summary.data.items}
          rowKey={(item) => item.keyFactorCode}
          stackedWhenNarrow
          columns={[
            { header: t.keyFactor, cell: (item) => `${item.keyFactorCode} ${name(item, 'keyFactorNameEn', 'keyFactorNameFr')}` },
            { header: t.improved, cell: improved },
            {
              header: t.share,
              className: 'number',
              cell: (item) => (item.suppressed || item.improvedPercent === null ? '—' : format.percent(item.improvedPercent)),
            },
          ]}
        />
      </>
    );
  return (
    <Page title={t.headingOf(programme.data?.code ?? '')}>
      <p>
        <Link to="/perception">{t.back}</Link>
      </p>
      {content}
    </Page>
  );
}
