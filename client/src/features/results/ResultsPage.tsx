import { Navigate, useNavigate, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { SelectField } from '@/components/fields';
import { ListFooter } from '@/components/ListFooter';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { fetchProgrammePage, programmeListKey } from '@/lib/referenceData';
import { useMessages } from '@/i18n/LocaleProvider';
import { IndicatorList } from './IndicatorList';
import { resultMessages } from './messages';
import './results.css';
import { ReportingPeriodList } from './ReportingPeriodList';

/** /results and /results/:programmeId: a programme's indicators and reporting periods. */
export function ResultsPage() {
  const { programmeId } = useParams();
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(resultMessages);
  const programmes = useCursorList(programmeListKey(), (cursor, signal) => fetchProgrammePage(client, cursor, signal));

  if (programmes.loading) return <Loading label={t.loading} />;
  if (programmes.error && !programmes.loaded) return <ProblemAlert error={programmes.error} onRetry={programmes.retry} />;
  // Most coordinators keep one programme: nothing to choose.
  if (!programmeId && programmes.items.length === 1) return <Navigate to={`/results/${programmes.items[0]!.id}`} replace />;
  const programme = programmes.items.find((one) => one.id === programmeId);
  return (
    <Page title={programme ? `${t.heading}: ${programme.code}` : t.heading}>
      {programmes.items.length === 0 ? (
        <p>{t.noProgrammes}</p>
      ) : (
        <div className="form">
          <SelectField
            label={t.programme}
            value={programmeId ?? ''}
            placeholder={t.chooseProgramme}
            options={programmes.items.map((one) => ({ value: one.id, label: `${one.code} — ${one.name}` }))}
            onValue={(id) => void navigate(id ? `/results/${id}` : '/results')}
          />
        </div>
      )}
      {programmes.hasMore && (
        <ListFooter count={programmes.items.length} hasMore loadingMore={programmes.loadingMore} onLoadMore={programmes.loadMore} />
      )}
      {programme && (
        <>
          <IndicatorList programmeId={programme.id} programmeCode={programme.code} />
          <ReportingPeriodList programme={programme} />
        </>
      )}
    </Page>
  );
}
