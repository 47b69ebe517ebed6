import { Link } from 'react-router';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import type { SheetReport } from './api';
import { workshopMessages } from './messages';

/** What became of each row of an uploaded sheet: the totals, then every row by its line number. */
export function SheetReportTable({ report }: { report: SheetReport }) {
  const t = useMessages(workshopMessages);
  const format = useFormat();
  return (
    <section aria-labelledby="sheet-report">
      <h2 id="sheet-report">{t.sheet.report}</h2>
      <p role="status">{t.sheet.totals(report.created, report.matched, report.rejected)}</p>
      <table>
        <caption>{t.sheet.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t.sheet.row}
            </th>
            <th scope="col">{t.sheet.outcome}</th>
            <th scope="col">{t.sheet.participant}</th>
            <th scope="col">{t.sheet.reason}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.row} className={`outcome-${row.outcome}`}>
              <th scope="row" className="number">
                {format.number(row.row)}
              </th>
              <td>
                <span className="badge">{t.sheet.outcomes[row.outcome]}</span>
              </td>
              <td>{row.participantId && <Link to={`/participants/${row.participantId}`}>{t.sheet.open(row.row)}</Link>}</td>
              <td>{row.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
