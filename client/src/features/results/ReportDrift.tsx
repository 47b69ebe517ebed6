import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { fetchReportDrift, resultKeys, type DriftedFigure, type ReportAt } from './api';
import { resultMessages } from './messages';

/**
 * Whether an approved report's live figures have drifted from what was approved, and by how much: each
 * changed figure, approved → live. Donors keep reading the approved figures, so a coordinator knows when
 * the period should be returned and approved again.
 */
export function ReportDrift({ at, administration }: { at: ReportAt; administration: string }) {
  const client = useApiClient();
  const t = useMessages(resultMessages);
  const format = useFormat();
  const drift = useQuery({
    // Under the period's key: a move on the period refreshes it.
    queryKey: [...resultKeys.periods(at.programmeId), at.periodId, at.administrationId, 'drift'],
    queryFn: ({ signal }) => fetchReportDrift(client, at, signal),
  });
  if (drift.isPending) return <Loading label={t.reports.loadingDrift} />;
  if (drift.error) return <ProblemAlert error={drift.error} onRetry={() => void drift.refetch()} />;
  if (!drift.data.drifted || drift.data.changes.length === 0) return <p className="drift">{t.reports.noDrift}</p>;

  const figure = (change: DriftedFigure) => {
    if (change.indicator) return t.reports.indicator(change.indicator);
    if (change.figure === 'modules_delivered') return t.reports.modulesDelivered;
    return t.rule[change.figure as keyof typeof t.rule] ?? change.figure;
  };
  const breakdown = (change: DriftedFigure) =>
    [change.sex ? t.sex[change.sex] : null, change.keyFactor].filter(Boolean).join(' · ') || t.reports.total;
  const value = (approved: number | null | undefined, live: number | null | undefined) =>
    `${approved == null ? t.reports.absent : format.number(approved)} → ${live == null ? t.reports.absent : format.number(live)}`;
  return (
    <div className="drift">
      <p role="status">{t.reports.drifted(drift.data.changes.length)}</p>
      <table>
        <caption>{t.reports.driftCaption(administration)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.reports.figure}</th>
            <th scope="col">{t.reports.breakdown}</th>
            <th scope="col">
              {t.reports.approvedValue} → {t.reports.liveValue}
            </th>
          </tr>
        </thead>
        <tbody>
          {drift.data.changes.map((change, index) => (
            <tr key={index}>
              <th scope="row">{figure(change)}</th>
              <td>{breakdown(change)}</td>
              <td className="number">
                {value(change.approved, change.live)}
                {(change.approvedTarget != null || change.liveTarget != null) && change.approvedTarget !== change.liveTarget && (
                  <>
                    {' '}
                    ({t.reports.target} {value(change.approvedTarget, change.liveTarget)})
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
