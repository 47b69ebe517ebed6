import { Link } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCursorList } from '@/api/useCursorList';
import { PagedList } from '@/components/PagedList';
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
          </div>
        )}
      </div>
      <PagedList list={list} loading={t.enrolments.loading} empty={t.enrolments.empty}>
        {(items) => (
          <table aria-busy={list.loadingMore}>
            <caption>{t.enrolments.caption(workshop.title)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.enrolments.name}</th>
                <th scope="col">{t.enrolments.service}</th>
                <th scope="col" className="number">
                  {t.enrolments.attendance}
                </th>
                <th scope="col" className="number">
                  {t.enrolments.preTest}
                </th>
                <th scope="col" className="number">
                  {t.enrolments.postTest}
                </th>
                <th scope="col">{t.enrolments.completed}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {items.map((enrolment) => (
                <tr key={enrolment.participantId}>
                  <th scope="row">
                    <Link to={`/participants/${enrolment.participantId}`}>{fullName(enrolment)}</Link>
                  </th>
                  <td>{people.service[enrolment.service]}</td>
                  <td className="number">
                    {format.number(attended(enrolment))} / {format.number(workshop.sessionCount)}
                  </td>
                  <td className="number">{score(enrolment.preTestScore)}</td>
                  <td className="number">{score(enrolment.postTestScore)}</td>
                  <td>{enrolment.completed ? t.enrolments.yes : t.enrolments.no}</td>
                  <td>
                    <Link to={`/workshops/${workshop.id}/participants/${enrolment.participantId}`}>{t.enrolments.results(fullName(enrolment))}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </>
  );
}
