import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiClient } from '@/api/ApiClientProvider';
import { useCommand } from '@/api/useCommand';
import { Page } from '@/components/Page';
import { useMessages } from '@/i18n/LocaleProvider';
import { participantKeys, personBody, registerParticipant, type PersonValues } from '@/lib/people/api';
import { fullName } from '@/components/people/DuplicatePrompt';
import { participantMessages } from '@/lib/people/messages';
import { emptyPerson } from '@/components/people/PersonFields';
import { PersonForm } from '@/components/people/PersonForm';

/**
 * Registers a customs official. When the registry likely holds them already, the user opens the
 * person they meant, or confirms a different person (the same request with `confirmNewPerson`).
 */
export function RegisterParticipantPage() {
  const client = useApiClient();
  const navigate = useNavigate();
  const t = useMessages(participantMessages);
  const [values, setValues] = useState<PersonValues>(() => emptyPerson());
  const command = useCommand(
    (confirmNewPerson: boolean, { idempotencyKey }) =>
      registerParticipant(client, { ...personBody(values), confirmNewPerson: confirmNewPerson || null }, idempotencyKey),
    { invalidates: [participantKeys.all], onDone: (created) => navigate(`/participants/${created.id}`), offline: () => fullName(values) },
  );
  return (
    <Page title={t.registerHeading}>
      <PersonForm
        values={values}
        onChange={setValues}
        command={command}
        use={(candidate) => <Link to={`/participants/${candidate.id}`}>{t.duplicate.open(fullName(candidate))}</Link>}
        confirmLabel={t.duplicate.differentPerson}
        cancelTo="/participants"
      />
    </Page>
  );
}
