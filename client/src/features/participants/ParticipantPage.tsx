import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { RecordTable } from '@/components/RecordTable';
import { useMe } from '@/lib/session';
import { common } from '@/i18n/common';
import { useFormat } from '@/i18n/format';
import { useBilingual, useMessages } from '@/i18n/LocaleProvider';
import type { ParticipantDetails } from '@/lib/people/api';
import { fullName } from '@/components/people/DuplicatePrompt';
import { participantMessages } from '@/lib/people/messages';
import { WithParticipant } from './WithParticipant';

/** A person of the registry and the workshops they attended that the caller may see, with their scores. */
export function ParticipantPage() {
  return <WithParticipant>{(participant) => <ParticipantView participant={participant} />}</WithParticipant>;
}

function ParticipantView({ participant }: { participant: ParticipantDetails }) {
  const t = useMessages(participantMessages);
  const shared = useMessages(common);
  const format = useFormat();
  const name = useBilingual();
  const me = useMe();
  const score = (value: number | null | undefined) => (value === null || value === undefined ? '—' : format.number(value));
  return (
    <Page
      title={fullName(participant)}
      actions={
        <>
          <Link className="button" to={`/participants/${participant.id}/edit`}>
            {shared.actions.edit}
          </Link>
          {me.role !== 'trainer' && (
            <Link className="button secondary" to={`/participants/${participant.id}/merge`}>
              {t.merge}
            </Link>
          )}
        </>
      }
    >
      <h2>{t.details}</h2>
      <dl className="details">
        <dt>{t.fields.administration}</dt>
        <dd>{name(participant, 'administrationNameEn', 'administrationNameFr')}</dd>
        <dt>{t.fields.sex}</dt>
        <dd>{t.sex[participant.sex]}</dd>
        <dt>{t.fields.service}</dt>
        <dd>{t.service[participant.service]}</dd>
        <dt>{t.fields.position}</dt>
        <dd>{participant.position || '—'}</dd>
        <dt>{t.fields.email}</dt>
        <dd>{participant.email || '—'}</dd>
        <dt>{t.fields.staffNumber}</dt>
        <dd>{participant.staffNumber || '—'}</dd>
      </dl>
      <h2>{t.workshops}</h2>
      {participant.workshops.length === 0 ? (
        <p>{t.noWorkshops}</p>
      ) : (
        <RecordTable
          caption={t.workshopsCaption(fullName(participant))}
          rows={participant.workshops}
          rowKey={(workshop) => workshop.workshopId}
          columns={[
            { header: t.workshopColumns.title, cell: (workshop) => <Link to={`/workshops/${workshop.workshopId}`}>{workshop.title}</Link> },
            { header: t.workshopColumns.dates, className: 'nowrap', cell: (workshop) => format.period(workshop.startsOn, workshop.endsOn) },
            { header: t.workshopColumns.preTest, className: 'number', cell: (workshop) => score(workshop.preTestScore) },
            { header: t.workshopColumns.postTest, className: 'number', cell: (workshop) => score(workshop.postTestScore) },
            { header: t.workshopColumns.completed, cell: (workshop) => (workshop.completed ? t.yes : t.no) },
          ]}
        />
      )}
    </Page>
  );
}
