import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { perceptionMessages } from './messages';

/**
 * One figure of a score: the number, or a marked "suppressed" whose tooltip gives the threshold, so a withheld small
 * cell never reads as 0. No cell at all (the group did not answer the key factor) is a dash.
 */
export function ScoreFigure({
  cell,
  figure,
  minimumCellSize,
}: {
  cell: { suppressed: boolean; respondents: number | null; favourablePercent: number | null; mean: number | null } | undefined;
  figure: 'favourablePercent' | 'mean' | 'respondents';
  /** The API's threshold, when it gives it (a round's scores do, its trend does not). */
  minimumCellSize?: number;
}) {
  const t = useMessages(perceptionMessages).scores;
  const format = useFormat();
  if (!cell) return <>—</>;
  if (cell.suppressed)
    return (
      <abbr className="suppressed" title={minimumCellSize === undefined ? t.suppressedFew : t.suppressedTitle(minimumCellSize)}>
        {t.suppressed}
      </abbr>
    );
  const value = cell[figure];
  if (value === null) return <>—</>;
  return <>{figure === 'favourablePercent' ? format.percent(value) : format.number(value)}</>;
}
