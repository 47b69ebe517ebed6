import { Link } from 'react-router';
import { Page } from '@/components/Page';
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
        <table>
          <caption>{t.workshopsCaption(fullName(participant))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.workshopColumns.title}</th>
              <th scope="col">{t.workshopColumns.dates}</th>
              <th scope="col" className="number">
                {t.workshopColumns.preTest}
              </th>
              <th scope="col" className="number">
                {t.workshopColumns.postTest}
              </th>
              <th scope="col">{t.workshopColumns.completed}</th>
            </tr>
          </thead>
          <tbody>
            {participant.workshops.map((workshop) => (
              <tr key={workshop.workshopId}>
                <th scope="row">
                  <Link to={`/workshops/${workshop.workshopId}`}>{workshop.title}</Link>
                </th>
                <td className="nowrap">{format.period(workshop.startsOn, workshop.endsOn)}</td>
                <td className="number">{score(workshop.preTestScore)}</td>
                <td className="number">{score(workshop.postTestScore)}</td>
                <td>{workshop.completed ? t.yes : t.no}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
