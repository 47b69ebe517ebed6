import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { CursorTable } from '@/components/RecordTable';
import { fullName } from '@/components/people/DuplicatePrompt';
import { participantMessages } from '@/lib/people/messages';
import { useFormat } from '@/i18n/format';
import { useMessages } from '@/i18n/LocaleProvider';
import { fetchEnrolmentPage, workshopKeys, type Enrolment, type WorkshopDetails } from './api';
import { workshopMessages } from './messages';

/** Present or late counts as attending a session; excused and absent do not. */
function attended(enrolment: Enrolment) {
  return enrolment.attendance.filter((session) => session.status === 'present' || session.status === 'late').length;
}

/** The workshop's participants a page at a time, with their scores, completion and attendance. */
export function EnrolmentList({ workshop }: { workshop: WorkshopDetails }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const people = useMessages(participantMessages);
  const format = useFormat();
  const list = useCursorList(workshopKeys.enrolments(workshop.id), (cursor, signal) => fetchEnrolmentPage(client, workshop.id, cursor, signal));
  const score = (value: number | null | undefined) => (value === null || value === undefined ? t.none : format.number(value));
  const open = workshop.status !== 'cancelled';
  return (
    <>
      <div className="page-heading">
        <h2>{t.enrolments.heading}</h2>
        {open && (
          <div className="page-actions">
            <Link className="button" to={`/workshops/${workshop.id}/enrol`}>
              {t.enrolments.enrol}
            </Link>
            <Link className="button secondary" to={`/workshops/${workshop.id}/sheet`}>
              {t.enrolments.upload}
            </Link>
            <Link className="button secondary" to={`/workshops/${workshop.id}/attendance-sheet`}>
              {t.enrolments.print}
            </Link>
          </div>
        )}
      </div>
      <CursorTable
        list={list}
        loadingLabel={t.enrolments.loading}
        emptyLabel={t.enrolments.empty}
        caption={t.enrolments.caption(workshop.title)}
        stackedWhenNarrow
        rowKey={(enrolment) => enrolment.participantId}
        columns={[
          { header: t.enrolments.name, cell: (enrolment) => <Link to={`/participants/${enrolment.participantId}`}>{fullName(enrolment)}</Link> },
          { header: t.enrolments.service, cell: (enrolment) => people.service[enrolment.service] },
          {
            header: t.enrolments.attendance,
            className: 'number',
            cell: (enrolment) => `${format.number(attended(enrolment))} / ${format.number(workshop.sessionCount)}`,
          },
          { header: t.enrolments.preTest, className: 'number', cell: (enrolment) => score(enrolment.preTestScore) },
          { header: t.enrolments.postTest, className: 'number', cell: (enrolment) => score(enrolment.postTestScore) },
          { header: t.enrolments.completed, cell: (enrolment) => (enrolment.completed ? t.enrolments.yes : t.enrolments.no) },
          {
            header: '',
            cell: (enrolment) => (
              <Link to={`/workshops/${workshop.id}/participants/${enrolment.participantId}`}>{t.enrolments.results(fullName(enrolment))}</Link>
            ),
          },
        ]}
      />
    </>
  );
}
