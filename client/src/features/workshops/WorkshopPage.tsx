import './training.css';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { useMe } from '@/lib/session';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { WorkshopDetails } from './api';
import { EnrolmentList } from './EnrolmentList';
import { workshopMessages } from './messages';
import { mayPlan } from './roles';
import { useKeyFactorOptions } from '@/lib/referenceData';
import { WithWorkshop } from './WithWorkshop';

export function WorkshopPage() {
  return <WithWorkshop>{(workshop) => <WorkshopView workshop={workshop} />}</WithWorkshop>;
}

/** A workshop: its details, its sessions (planned by coordinators, attendance by its staff) and its participants. */
function WorkshopView({ workshop }: { workshop: WorkshopDetails }) {
  const t = useMessages(workshopMessages);
  const format = useFormat();
  const name = useBilingual();
  const keyFactors = useKeyFactorOptions();
  const planner = mayPlan(useMe());
  const factorName = (code: string) => keyFactors.options.find((option) => option.value === code)?.label ?? code;
  return (
    <Page
      title={workshop.title}
      actions={
        planner && (
          <Link className="button" to={`/workshops/${workshop.id}/edit`}>
            {t.editHeading(workshop.title)}
          </Link>
        )
      }
    >
      <h2>{t.details}</h2>
      <dl className="details">
        <dt>{t.fields.programme}</dt>
        <dd>{workshop.programmeCode}</dd>
        <dt>{t.fields.kind}</dt>
        <dd>{t.kinds[workshop.kind]}</dd>
        <dt>{t.columns.dates}</dt>
        <dd>{format.period(workshop.startsOn, workshop.endsOn)}</dd>
        <dt>{t.fields.status}</dt>
        <dd>
          <span className="badge">{t.statuses[workshop.status]}</span>
        </dd>
        <dt>{t.fields.host}</dt>
        <dd>{name(workshop, 'hostAdministrationNameEn', 'hostAdministrationNameFr')}</dd>
        <dt>{t.fields.city}</dt>
        <dd>{workshop.city}</dd>
        <dt>{t.scope}</dt>
        <dd>{t.scopes[workshop.scope] ?? workshop.scope}</dd>
        {workshop.administrations.length > 0 && (
          <>
            <dt>{t.fields.others}</dt>
            <dd>{workshop.administrations.map((administration) => name(administration, 'nameEn', 'nameFr')).join(', ')}</dd>
          </>
        )}
        <dt>{t.fields.language}</dt>
        <dd>{t.languages[workshop.language] ?? workshop.language}</dd>
        <dt>{t.fields.keyFactors}</dt>
        <dd>{workshop.keyFactorCodes.length ? workshop.keyFactorCodes.map(factorName).join(' · ') : t.none}</dd>
        <dt>{t.fields.partners}</dt>
        <dd>{workshop.partners.join(', ') || t.none}</dd>
        <dt>{t.fields.outcomeNotes}</dt>
        <dd>{workshop.outcomeNotes || t.none}</dd>
      </dl>
      <Sessions workshop={workshop} planner={planner} />
      <EnrolmentList workshop={workshop} />
    </Page>
  );
}

function Sessions({ workshop, planner }: { workshop: WorkshopDetails; planner: boolean }) {
  const t = useMessages(workshopMessages);
  const format = useFormat();
  const name = useBilingual();
  return (
    <>
      <div className="page-heading">
        <h2>{t.sessions.heading}</h2>
        {planner && workshop.status !== 'cancelled' && (
          <Link className="button" to={`/workshops/${workshop.id}/sessions/new`}>
            {t.sessions.plan}
          </Link>
        )}
      </div>
      {workshop.sessions.length === 0 ? (
        <p>{t.sessions.empty}</p>
      ) : (
        <table>
          <caption>{t.sessions.caption(workshop.title)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.sessions.day}</th>
              <th scope="col">{t.sessions.module}</th>
              <th scope="col" className="number">
                {t.sessions.hours}
              </th>
              <th scope="col">{t.sessions.trainers}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {workshop.sessions.map((session) => {
              const day = format.date(session.heldOn);
              return (
                <tr key={session.id}>
                  <th scope="row" className="nowrap">
                    {day}
                  </th>
                  <td>
                    {session.moduleCode} — {name(session, 'moduleTitleEn', 'moduleTitleFr')}
                  </td>
                  <td className="number">{format.number(session.hours)}</td>
                  <td>{session.trainers.map((trainer) => trainer.fullName).join(', ')}</td>
                  <td className="row-actions">
                    <Link to={`/workshops/${workshop.id}/sessions/${session.id}/attendance`}>{t.sessions.attendance(day)}</Link>
                    {planner && <Link to={`/workshops/${workshop.id}/sessions/${session.id}/edit`}>{t.sessions.edit(day)}</Link>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
