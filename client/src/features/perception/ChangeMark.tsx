import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import type { TrendPoint } from './contract';
import { perceptionMessages } from './messages';
import { changeMark } from './scoreData';

const arrows = { up: '▲', down: '▼', same: '=' } as const;

/** The change from the round before, in points, with an arrow seen and words read out ("up 3.5 points"); nothing when there is none. */
export function ChangeMark({ point }: { point: Pick<TrendPoint, 'change'> }) {
  const t = useMessages(perceptionMessages).trend;
  const format = useFormat();
  const mark = changeMark(point);
  if (mark === null || point.change === null) return null;
  const points = format.number(Math.abs(point.change));
  const said = mark === 'up' ? t.up(points) : mark === 'down' ? t.down(points) : t.same;
  return (
    <span className={`change change-${mark}`}>
      <span aria-hidden="true">
        {arrows[mark]} {mark === 'same' ? '' : `${mark === 'up' ? '+' : '−'}${points}`}
      </span>
      <span className="visually-hidden">{said}</span>
    </span>
  );
}
