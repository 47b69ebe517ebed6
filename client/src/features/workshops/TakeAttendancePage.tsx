import './training.css';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { ProblemAlert } from '@/components/ProblemAlert';
import { fullName } from '@/components/people/DuplicatePrompt';
import { common } from '@/i18n/common';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import {
  attendanceStatuses,
  takeAttendance,
  workshopKeys,
  type AttendanceStatus,
  type Enrolment,
  type SessionDetails,
  type WorkshopDetails,
} from './api';
import { workshopMessages } from './messages';
import { WithEveryEnrolment, WithWorkshop } from './WithWorkshop';

export function TakeAttendancePage() {
  const t = useMessages(workshopMessages);
  const { sessionId } = useParams();
  return (
    <WithWorkshop>
      {(workshop) => {
        const session = workshop.sessions.find((candidate) => candidate.id === sessionId);
        return session ? <AttendanceOf workshop={workshop} session={session} /> : <p role="alert">{t.sessions.notFound}</p>;
      }}
    </WithWorkshop>
  );
}

function AttendanceOf({ workshop, session }: { workshop: WorkshopDetails; session: SessionDetails }) {
  return <WithEveryEnrolment workshop={workshop}>{(enrolments) => <AttendanceSheet workshop={workshop} session={session} enrolments={enrolments} />}</WithEveryEnrolment>;
}

type Marks = Record<string, AttendanceStatus | undefined>;

/** Each participant's status at this session as last recorded; none where attendance was not taken. */
function recorded(enrolments: Enrolment[], sessionId: string): Marks {
  return Object.fromEntries(
    enrolments.map((enrolment) => [enrolment.participantId, enrolment.attendance.find((entry) => entry.sessionId === sessionId)?.status]),
  );
}

/**
 * Every participant of the workshop on one screen, a choice of status each, saved in one TakeAttendance
 * call. Only participants given a status are sent: the API leaves the others as they were.
 */
function AttendanceSheet({ workshop, session, enrolments }: { workshop: WorkshopDetails; session: SessionDetails; enrolments: Enrolment[] }) {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const shared = useMessages(common);
  const format = useFormat();
  const name = useBilingual();
  const [marks, setMarks] = useState<Marks>(() => recorded(enrolments, session.id));
  const [saved, setSaved] = useState<number | null>(null);
  const entries = enrolments.flatMap((enrolment) => {
    const status = marks[enrolment.participantId];
    return status ? [{ participantId: enrolment.participantId, status }] : [];
  });
  const day = format.date(session.heldOn);
  const module = `${session.moduleCode} — ${name(session, 'moduleTitleEn', 'moduleTitleFr')}`;
  const command = useCommand((_: undefined, { idempotencyKey }) => takeAttendance(client, workshop.id, session.id, entries, idempotencyKey), {
    invalidates: [workshopKeys.all],
    onDone: () => setSaved(entries.length),
    offline: () => `${workshop.title}, ${day}`,
  });

  function mark(participantId: string, status: AttendanceStatus) {
    setSaved(null);
    setMarks((previous) => ({ ...previous, [participantId]: status }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void command.run(undefined);
  }

  // An error names an entry by its place in the body sent: `entries[3].participantId`.
  const entryErrors = (participantId: string) => {
    const index = entries.findIndex((entry) => entry.participantId === participantId);
    return index < 0 ? [] : [...(command.errorsFor(`entries[${index}].participantId`) ?? []), ...(command.errorsFor(`entries[${index}].status`) ?? [])];
  };

  return (
    <Page title={t.attendance.heading(day)}>
      <p>
        <Link to={`/workshops/${workshop.id}`}>{workshop.title}</Link> · {module}
      </p>
      {enrolments.length === 0 ? (
        <p>{t.attendance.nobody}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t.attendance.intro}</p>
          <ProblemAlert error={command.error} placedFields={entries.map((_, index) => `entries[${index}].participantId`)} />
          <table className="attendance">
            <caption>{t.attendance.caption(module)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.attendance.participant}</th>
                {attendanceStatuses.map((status) => (
                  <th key={status} scope="col">
                    {t.attendance.statuses[status]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {enrolments.map((enrolment) => {
                const person = fullName(enrolment);
                const errors = entryErrors(enrolment.participantId);
                return (
                  <tr key={enrolment.participantId}>
                    <th scope="row" id={`person-${enrolment.participantId}`}>
                      {person}
                      {marks[enrolment.participantId] === undefined && <span className="field-hint"> ({t.attendance.unmarked})</span>}
                      {errors.map((message) => (
                        <span key={message} className="field-error">
                          {' '}
                          {message}
                        </span>
                      ))}
                    </th>
                    {attendanceStatuses.map((status) => (
                      <td key={status}>
                        {/* The whole cell is the choice; its status shows beside it where the column headers do not (a phone's cards). */}
                        <label className="attendance-choice">
                          <input
                            type="radio"
                            name={`attendance-${enrolment.participantId}`}
                            aria-label={`${person}: ${t.attendance.statuses[status]}`}
                            checked={marks[enrolment.participantId] === status}
                            onChange={() => mark(enrolment.participantId, status)}
                          />
                          <span className="attendance-choice-status" aria-hidden="true">
                            {t.attendance.statuses[status]}
                          </span>
                        </label>
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {/* Kept in view at the foot of the screen: a long list need not be scrolled through to save or to read what was saved. */}
          <div className="attendance-save">
            <div className="form-buttons">
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setSaved(null);
                  setMarks(Object.fromEntries(enrolments.map((enrolment) => [enrolment.participantId, 'present' as const])));
                }}
              >
                {t.attendance.everyonePresent}
              </button>
              <button type="submit" disabled={command.pending || entries.length === 0}>
                {command.pending ? shared.actions.saving : t.attendance.save}
              </button>
            </div>
            <p role="status">{saved !== null && t.attendance.saved(saved)}</p>
          </div>
        </form>
      )}
    </Page>
  );
}
