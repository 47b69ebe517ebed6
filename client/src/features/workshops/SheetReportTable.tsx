import './training.css';
import { Link } from 'react-router';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import type { SheetReport } from './api';
import { workshopMessages } from './messages';
import { RowProblems } from '@/components/RowProblems';

const totals = ['rowsRead', 'registered', 'matched', 'enrolled', 'alreadyEnrolled', 'rejected'] as const;

/**
 * What an uploaded sheet did, or with `preview` what importing it would do: how it was read, the totals, the
 * attendance marks per session day, then only the rows that need someone's attention (rejected, or the same person
 * as an earlier row), by line, each with every problem naming the person. A sheet of thousands of good rows answers
 * in a few lines. A preview links to nobody: the people it matched on the sheet were never stored.
 */
export function SheetReportTable({ report, preview = false }: { report: SheetReport; preview?: boolean }) {
  const t = useMessages(workshopMessages).sheet;
  const format = useFormat();
  const headingId = preview ? 'sheet-preview' : 'sheet-report';
  const summary = preview ? t.previewSummary : t.summary;
  const totalLabels = preview ? t.previewTotals : t.totals;
  const outcomes = preview ? t.previewOutcomes : t.outcomes;
  const readAs = [t.formats[report.format] ?? report.format, report.encoding && (t.encodings[report.encoding] ?? report.encoding)];
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{preview ? t.preview : t.report}</h2>
      <p role="status">{summary(format.number(report.rowsRead), format.number(report.rejected))}</p>
      <p>{t.readAs(readAs.filter(Boolean).join(', '))}</p>
      <dl className="sheet-totals">
        {totals.map((total) => (
          <div key={total}>
            <dt>{totalLabels[total]}</dt>
            <dd className="number">{format.number(report[total])}</dd>
          </div>
        ))}
      </dl>
      <h3>{t.marks}</h3>
      {report.attendanceByDay.length === 0 ? (
        <p>{t.noMarks}</p>
      ) : (
        <dl className="sheet-totals">
          {report.attendanceByDay.map((day) => (
            <div key={day.day}>
              <dt>{format.date(day.day)}</dt>
              <dd className="number">{format.number(day.marks)}</dd>
            </div>
          ))}
        </dl>
      )}
      <h3>{t.attention}</h3>
      {report.needingAttention.length === 0 ? (
        <p>{t.allFine}</p>
      ) : (
        <table className="sheet-rows">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t.row}
              </th>
              <th scope="col">{t.outcome}</th>
              {!preview && <th scope="col">{t.participant}</th>}
              <th scope="col">{t.problems}</th>
            </tr>
          </thead>
          <tbody>
            {report.needingAttention.map((row) => (
              <tr key={row.row} className={`outcome-${row.outcome}`}>
                <th scope="row" className="number">
                  {format.number(row.row)}
                </th>
                <td>
                  <span className="badge">{outcomes[row.outcome]}</span>
                </td>
                {!preview && <td>{row.participantId && <Link to={`/participants/${row.participantId}`}>{t.open(row.row)}</Link>}</td>}
                <td>
                  <RowProblems problems={row.problems} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
