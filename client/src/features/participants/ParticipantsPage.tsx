import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { useMe } from '@/features/session';
import { fullName } from './DuplicatePrompt';
import { participantMessages } from './messages';
import { ParticipantSearch } from './ParticipantSearch';

/** The registry: search, open a person, and (coordinators) register someone. Trainers register through a workshop. */
export function ParticipantsPage() {
  const t = useMessages(participantMessages);
  const me = useMe();
  return (
    <Page
      title={t.heading}
      actions={
        me.role !== 'trainer' && (
          <Link className="button" to="/participants/new">
            {t.register}
          </Link>
        )
      }
    >
      <ParticipantSearch
        action={(participant) => (
          <Link to={`/participants/${participant.id}`}>{t.duplicate.open(fullName(participant))}</Link>
        )}
      />
    </Page>
  );
}
