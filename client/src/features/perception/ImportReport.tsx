import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import type { ResponsesImport } from './contract';
import { perceptionMessages } from './messages';
import { RowProblems } from '@/components/RowProblems';

const totals = ['rows', 'added', 'unchanged', 'rejected', 'answersAdded'] as const;

/**
 * What a file of responses did, or with `preview` what importing it would do: the totals, the columns the
 * questionnaire does not know, then only the rows that need someone's attention, by line, with every problem.
 * A file of thousands of good rows answers in a few lines.
 */
export function ImportReport({ report, preview = false }: { report: ResponsesImport; preview?: boolean }) {
  const t = useMessages(perceptionMessages).import;
  const format = useFormat();
  const headingId = preview ? 'responses-preview' : 'responses-report';
  const labels = preview ? t.previewTotals : t.totals;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{preview ? t.preview : t.report}</h3>
      <p role="status">{(preview ? t.previewSummary : t.summary)(format.number(report.rows), format.number(report.rejected))}</p>
      <dl className="sheet-totals">
        {totals.map((total) => (
          <div key={total}>
            <dt>{labels[total]}</dt>
            <dd className="number">{format.number(report[total])}</dd>
          </div>
        ))}
      </dl>
      {report.unknownColumns.length > 0 && (
        <>
          <h4>{t.unknownColumns}</h4>
          <ul className="unknown-columns">
            {report.unknownColumns.map((column) => (
              <li key={column}>
                <code>{column}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>{t.attention}</h4>
      {report.attention.length === 0 ? (
        <p>{t.allFine}</p>
      ) : (
        <table className="sheet-rows">
          <caption>{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t.line}
              </th>
              <th scope="col">{t.respondent}</th>
              <th scope="col">{t.problems}</th>
            </tr>
          </thead>
          <tbody>
            {report.attention.map((row) => (
              <tr key={row.line}>
                <th scope="row" className="number">
                  {format.number(row.line)}
                </th>
                <td>{row.respondent ?? '—'}</td>
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
