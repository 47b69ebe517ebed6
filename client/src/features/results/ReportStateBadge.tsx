import { useMessages } from '@/i18n/LocaleProvider';
import type { ReportState } from './api';
import { resultMessages } from './messages';

/** An administration's report state, in words (never colour alone). */
export function ReportStateBadge({ state }: { state: ReportState }) {
  const t = useMessages(resultMessages);
  return <span className={`badge report-${state}`}>{t.state[state]}</span>;
}
