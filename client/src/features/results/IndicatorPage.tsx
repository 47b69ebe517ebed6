import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { BarChart } from '@/components/charts/BarChart';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
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
          <table>
            <caption>{t.values.caption(code)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.values.period}</th>
                <th scope="col" className="number">
                  {t.values.target}
                </th>
                <th scope="col" className="number">
                  {t.values.actual}
                </th>
                <th scope="col">{t.values.comment}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {periods.map((period) => (
                <tr key={period.periodId}>
                  <th scope="row">{period.label}</th>
                  <td className="number">{figure(period.target)}</td>
                  <td className="number">{figure(period.actual)}</td>
                  <td>{[period.targetComment, period.actualComment].filter(Boolean).join(' · ')}</td>
                  <td>
                    <Link to={`/results/${programmeId}/indicators/${indicatorId}/periods/${period.periodId}`} aria-label={`${t.values.record}: ${period.label}`}>
                      {t.values.record}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
