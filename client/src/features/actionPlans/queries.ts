import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/api/ApiClientProvider';
import { actionPlanKeys, fetchAction, fetchDashboard, fetchPlan } from './api';

/** One plan with its objectives; waits while `id` is not known yet (an action's page reads it first). */
export function usePlan(id: string) {
  const client = useApiClient();
  return useQuery({ queryKey: actionPlanKeys.plan(id), queryFn: ({ signal }) => fetchPlan(client, id, signal), enabled: id !== '' });
}

export function useDashboard(id: string) {
  const client = useApiClient();
  return useQuery({ queryKey: actionPlanKeys.dashboard(id), queryFn: ({ signal }) => fetchDashboard(client, id, signal) });
}

export function useAction(id: string) {
  const client = useApiClient();
  return useQuery({ queryKey: actionPlanKeys.action(id), queryFn: ({ signal }) => fetchAction(client, id, signal) });
}
