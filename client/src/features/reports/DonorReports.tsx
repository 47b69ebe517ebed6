import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { Loading } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { useMessages } from '@/i18n/LocaleProvider';
import { fetchProgressReport, reportKeys, type ReportOptions } from './api';
import { DownloadLinks } from './DownloadLinks';
import { reportMessages } from './messages';
import './reports.css';
import { useReportedProgrammes } from '@/lib/referenceData';
import { ReportCell } from './ReportCell';
import { headlineFigures, headlines } from './reportData';

const approvedByPeriod: ReportOptions = { groupBy: 'period', includeUnapproved: false };

/** Home widget for a donor: the programmes it funds, with the headline figures of their approved reports and the files. */
export function DonorReports() {
  const client = useApiClient();
  const t = useMessages(reportMessages);
  const programmes = useReportedProgrammes();
  const reports = useQueries({
    queries: programmes.items.map((programme) => ({
      queryKey: reportKeys.progress(programme.id, approvedByPeriod),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProgressReport(client, programme.id, approvedByPeriod, signal),
    })),
  });

  return (
    <section aria-labelledby="donor-reports-heading">
      <h2 id="donor-reports-heading">{t.widget.heading}</h2>
      {programmes.loading ? (
        <Loading label={t.loading} />
      ) : programmes.error && !programmes.loaded ? (
        <ProblemAlert error={programmes.error} onRetry={programmes.retry} />
      ) : programmes.items.length === 0 ? (
        <p>{t.widget.empty}</p>
      ) : (
        <ul className="cards">
          {programmes.items.map((programme, index) => {
            const report = reports[index];
            return (
              <li key={programme.id} className="card">
                <h3>
                  {programme.code}: {programme.name}
                </h3>
                {report?.error ? (
                  <ProblemAlert error={report.error} onRetry={() => void report.refetch()} />
                ) : !report?.data ? (
                  <Loading label={t.report.loading} />
                ) : (
                  <dl className="headlines">
                    {Object.entries(headlines(report.data)).map(([figure, value]) => (
                      <div key={figure}>
                        <dt>{t.figures[figure as (typeof headlineFigures)[number]]}</dt>
                        <dd className="number">
                          {value === null ? '—' : <ReportCell cell={value} minimumCellSize={report.data.suppression.minimumCellSize} />}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
                <p>
                  <Link to={`/reports/${programme.id}`}>{t.widget.open}</Link>
                </p>
                <DownloadLinks programmeId={programme.id} code={programme.code} options={approvedByPeriod} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
