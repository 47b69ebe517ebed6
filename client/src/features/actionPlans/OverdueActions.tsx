import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import type { ApiClient } from '@/api/client';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMessages } from '@/i18n/LocaleProvider';
import { actionPlanKeys, fetchDashboard, fetchPlanPage } from './api';
import { actionPlanMessages } from './messages';
import { OverdueTable, type OverdueRow } from './OverdueTable';
import './actionPlans.css';

/** How many plans are looked at: one list request, then one dashboard each, for a slow connection. */
const PLANS_READ = 10;
const PLANS_SHOWN = 5;

/**
 * The overdue actions of the caller's plans that are being carried out (adopted or in
 * implementation), read from the first few plans' dashboards, longest overdue first. The API has
 * no list of overdue actions across plans, so this takes 1 + at most 5 requests.
 */
export async function fetchOverdueActions(client: ApiClient, signal?: AbortSignal): Promise<{ rows: OverdueRow[]; partial: boolean }> {
  const page = await fetchPlanPage(client, {}, undefined, signal, PLANS_READ);
  const running = page.items.filter((plan) => plan.status === 'adopted' || plan.status === 'in_implementation');
  const plans = running.slice(0, PLANS_SHOWN);
  const dashboards = await Promise.all(plans.map((plan) => fetchDashboard(client, plan.id, signal)));
  const rows = dashboards
    .flatMap((dashboard, index) => dashboard.overdue.map((action) => ({ action, plan: plans[index] })))
    .sort((a, b) => a.action.dueOn.localeCompare(b.action.dueOn));
  return { rows, partial: running.length > PLANS_SHOWN || Boolean(page.nextCursor) };
}

/** A home-page widget: overdue actions of the caller's plans, each linking to its page. */
export function OverdueActions() {
  const client = useApiClient();
  const t = useMessages(actionPlanMessages);
  const overdue = useQuery({ queryKey: actionPlanKeys.overdue, queryFn: ({ signal }) => fetchOverdueActions(client, signal) });

  let body;
  if (overdue.isPending) body = <Loading label={t.overdue.loading} />;
  else if (overdue.isError) body = <ProblemAlert error={overdue.error} onRetry={() => void overdue.refetch()} />;
  else if (overdue.data.rows.length === 0) body = <p>{t.overdue.none}</p>;
  else body = <OverdueTable caption={t.overdue.caption} rows={overdue.data.rows} />;
  return (
    <section aria-labelledby="overdue-actions-heading" className="card">
      <h2 id="overdue-actions-heading">{t.overdue.heading}</h2>
      {body}
      {overdue.data?.partial && (
        <p className="status">
          {t.overdue.morePlans} <Link to="/action-plans">{t.plan.back}</Link>
        </p>
      )}
    </section>
  );
}
