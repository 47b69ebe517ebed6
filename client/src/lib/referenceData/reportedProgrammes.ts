import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { useMe } from '@/lib/session';
import { fetchProgrammePage, programmeListKey } from './index';

/** The programmes the caller reports on: a donor's are those it funds, staff's those in their scope. */
export function useReportedProgrammes() {
  const client = useApiClient();
  const { donorId } = useMe();
  return useCursorList(programmeListKey(donorId), (cursor, signal) => fetchProgrammePage(client, cursor, signal, donorId));
}
