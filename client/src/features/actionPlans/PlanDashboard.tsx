import { BarChart } from '@/components/charts/BarChart';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { actionPlanMessages } from './messages';
import { OverdueTable } from './OverdueTable';
import { useDashboard } from './queries';

/** GetActionPlanDashboard: where the plan stands today, as the API computes it. */
export function PlanDashboard({ planId }: { planId: string }) {
  const t = useMessages(actionPlanMessages);
  const format = useFormat();
  const name = useBilingual();
  const dashboard = useDashboard(planId);

  let body;
  if (dashboard.isPending) body = <Loading label={t.dashboard.loading} />;
  else if (dashboard.isError) body = <ProblemAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  else {
    const figures = dashboard.data;
    body = (
      <>
        <p className="status">{t.dashboard.asOf(format.date(figures.asOf))}</p>
        <div className="figures">
          <div className="figure">
            <p className="figure-label">{t.dashboard.rate}</p>
            <p className="figure-value">{figures.implementationRate == null ? '—' : format.percent(figures.implementationRate)}</p>
            <p className="figure-detail">
              {figures.actionsDue === 0
                ? t.dashboard.noneDue
                : t.dashboard.rateDetail(format.number(figures.actionsDoneOfDue), format.number(figures.actionsDue))}
            </p>
          </div>
          <div className="figure">
            <p className="figure-label">{t.dashboard.onTime}</p>
            <p className="figure-value">{format.number(figures.actionsDoneOnTime)}</p>
          </div>
          <div className="figure">
            <p className="figure-label">{t.dashboard.overdue}</p>
            <p className="figure-value">{format.number(figures.overdue.length)}</p>
          </div>
        </div>
        <BarChart
          title={t.dashboard.byStatus}
          labels={figures.actionsByStatus.map((count) => t.actionStatus[count.status])}
          series={[{ label: t.dashboard.actions, values: figures.actionsByStatus.map((count) => count.count) }]}
        />
        {figures.overdue.length === 0 ? (
          <p>{t.dashboard.noOverdue}</p>
        ) : (
          <OverdueTable caption={t.dashboard.overdue} rows={figures.overdue.map((action) => ({ action }))} />
        )}
        <table>
          <caption>{t.dashboard.keyFactors}</caption>
          <thead>
            <tr>
              <th scope="col">{t.dashboard.keyFactor}</th>
              <th scope="col">{t.dashboard.coverage}</th>
            </tr>
          </thead>
          <tbody>
            {figures.keyFactors.map((factor) => (
              <tr key={factor.code}>
                <th scope="row">
                  {factor.code} {name(factor, 'nameEn', 'nameFr')}
                </th>
                <td>{factor.covered ? t.dashboard.covered(factor.objectiveCount) : t.dashboard.notCovered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  return (
    <section aria-labelledby="dashboard-heading" className="section">
      <h2 id="dashboard-heading">{t.dashboard.heading}</h2>
      {body}
    </section>
  );
}
