import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { BarChart } from '@/components/charts/BarChart';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordTable } from '@/components/RecordTable';
import { common } from '@/i18n/common';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchIndicator, fetchIndicatorValues, resultKeys } from './api';
import { resultMessages } from './messages';

/** /results/:programmeId/indicators/:indicatorId: an indicator's targets vs actuals per reporting period. */
export function IndicatorPage() {
  const { programmeId = '', indicatorId = '' } = useParams();
  const client = useApiClient();
  const t = useMessages(resultMessages);
  const shared = useMessages(common);
  const format = useFormat();
  const title = useBilingual();
  const indicator = useQuery({
    queryKey: resultKeys.indicator(programmeId, indicatorId),
    queryFn: ({ signal }) => fetchIndicator(client, programmeId, indicatorId, signal),
  });
  const values = useQuery({
    queryKey: resultKeys.values(programmeId, indicatorId),
    queryFn: ({ signal }) => fetchIndicatorValues(client, programmeId, indicatorId, signal),
  });
  const failed = [indicator, values].find((query) => query.error && !query.data);
  if (failed) return <ProblemAlert error={failed.error} onRetry={() => void failed.refetch()} />;
  if (!indicator.data || !values.data) return <Loading />;
  const { code, unit, measure, computedBy } = indicator.data;
  const periods = values.data.items;
  const figure = (value: number | null | undefined) => (value == null ? t.values.notEntered : format.number(value));

  return (
    <Page
      title={`${code} ${title(indicator.data, 'titleEn', 'titleFr')}`}
      actions={
        <>
          <Link className="button secondary" to={`/results/${programmeId}`}>
            {shared.actions.back}
          </Link>
          <Link className="button secondary" to={`/results/${programmeId}/indicators/${indicatorId}/edit`}>
            {shared.actions.edit}
          </Link>
        </>
      }
    >
      <p>
        {unit} · {t.measure[measure]} · {computedBy ? t.rule[computedBy] : t.indicators.entered}
      </p>
      {periods.length === 0 ? (
        <p>{t.values.nothing}</p>
      ) : (
        <>
          {measure !== 'qualitative' && (
            <BarChart
              title={`${t.values.chart} (${unit})`}
              labels={periods.map((period) => period.label)}
              series={[
                { label: t.values.target, values: periods.map((period) => period.target ?? 0) },
                { label: t.values.actual, values: periods.map((period) => period.actual ?? 0) },
              ]}
            />
          )}
          <RecordTable
            caption={t.values.caption(code)}
            rows={periods}
            rowKey={(period) => period.periodId}
            columns={[
              { header: t.values.period, cell: (period) => period.label },
              { header: t.values.target, className: 'number', cell: (period) => figure(period.target) },
              { header: t.values.actual, className: 'number', cell: (period) => figure(period.actual) },
              { header: t.values.comment, cell: (period) => [period.targetComment, period.actualComment].filter(Boolean).join(' · ') },
              {
                header: '',
                cell: (period) => (
                  <Link to={`/results/${programmeId}/indicators/${indicatorId}/periods/${period.periodId}`} aria-label={`${t.values.record}: ${period.label}`}>
                    {t.values.record}
                  </Link>
                ),
              },
            ]}
          />
        </>
      )}
    </Page>
  );
}
