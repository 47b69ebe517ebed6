import { useState } from 'react';
import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { CursorTable } from '@/components/RecordTable';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { fetchPeriodPage, resultKeys, type Programme } from './api';
import { DefineReportingPeriodForm } from './DefineReportingPeriodForm';
import { resultMessages } from './messages';
import { ReportStateBadge } from './ReportStateBadge';

/** A programme's reporting periods in date order, with each administration's report state. */
export function ReportingPeriodList({ programme }: { programme: Programme }) {
  const client = useApiClient();
  const t = useMessages(resultMessages);
  const format = useFormat();
  const name = useBilingual();
  const [defining, setDefining] = useState(false);
  const list = useCursorList(resultKeys.periods(programme.id), (cursor, signal) => fetchPeriodPage(client, programme.id, cursor, signal));

  return (
    <section aria-labelledby="periods-heading">
      <h2 id="periods-heading">{t.periods.heading}</h2>
      {defining ? (
        <DefineReportingPeriodForm programme={programme} onClose={() => setDefining(false)} />
      ) : (
        <p>
          <button type="button" onClick={() => setDefining(true)}>
            {t.periods.define}
          </button>
        </p>
      )}
      <CursorTable
        list={list}
        emptyLabel={t.periods.empty}
        caption={t.periods.caption(programme.code)}
        rowKey={(period) => period.id}
        columns={[
          {
            header: t.periods.columns.label,
            cell: (period) => (
              <Link to={`/results/${programme.id}/periods/${period.id}`} aria-label={t.periods.open(period.label)}>
                {period.label}
              </Link>
            ),
          },
          { header: t.periods.columns.dates, className: 'nowrap', cell: (period) => format.period(period.startsOn, period.endsOn) },
          {
            header: t.periods.columns.reports,
            cell: (period) => (
              <ul className="report-states">
                {period.administrations.map((report) => (
                  <li key={report.administrationId}>
                    {name(report, 'nameEn', 'nameFr')} <ReportStateBadge state={report.state} />
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </section>
  );
}
