import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { useMe } from '@/lib/session';
import { fetchProgrammePage, reportKeys } from './api';

/** The programmes the caller reports on: a donor's are those it funds, staff's those in their scope. */
export function useReportedProgrammes() {
  const client = useApiClient();
  const { donorId } = useMe();
  return useCursorList(reportKeys.programmes(donorId), (cursor, signal) => fetchProgrammePage(client, donorId, cursor, signal));
}
