import { useParams } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useMessages } from '@/i18n/LocaleProvider';
import { updateSession } from './api';
import { workshopMessages } from './messages';
import { SessionForm } from './SessionForm';
import { WithWorkshop } from './WithWorkshop';

/**
 * Moves a session (day, module, trainers); its attendance stays. The session's version comes from the
 * workshop as last read, so "Reload" after a 412 lets the next save through with what was typed.
 */
export function EditSessionPage() {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  const { sessionId } = useParams();
  return (
    <WithWorkshop>
      {(workshop, reload) => {
        const session = workshop.sessions.find((candidate) => candidate.id === sessionId);
        if (!session) return <p role="alert">{t.sessions.notFound}</p>;
        return (
          <SessionForm
            title={t.sessions.editHeading}
            workshop={workshop}
            initial={{ moduleId: session.moduleId, heldOn: session.heldOn, trainerIds: session.trainers.map((trainer) => trainer.id) }}
            send={(body) => updateSession(client, workshop.id, session, body)}
            onReload={reload}
          />
        );
      }}
    </WithWorkshop>
  );
}
