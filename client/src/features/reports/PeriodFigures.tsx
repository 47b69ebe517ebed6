import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { KeyFactor, Programme, ProgressReport } from './api';
import { reportMessages } from './messages';
import { ReportCell } from './ReportCell';
import { awaitsApproval, groupColumns, periodTable, sexes, type TableRow } from './reportData';

/** "Burkina Faso Customs, 2023: submitted, awaiting approval": a report left out, named in the chosen language. */
export function useLeftOutText(programme: Programme) {
  const t = useMessages(reportMessages);
  const name = useBilingual();
  return (left: ProgressReport['leftOut'][number]) => {
    // The report names administrations in English; the programme has both names.
    const covered = programme.administrations.find((one) => one.id === left.administrationId);
    const state = t.states[left.state as keyof typeof t.states] ?? left.state;
    return t.report.leftOut(covered ? name(covered, 'nameEn', 'nameFr') : left.administration, left.periodLabel, state);
  };
}

/**
 * Every figure of each period, one table per period; the group columns follow the report's grouping, named in the
 * chosen language (an empty one is the whole of it: "All administrations"). A period not approved has no figure for
 * donors: it says so and which reports it waits for, rather than zeros.
 */
export function PeriodFigures({ report, programme, keyFactors }: { report: ProgressReport; programme: Programme; keyFactors: readonly KeyFactor[] }) {
  const t = useMessages(reportMessages);
  const name = useBilingual();
  const leftOutText = useLeftOutText(programme);
  const size = report.suppression.minimumCellSize;
  const figure = (row: TableRow) => {
    const label = t.figures[row.figure as keyof typeof t.figures];
    if (typeof label === 'function') return label(row.indicator ?? '');
    return label ?? row.figure;
  };
  const administration = (row: TableRow) => {
    const named = report.administrations.find((one) => one.id === row.administrationId);
    return named ? name(named, 'nameEn', 'nameFr') : (row.administration ?? t.grid.wholeProgramme);
  };
  const region = (row: TableRow) => {
    const named = report.regions.find((one) => one.code === row.region);
    return named ? name(named, 'nameEn', 'nameFr') : (row.region ?? t.table.allRegions);
  };
  const keyFactor = (row: TableRow) => {
    const factor = keyFactors.find((one) => one.code === row.keyFactor);
    return factor ? `${factor.code} ${name(factor, 'nameEn', 'nameFr')}` : (row.keyFactor ?? t.table.allKeyFactors);
  };
  // The columns that tell one row of a figure from another: the grouping's, and the key factor wherever a row has one
  // (by administration, modules delivered come once in all and once per key factor their module covers).
  const columns = groupColumns(report);
  const cells = { administration, region, keyFactor };

  const sections = report.periods.map((period) => {
    if (awaitsApproval(report, period)) {
      const waiting = report.leftOut.filter((left) => left.periodId === period.periodId);
      return (
        <section key={period.periodId} className="not-approved" aria-label={period.label}>
          <p>{t.report.notApproved(period.label)}</p>
          {waiting.length > 0 && (
            <>
              <p>{t.report.waitingFor}</p>
              <ul>
                {waiting.map((left) => (
                  <li key={left.administrationId}>{leftOutText(left)}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      );
    }
    const rows = periodTable(report, period.periodId);
    if (rows.length === 0) return null;
    return (
      <table key={period.periodId} className="report-figures">
        <caption>{t.table.caption(period.label)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.table.figure}</th>
            {columns.map((column) => (
              <th key={column} scope="col">
                {t.report.groupings[column]}
              </th>
            ))}
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
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{figure(row)}</th>
              {columns.map((column) => (
                <td key={column}>{cells[column](row)}</td>
              ))}
              <td className="number">
                <ReportCell cell={row.total} minimumCellSize={size} />
              </td>
              {sexes.map((sex) => (
                <td key={sex} className="number">
                  <ReportCell cell={row.bySex[sex]} minimumCellSize={size} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  });
  // Nothing to show: no period, or approved periods that carry no figure.
  if (!sections.some(Boolean)) return <p>{t.report.noValues}</p>;
  return <>{sections}</>;
}
