import { BarChart } from '@/components/charts/BarChart';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { ProgressReport } from './api';
import { reportMessages } from './messages';
import { officialsBySex, sexes, targetsVsActuals } from './reportData';

/** The report's pictures: officials trained by sex (stacked), and each indicator's targets vs actuals. */
export function ReportCharts({ report }: { report: ProgressReport }) {
  const t = useMessages(reportMessages);
  const title = useBilingual();
  const officials = officialsBySex(report);
  // The report names its indicators (a donor cannot list them): "1.1 Officials trained".
  const named = (code: string) => {
    const indicator = report.indicators.find((one) => one.code === code);
    return indicator ? `${code} ${title(indicator, 'titleEn', 'titleFr')}` : code;
  };
  return (
    <>
      <BarChart
        title={t.charts.officialsBySex}
        labels={officials.labels}
        stacked
        series={sexes.map((sex) => ({ label: t.sex[sex], values: officials.bySex[sex] }))}
      />
      {targetsVsActuals(report).map((indicator) => (
        <BarChart
          key={indicator.indicator}
          title={t.charts.targetsVsActuals(named(indicator.indicator))}
          labels={indicator.labels}
          series={[
            { label: t.charts.target, values: indicator.targets },
            { label: t.charts.actual, values: indicator.actuals },
          ]}
        />
      ))}
    </>
  );
}
