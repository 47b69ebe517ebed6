import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { KeyFactor, Programme, ProgressReport } from './api';
import { reportMessages } from './messages';
import { periodTable, sexes, type TableRow } from './reportData';

/** Every figure of each period, one table per period; the group column follows the report's grouping. */
export function PeriodFigures({ report, programme, keyFactors }: { report: ProgressReport; programme: Programme; keyFactors: readonly KeyFactor[] }) {
  const t = useMessages(reportMessages);
  const format = useFormat();
  const name = useBilingual();
  const grouped = report.groupBy !== 'period';
  const figure = (row: TableRow) => {
    const label = t.figures[row.figure as keyof typeof t.figures];
    if (typeof label === 'function') return label(row.indicator ?? '');
    return label ?? row.figure;
  };
  const group = (row: TableRow) => {
    const administration = programme.administrations.find((one) => one.id === row.administrationId);
    if (administration) return name(administration, 'nameEn', 'nameFr');
    const factor = keyFactors.find((one) => one.code === row.keyFactor);
    if (factor) return `${factor.code} ${name(factor, 'nameEn', 'nameFr')}`;
    return row.administration ?? row.region ?? row.keyFactor ?? '';
  };
  const cell = (value: number | null | undefined) => (value == null ? '' : format.number(value));

  if (report.values.length === 0) return <p>{t.report.noValues}</p>;
  return (
    <>
      {report.periods.map((period) => (
        <table key={period.periodId} className="report-figures">
          <caption>{t.table.caption(period.label)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.table.figure}</th>
              {grouped && <th scope="col">{t.report.groupings[report.groupBy as keyof typeof t.report.groupings] ?? t.table.group}</th>}
              <th scope="col" className="number">
                {t.table.total}
              </th>
              {sexes.map((sex) => (
                <th key={sex} scope="col" className="number">
                  {t.sex[sex]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periodTable(report, period.periodId).map((row) => (
              <tr key={row.key}>
                <th scope="row">{figure(row)}</th>
                {grouped && <td>{group(row)}</td>}
                <td className="number">{cell(row.total)}</td>
                {sexes.map((sex) => (
                  <td key={sex} className="number">
                    {cell(row.bySex[sex])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
