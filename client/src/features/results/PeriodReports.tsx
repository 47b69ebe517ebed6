import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Loading, Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { RecordForm } from '@/components/RecordForm';
import { TextAreaField } from '@/components/fields';
import { useMe } from '@/lib/session';
import { common } from '@/i18n/common';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import {
  approvePeriodReport,
  fetchPeriod,
  resultKeys,
  returnPeriodReport,
  submitPeriodReport,
  type AdministrationReport,
  type ReportAt,
} from './api';
import { resultMessages } from './messages';
import './results.css';
import { mayCompare, reportMoves } from './periodActions';
import { ReportDrift } from './ReportDrift';
import { ReportStateBadge } from './ReportStateBadge';

/** One reporting period: each administration's report, who moved it when, and the moves the caller may make. */
export function PeriodReportsPage() {
  const { programmeId = '', periodId = '' } = useParams();
  const client = useApiClient();
  const t = useMessages(resultMessages);
  const shared = useMessages(common);
  const period = useQuery({
    queryKey: [...resultKeys.periods(programmeId), periodId],
    queryFn: ({ signal }) => fetchPeriod(client, programmeId, periodId, signal),
  });
  if (period.isPending) return <Loading />;
  if (period.error) return <ProblemAlert error={period.error} onRetry={() => void period.refetch()} />;
  const { label, administrations } = period.data;
  return (
    <Page
      title={t.reports.heading(label)}
      actions={
        <Link className="button secondary" to={`/results/${programmeId}`}>
          {shared.actions.back}
        </Link>
      }
    >
      {administrations.length === 0 ? (
        <p>{t.reports.none}</p>
      ) : (
        <table>
          <caption>{t.reports.caption(label)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.reports.administration}</th>
              <th scope="col">{t.reports.state}</th>
              <th scope="col">{t.reports.history}</th>
              <th scope="col">{t.reports.actions}</th>
            </tr>
          </thead>
          <tbody>
            {administrations.map((report) => (
              <ReportRow key={report.administrationId} report={report} at={{ programmeId, periodId, administrationId: report.administrationId }} />
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

function ReportRow({ report, at }: { report: AdministrationReport; at: ReportAt }) {
  const client = useApiClient();
  const me = useMe();
  const t = useMessages(resultMessages);
  const name = useBilingual();
  const [returning, setReturning] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [comment, setComment] = useState('');
  // Every view of the programme's periods (lists, widgets) shows the new state.
  const invalidates = [resultKeys.periods(at.programmeId)];
  const submit = useCommand(() => submitPeriodReport(client, at), { invalidates });
  const approve = useCommand(() => approvePeriodReport(client, at), { invalidates });
  const sendBack = useCommand((text: string) => returnPeriodReport(client, at, text), {
    invalidates,
    onDone: () => setReturning(false),
  });
  const administration = name(report, 'nameEn', 'nameFr');
  const pending = submit.pending || approve.pending || sendBack.pending;
  // A refused return is said inside its form.
  const failed = submit.error ?? approve.error;

  return (
    <tr>
      <th scope="row">{administration}</th>
      <td>
        <ReportStateBadge state={report.state} />
        {report.locked && <span className="badge">{t.reports.locked}</span>}
      </td>
      <td>
        <ReportHistory report={report} />
      </td>
      <td>
        {reportMoves(me.role, report.state).map((move) =>
          move === 'return' ? (
            <button key={move} type="button" className="secondary" aria-expanded={returning} onClick={() => setReturning(!returning)} disabled={pending}>
              {t.reports.return}
            </button>
          ) : (
            <button key={move} type="button" onClick={() => void (move === 'submit' ? submit : approve).run(undefined)} disabled={pending}>
              {t.reports[move]}
            </button>
          ),
        )}
        {mayCompare(me.role, report.state) && (
          <button type="button" className="secondary" aria-expanded={comparing} onClick={() => setComparing(!comparing)}>
            {t.reports.drift}
          </button>
        )}
        {comparing && <ReportDrift at={at} administration={administration} />}
        {returning && (
          <RecordForm
            command={{ ...sendBack, pending }}
            onSubmit={() => void sendBack.run(comment)}
            placedFields={['comment']}
            onCancel={() => setReturning(false)}
            submitLabel={t.reports.confirmReturn}
            pendingLabel={t.reports.confirmReturn}
            problemLead={t.reports.moveFailed(administration)}
          >
            <TextAreaField label={t.reports.returnComment} value={comment} onValue={setComment} required errors={sendBack.errorsFor('comment')} />
          </RecordForm>
        )}
        <ProblemAlert error={failed} lead={t.reports.moveFailed(administration)} />
      </td>
    </tr>
  );
}

/** Who submitted, returned (and why) and approved the report, when. */
export function ReportHistory({ report }: { report: AdministrationReport }) {
  const t = useMessages(resultMessages);
  const format = useFormat();
  const who = (name: string | null | undefined) => name ?? t.reports.someone;
  return (
    <ul className="report-history">
      {report.submittedAt && <li>{t.reports.submitted(who(report.submittedByName), format.dateTime(report.submittedAt))}</li>}
      {report.returnedAt && (
        <li>
          {t.reports.returned(who(report.returnedByName), format.dateTime(report.returnedAt))}
          {report.returnComment && <q>{report.returnComment}</q>}
        </li>
      )}
      {report.approvedAt && <li>{t.reports.approved(who(report.approvedByName), format.dateTime(report.approvedAt))}</li>}
    </ul>
  );
}
