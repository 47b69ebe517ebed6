import { BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { BarChartProps } from './BarChart';

// Only what a bar chart needs, so the chart chunk stays small.
Chart.register(BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours that keep 3:1 contrast against white and stay apart for the common colour blindnesses. */
const palette = ['#0b4f8a', '#c05a00', '#2e7d32', '#7b1fa2', '#b0003a', '#00796b'];

export default function BarCanvas({ title, labels, series, stacked, horizontal, locale }: BarChartProps & { locale: string }) {
  return (
    <Bar
      role="img"
      aria-label={title}
      data={{
        labels: [...labels],
        datasets: series.map((one, index) => ({
          label: one.label,
          data: [...one.values],
          backgroundColor: one.colour ?? palette[index % palette.length],
        })),
      }}
      options={{
        locale,
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        maintainAspectRatio: false,
        responsive: true,
        scales: { x: { stacked, beginAtZero: true }, y: { stacked, beginAtZero: true } },
        plugins: { legend: { display: series.length > 1, position: 'bottom' } },
      }}
    />
  );
}
