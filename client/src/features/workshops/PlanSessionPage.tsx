import { useApiClient } from '@/api/ApiClientProvider';
import { useMessages } from '@/i18n/LocaleProvider';
import { planSession } from './api';
import { workshopMessages } from './messages';
import { SessionForm } from './SessionForm';
import { WithWorkshop } from './WithWorkshop';

/** A new session, on the workshop's first day unless the coordinator picks another. */
export function PlanSessionPage() {
  const client = useApiClient();
  const t = useMessages(workshopMessages);
  return (
    <WithWorkshop>
      {(workshop) => (
        <SessionForm
          title={t.sessions.planHeading}
          workshop={workshop}
          initial={{ moduleId: '', heldOn: workshop.startsOn, trainerIds: [] }}
          send={(body, { idempotencyKey }) => planSession(client, workshop.id, body, idempotencyKey)}
        />
      )}
    </WithWorkshop>
  );
}
