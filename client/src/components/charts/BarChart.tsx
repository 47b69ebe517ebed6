import { lazy, Suspense } from 'react';
import { useIntlLocale, useMessages } from '@/i18n/LocaleProvider';
import { formatNumber } from '@/i18n/format';
import { defineMessages } from '@/i18n/catalog';

// chart.js arrives only with the first chart, not with the first screen.
const BarCanvas = lazy(() => import('./BarCanvas'));

export interface BarSeries {
  label: string;
  /** null: no figure (not reported, or withheld); the bar is left out, never drawn as 0. */
  values: readonly (number | null)[];
  colour?: string;
}

export interface BarChartProps {
  title: string;
  labels: readonly string[];
  series: readonly BarSeries[];
  stacked?: boolean;
  horizontal?: boolean;
}

const messages = defineMessages({ asTable: 'Show the figures as a table' }, { asTable: 'Voir les chiffres en tableau' });

/** A bar chart with its figures also as a table, for screen readers and for copying. */
export function BarChart(props: BarChartProps) {
  const locale = useIntlLocale();
  const t = useMessages(messages);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <div className="chart-canvas" style={{ height: `${Math.max(12, props.horizontal ? props.labels.length * 2 : 16)}rem` }}>
        <Suspense fallback={null}>
          <BarCanvas {...props} locale={locale} />
        </Suspense>
      </div>
      <details>
        <summary>{t.asTable}</summary>
        <table>
          <thead>
            <tr>
              <td />
              {props.series.map((one) => (
                <th key={one.label} scope="col">
                  {one.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.labels.map((label, row) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {props.series.map((one) => (
                  <td key={one.label} className="number">
                    {one.values[row] == null ? '' : formatNumber(one.values[row]!, locale)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
