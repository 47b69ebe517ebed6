import './training.css';
import { Link } from 'react-router';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import type { SheetReport } from './api';
import { workshopMessages } from './messages';

const totals = ['rowsRead', 'registered', 'matched', 'enrolled', 'alreadyEnrolled', 'rejected'] as const;

/**
 * What an uploaded sheet did: the totals, then only the rows that need someone's attention (rejected, or the
 * same person as an earlier row), by line number. A sheet of thousands of good rows answers in a few lines.
 */
export function SheetReportTable({ report }: { report: SheetReport }) {
  const t = useMessages(workshopMessages);
  const format = useFormat();
  return (
    <section aria-labelledby="sheet-report">
      <h2 id="sheet-report">{t.sheet.report}</h2>
      <p role="status">{t.sheet.summary(format.number(report.rowsRead), format.number(report.rejected))}</p>
      <dl className="sheet-totals">
        {totals.map((total) => (
          <div key={total}>
            <dt>{t.sheet.totals[total]}</dt>
            <dd className="number">{format.number(report[total])}</dd>
          </div>
        ))}
      </dl>
      <h3>{t.sheet.attention}</h3>
      {report.needingAttention.length === 0 ? (
        <p>{t.sheet.allFine}</p>
      ) : (
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
            {report.needingAttention.map((row) => (
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
      )}
    </section>
  );
}
