import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { reportMessages } from './messages';
import type { Cell } from './reportData';

/**
 * One figure of a report: the number, or a marked "suppressed" whose tooltip gives the threshold, so a
 * withheld small count never reads as 0. No cell at all (not reported) stays empty.
 */
export function ReportCell({ cell, minimumCellSize }: { cell: Cell | null | undefined; minimumCellSize: number }) {
  const t = useMessages(reportMessages);
  const format = useFormat();
  if (cell == null) return null;
  if (cell === 'suppressed')
    return (
      <abbr className="suppressed" title={t.suppression.title(minimumCellSize)}>
        {t.suppression.mark}
      </abbr>
    );
  return <>{format.number(cell)}</>;
}
