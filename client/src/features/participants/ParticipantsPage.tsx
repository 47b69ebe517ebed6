import { Link } from 'react-router';
import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { useMe } from '@/lib/session';
import { fullName } from '@/components/people/DuplicatePrompt';
import { participantMessages } from '@/lib/people/messages';
import { ParticipantSearch } from '@/components/people/ParticipantSearch';

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
