import './attendanceSheet.css';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import { administrationsTakingPart, type Enrolment, type WorkshopDetails } from './api';
import { workshopMessages } from './messages';
import { WithEveryEnrolment, WithWorkshop } from './WithWorkshop';

/** Numbered lines left blank under the enrolled, for people who come without being enrolled. */
const BLANK_LINES = 5;

export function PrintAttendanceSheetPage() {
  return (
    <WithWorkshop>
      {(workshop) => <WithEveryEnrolment workshop={workshop}>{(enrolments) => <AttendanceSheet workshop={workshop} enrolments={enrolments} />}</WithEveryEnrolment>}
    </WithWorkshop>
  );
}

/**
 * The workshop's attendance sheet on paper (A4, landscape): everyone enrolled with their administration,
 * a column per session day to mark as the import reads it (P, R, E, A) and one to sign, then blank lines.
 */
function AttendanceSheet({ workshop, enrolments }: { workshop: WorkshopDetails; enrolments: Enrolment[] }) {
  const t = useMessages(workshopMessages);
  const format = useFormat();
  const name = useBilingual();
  const days = [...new Set(workshop.sessions.map((session) => session.heldOn))].sort();
  const trainers = [...new Set(workshop.sessions.flatMap((session) => session.trainers.map((trainer) => trainer.fullName)))];
  const takingPart = administrationsTakingPart(workshop);
  const administrationOf = (enrolment: Enrolment) => {
    const administration = takingPart.find((candidate) => candidate.id === enrolment.administrationId);
    return administration ? name(administration, 'nameEn', 'nameFr') : enrolment.countryCode;
  };
  const markAndSign = (
    <>
      {days.map((day) => (
        <td key={day} />
      ))}
      <td />
    </>
  );
  return (
    <Page
      title={t.printSheet.heading(workshop.title)}
      actions={
        <>
          <button type="button" onClick={() => window.print()}>
            {t.printSheet.print}
          </button>
          <Link to={`/workshops/${workshop.id}`}>{t.sheet.back}</Link>
        </>
      }
    >
      <div className="printable-sheet">
        <dl className="details">
          <dt>{t.fields.programme}</dt>
          <dd>{workshop.programmeCode}</dd>
          <dt>{t.columns.dates}</dt>
          <dd>{format.period(workshop.startsOn, workshop.endsOn)}</dd>
          <dt>{t.printSheet.place}</dt>
          <dd>{`${workshop.city}, ${name(workshop, 'hostAdministrationNameEn', 'hostAdministrationNameFr')}`}</dd>
          <dt>{t.sessions.trainers}</dt>
          <dd>{trainers.join(', ') || t.none}</dd>
        </dl>
        <p>{t.printSheet.marks}</p>
        {/* Wider than a phone: it scrolls sideways in its frame, which the keyboard reaches too. */}
        <div className="sheet-frame" role="region" aria-label={t.printSheet.caption(workshop.title)} tabIndex={0}>
          <table className="attendance-sheet">
            <caption>{t.printSheet.caption(workshop.title)}</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t.printSheet.number}
                </th>
                {[t.printSheet.familyName, t.printSheet.givenNames, t.printSheet.administration].map((heading) => (
                  <th key={heading} scope="col">
                    {heading}
                  </th>
                ))}
                {days.map((day) => (
                  <th key={day} scope="col" className="sheet-day">
                    {format.date(day)}
                  </th>
                ))}
                <th scope="col" className="sheet-signature">
                  {t.printSheet.signature}
                </th>
              </tr>
            </thead>
            <tbody>
              {enrolments.map((enrolment, index) => (
                <tr key={enrolment.participantId}>
                  <td className="number">{format.number(index + 1)}</td>
                  <th scope="row">{enrolment.familyName}</th>
                  <td>{enrolment.givenNames}</td>
                  <td>{administrationOf(enrolment)}</td>
                  {markAndSign}
                </tr>
              ))}
              {Array.from({ length: BLANK_LINES }, (_, blank) => (
                <tr key={`blank-${blank}`}>
                  <td className="number">{format.number(enrolments.length + blank + 1)}</td>
                  <td />
                  <td />
                  <td />
                  {markAndSign}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Page>
  );
}
