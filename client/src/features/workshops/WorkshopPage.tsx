import './training.css';
import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { RecordTable } from '@/components/RecordTable';
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
        <RecordTable
          caption={t.sessions.caption(workshop.title)}
          stackedWhenNarrow
          rows={workshop.sessions}
          rowKey={(session) => session.id}
          columns={[
            { header: t.sessions.day, className: 'nowrap', cell: (session) => format.date(session.heldOn) },
            { header: t.sessions.module, cell: (session) => `${session.moduleCode} — ${name(session, 'moduleTitleEn', 'moduleTitleFr')}` },
            { header: t.sessions.hours, className: 'number', cell: (session) => format.number(session.hours) },
            { header: t.sessions.trainers, cell: (session) => session.trainers.map((trainer) => trainer.fullName).join(', ') },
            {
              header: '',
              className: 'row-actions',
              cell: (session) => (
                <>
                  <Link to={`/workshops/${workshop.id}/sessions/${session.id}/attendance`}>{t.sessions.attendance(format.date(session.heldOn))}</Link>
                  {planner && <Link to={`/workshops/${workshop.id}/sessions/${session.id}/edit`}>{t.sessions.edit(format.date(session.heldOn))}</Link>}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
